/** The Node face mounted in Express 5, with and without a body parser in front of it. */
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver, type Receiver } from '../../../src/node/receiver/create-receiver.js';
import { openPgliteStore } from '../../../src/node/store/pglite-store.js';
import type { SqlRecordStore } from '../../../src/node/store/sql-store.js';
import { tempDir } from '../support/databases.js';
import { listen, postJson, send } from '../support/http.js';
import { makeRecord } from '../support/records.js';

const temp = tempDir();
let store: SqlRecordStore;
let receiver: Receiver;
beforeAll(async () => {
  store = await openPgliteStore({ dataDir: temp.dir });
  receiver = await createReceiver({ store, rateLimit: false });
});
afterAll(async () => {
  await store.close();
  temp.remove();
});

describe('receiver in Express', () => {
  it('works as a route handler', async () => {
    const app = express();
    app.post('/consent', receiver.node);
    const server = await listen(app);
    try {
      const record = makeRecord();
      expect((await postJson(`${server.url}/consent`, record)).status).toBe(201);
      expect((await postJson(`${server.url}/consent`, '{')).status).toBe(400);
      expect(await store.history(record.consentId)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('uses the body a parser already read, and still refuses what is too large', async () => {
    const app = express();
    app.use(express.text({ type: ['text/plain', 'application/json'], limit: '1mb' }));
    app.post('/consent', receiver.node);
    const server = await listen(app);
    try {
      const record = makeRecord();
      const beacon = await send(`${server.url}/consent`, { body: JSON.stringify(record), headers: { 'content-type': 'text/plain' } });
      expect(beacon.status).toBe(201);
      expect(await store.history(record.consentId)).toHaveLength(1);
      const big = await postJson(`${server.url}/consent`, makeRecord({ url: `https://www.example.com/${'a'.repeat(100_000)}` }));
      expect(big.status).toBe(413);
    } finally {
      await server.close();
    }
  });
});
