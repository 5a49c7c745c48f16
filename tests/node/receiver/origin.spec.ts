/**
 * Who may post records (Fetch standard: a text/plain POST is a simple request, sent from any
 * origin without a preflight): the receiver's own origin, a listed one, or a client that is not a
 * browser (no Origin). And the address and host behind one trusted proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../../../src/node/receiver/create-receiver.js';
import { openPgliteStore } from '../../../src/node/store/pglite-store.js';
import type { SqlRecordStore } from '../../../src/node/store/sql-store.js';
import { tempDir } from '../support/databases.js';
import { listen, send } from '../support/http.js';
import { makeRecord } from '../support/records.js';

const temp = tempDir();
let store: SqlRecordStore;
beforeAll(async () => {
  store = await openPgliteStore({ dataDir: temp.dir });
});
afterAll(async () => {
  await store.close();
  temp.remove();
});

/** Posts a record the way sendBeacon does, with these extra headers. */
function beacon(url: string, headers: Record<string, string>, record = makeRecord()) {
  return send(url, { body: JSON.stringify(record), headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers } });
}

describe('origin check', () => {
  it('refuses a forged record from another origin or from null with 403, and stores nothing', async () => {
    const receiver = await createReceiver({ store, rateLimit: false });
    const server = await listen(receiver.node);
    try {
      for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:1', `${server.url}/path`]) {
        const record = makeRecord({ method: 'accept-all' });
        const answer = await beacon(server.url, { origin }, record);
        expect(answer.status, origin).toBe(403);
        expect(answer.json).toMatchObject({ error: 'origin_not_allowed' });
        expect(await store.history(record.consentId)).toEqual([]);
      }
      // Its own origin (Origin matches Host) and a client without Origin are accepted.
      expect((await beacon(server.url, { origin: server.url })).status).toBe(201);
      expect((await beacon(server.url, {})).status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('accepts the origins cors lists, on both faces', async () => {
    const receiver = await createReceiver({ store, rateLimit: false, cors: { origins: ['https://www.example.com'] } });
    const server = await listen(receiver.node);
    try {
      expect((await beacon(server.url, { origin: 'https://www.example.com' })).status).toBe(201);
      expect((await beacon(server.url, { origin: 'https://other.example.com' })).status).toBe(403);
      const fetchPost = (origin: string) =>
        receiver.fetch(new Request('https://records.example.net/consent', { method: 'POST', body: JSON.stringify(makeRecord()), headers: { 'content-type': 'text/plain', origin } }));
      expect((await fetchPost('https://www.example.com')).status).toBe(201);
      expect((await fetchPost('https://records.example.net')).status).toBe(201);
      expect((await fetchPost('https://evil.example')).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('compares with X-Forwarded-Host only behind a trusted proxy', async () => {
    const public_ = { origin: 'https://records.example.com', 'x-forwarded-host': 'records.example.com' };
    const direct = await createReceiver({ store, rateLimit: false });
    const proxied = await createReceiver({ store, rateLimit: false, trustProxy: true });
    const [a, b] = await Promise.all([listen(direct.node), listen(proxied.node)]);
    try {
      expect((await beacon(a.url, public_)).status).toBe(403);
      expect((await beacon(b.url, public_)).status).toBe(201);
      // Only the value the proxy appended counts, not one the client put first.
      expect((await beacon(b.url, { ...public_, 'x-forwarded-host': 'records.example.com, evil.example' })).status).toBe(403);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('trustProxy and the rate limit', () => {
  it('gives each forwarded client its own budget, keyed on the address the proxy appended', async () => {
    const limit = { windowMs: 60_000, max: 1 };
    const proxied = await createReceiver({ store, rateLimit: limit, trustProxy: true });
    const direct = await createReceiver({ store, rateLimit: limit });
    const [b, a] = await Promise.all([listen(proxied.node), listen(direct.node)]);
    try {
      const from = (url: string, forwardedFor: string) => beacon(url, { 'x-forwarded-for': forwardedFor });
      expect((await from(b.url, '192.0.2.1')).status).toBe(201);
      expect((await from(b.url, '192.0.2.2')).status).toBe(201);
      expect((await from(b.url, '192.0.2.1')).status).toBe(429);
      // A client cannot escape its budget by prepending a made-up address.
      expect((await from(b.url, '203.0.113.9, 192.0.2.2')).status).toBe(429);
      // Without trustProxy the header means nothing: everyone behind the socket shares one budget.
      expect((await from(a.url, '192.0.2.1')).status).toBe(201);
      expect((await from(a.url, '192.0.2.2')).status).toBe(429);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
