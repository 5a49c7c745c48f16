/** The per-client limit: fixed windows, keyed by a salted hash, bounded memory. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../../../src/node/receiver/create-receiver.js';
import { createRateLimiter } from '../../../src/node/receiver/rate-limit.js';
import { openPgliteStore } from '../../../src/node/store/pglite-store.js';
import type { SqlRecordStore } from '../../../src/node/store/sql-store.js';
import { tempDir } from '../support/databases.js';
import { listen, postJson } from '../support/http.js';
import { makeRecord } from '../support/records.js';

describe('createRateLimiter', () => {
  it('allows max requests per window per client, then tells when to retry', () => {
    const limiter = createRateLimiter({ windowMs: 10_000, max: 2 });
    expect(limiter.take('203.0.113.1', 0)).toEqual({ allowed: true });
    expect(limiter.take('203.0.113.1', 1_000)).toEqual({ allowed: true });
    expect(limiter.take('203.0.113.1', 2_000)).toEqual({ allowed: false, retryAfterSeconds: 8 });
    expect(limiter.take('203.0.113.2', 2_000)).toEqual({ allowed: true });
    expect(limiter.take('203.0.113.1', 10_000)).toEqual({ allowed: true });
  });

  it('forgets clients whose window ended', () => {
    const limiter = createRateLimiter({ windowMs: 1_000, max: 1 });
    for (let i = 0; i < 50; i++) limiter.take(`198.51.100.${i}`, 0);
    expect(limiter.size).toBe(50);
    limiter.take('198.51.100.200', 5_000);
    expect(limiter.size).toBe(1);
  });

  it('refuses settings that would block everyone or no one by accident', () => {
    expect(() => createRateLimiter({ windowMs: 0, max: 1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ windowMs: 1000, max: 0 })).toThrow(RangeError);
  });
});

describe('receiver rate limit over HTTP', () => {
  const temp = tempDir();
  let store: SqlRecordStore;
  beforeAll(async () => {
    store = await openPgliteStore({ dataDir: temp.dir });
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('answers 429 with Retry-After past the limit, and counts invalid requests too', async () => {
    const receiver = await createReceiver({ store, rateLimit: { windowMs: 60_000, max: 3 } });
    const server = await listen(receiver.node);
    const before = (await store.stats()).total;
    try {
      expect((await postJson(server.url, '{')).status).toBe(400);
      expect((await postJson(server.url, makeRecord())).status).toBe(201);
      expect((await postJson(server.url, makeRecord())).status).toBe(201);
      const limited = await postJson(server.url, makeRecord());
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json).toMatchObject({ error: 'rate_limited' });
      expect((await store.stats()).total - before).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('keys on the address a load balancer forwards, when told how to read it', async () => {
    const receiver = await createReceiver({ store, rateLimit: { windowMs: 60_000, max: 1 }, clientAddress: (req) => String(req.headers['x-client'] ?? '') });
    const server = await listen(receiver.node);
    try {
      const from = (client: string) => postJson(server.url, makeRecord(), { 'x-client': client });
      expect((await from('192.0.2.1')).status).toBe(201);
      expect((await from('192.0.2.2')).status).toBe(201);
      expect((await from('192.0.2.1')).status).toBe(429);
    } finally {
      await server.close();
    }
  });

  it('can be turned off for a load test from one address', async () => {
    const receiver = await createReceiver({ store, rateLimit: false });
    const server = await listen(receiver.node);
    try {
      const answers = await Promise.all(Array.from({ length: 200 }, () => postJson(server.url, makeRecord())));
      expect(answers.map((a) => a.status)).toEqual(Array(200).fill(201));
    } finally {
      await server.close();
    }
  });
});
