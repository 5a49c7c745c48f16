/** `records serve`: the receiver on a port, until stopped. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReceiver } from '../../receiver/create-receiver.js';
import { CliError, type CliIo } from '../io.js';
import { describeStore, openStoreFor, parsePort, requireDependencies, type StoreFlags } from '../options.js';

export interface ServeFlags extends StoreFlags {
  port?: string;
  host?: string;
  path?: string;
  'rate-limit'?: string;
  cors?: string[];
  'trust-proxy'?: boolean;
}

/** The port `records serve` uses when none is given. */
export const DEFAULT_PORT = 8787;

function rateLimitOf(value: string | undefined): { windowMs: number; max: number } | false | undefined {
  if (value === undefined) return undefined;
  if (value === 'off') return false;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`--rate-limit takes requests per minute per client, or off; not "${value}"`, 2);
  return { windowMs: 60_000, max: Number(value) };
}

export async function serve(flags: ServeFlags, io: CliIo): Promise<number> {
  const port = parsePort(flags.port, DEFAULT_PORT);
  const host = flags.host ?? '127.0.0.1';
  const route = flags.path ?? '/consent';
  if (!route.startsWith('/')) throw new CliError(`--path must start with "/", not "${route}"`, 2);
  const rateLimit = rateLimitOf(flags['rate-limit']);
  const warn = (message: string) => io.err(`consent-gate: ${message}\n`);
  // Before the store creates its data directory: a failed run leaves nothing behind.
  await requireDependencies(flags, 'serve', { validator: true });
  const store = await openStoreFor(flags, { create: true, warn });
  const receiver = await createReceiver({
    store,
    rateLimit,
    cors: flags.cors?.length ? { origins: flags.cors } : false,
    trustProxy: flags['trust-proxy'] ?? false,
    onStoreError: (error) => warn(`could not store a record (answered 503): ${(error as Error).message}`),
  });
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === route) return receiver.node(req, res);
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: 'not_found', message: `consent records are received at ${route}` }));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} on ${host} is in use: choose another with --port (0 picks a free one)`);
    if (code === 'EADDRNOTAVAIL') throw new CliError(`${host} is not an address of this machine: correct --host`);
    throw error;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  await io.out(`Receiving consent records at http://${shownHost}:${address.port}${route}\n`);
  await io.out(`Storing them in ${describeStore(flags)}. Stop with Ctrl+C.\n`);

  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) return resolve();
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await store.close();
  return 0;
}
