/**
 * `records serve --cors ORIGIN` (repeatable) and `--trust-proxy`, as documented in --help and the
 * README: listed origins post, others get 403; behind a proxy its forwarded host and address count.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/node/cli/main.js';
import { freshPgDatabase } from '../support/databases.js';
import { send } from '../support/http.js';
import { makeRecord } from '../support/records.js';

let database: Awaited<ReturnType<typeof freshPgDatabase>>;
beforeAll(async () => {
  database = await freshPgDatabase();
});
afterAll(() => database.drop());

async function startServe(...argv: string[]) {
  const stop = new AbortController();
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t), signal: stop.signal };
  const done = run(['records', 'serve', '--port', '0', '--database-url', database.url, ...argv], io);
  for (let i = 0; i < 2400 && !io.stdout.includes('\n'); i++) {
    if (io.stderr) throw new Error(io.stderr);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const url = /http:\/\/\S+/.exec(io.stdout)![0];
  return { url, stop: async () => (stop.abort(), done) };
}

const beacon = (url: string, headers: Record<string, string>) =>
  send(url, { body: JSON.stringify(makeRecord()), headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers } });

describe('records serve options', () => {
  it('--cors takes several origins; a page elsewhere gets 403', async () => {
    const server = await startServe('--cors', 'https://www.example.com', '--cors', 'https://shop.example.com');
    try {
      const www = await beacon(server.url, { origin: 'https://www.example.com' });
      expect(www.status).toBe(201);
      expect(www.headers['access-control-allow-origin']).toBe('https://www.example.com');
      expect((await beacon(server.url, { origin: 'https://shop.example.com' })).status).toBe(201);
      expect((await beacon(server.url, { origin: 'https://evil.example' })).status).toBe(403);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('--trust-proxy takes the forwarded host as its own and rate-limits by the forwarded address', async () => {
    const server = await startServe('--trust-proxy', '--rate-limit', '1');
    try {
      const proxied = (address: string) => beacon(server.url, { origin: 'https://records.example.com', 'x-forwarded-host': 'records.example.com', 'x-forwarded-for': address });
      expect((await proxied('192.0.2.1')).status).toBe(201);
      expect((await proxied('192.0.2.2')).status).toBe(201);
      expect((await proxied('192.0.2.1')).status).toBe(429);
    } finally {
      await server.stop();
    }
  });

  it('are documented in --help and in the README', async () => {
    const io = { stdout: '', out: (t: string) => void (io.stdout += t), err: () => {} };
    expect(await run(['--help'], io)).toBe(0);
    const readme = readFileSync('README.md', 'utf8');
    for (const option of ['--cors ORIGIN', '--trust-proxy', 'import <file.jsonl|->']) expect(io.stdout).toContain(option);
    for (const text of ['serve --cors ORIGIN` (repeatable)', 'serve --trust-proxy', 'records import records.jsonl --database-url']) expect(readme).toContain(text);
  });
});
