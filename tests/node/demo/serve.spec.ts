/** `npm run demo` on a busy port: one clear line naming the port and the variable to set, no stack, exit code 1. */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requireBuild } from '../scanner/support.js';

const serve = path.resolve(__dirname, '../../../demo/serve.mjs');
const servers: Server[] = [];

/** Holds a loopback port, as another program would. */
async function occupy(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return (server.address() as { port: number }).port;
}

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [serve], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A demo that did start would run until stopped: stop it, and the test fails on the exit code.
    const timer = setTimeout(() => child.kill('SIGINT'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((closed) => server.close(closed))));
});

describe('demo/serve.mjs on a busy port', () => {
  it('says the demo port is in use and how to pick another, without a stack trace', async () => {
    requireBuild();
    const port = await occupy();
    const { code, stderr } = await run({ DEMO_PORT: String(port), THIRD_PARTY_PORT: '0' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`Consent Gate demo: port ${port} is in use: stop what runs there, or set DEMO_PORT=<another port> (for example DEMO_PORT=${port + 10} npm run demo)`);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('says so for the third party\'s port too, naming THIRD_PARTY_PORT', async () => {
    requireBuild();
    const port = await occupy();
    const { code, stderr } = await run({ DEMO_PORT: '0', THIRD_PARTY_PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`Consent Gate demo: port ${port} is in use: stop what runs there, or set THIRD_PARTY_PORT=<another port> (for example THIRD_PARTY_PORT=${port + 10} npm run demo)`);
  }, 60_000);
});
