/**
 * Records that are valid by the schema but that the store cannot hold, replays that are not
 * replays, and the poison-pill load: on PGlite and on PostgreSQL, a bad record is refused on its
 * own (422 or 409) and never costs a good record its place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../../../src/node/receiver/create-receiver.js';
import type { ConsentRecord } from '../../../src/node/schema/record.js';
import { openPgStore } from '../../../src/node/store/pg-store.js';
import { openPgliteStore } from '../../../src/node/store/pglite-store.js';
import type { SqlRecordStore } from '../../../src/node/store/sql-store.js';
import { freshPgDatabase, tempDir } from '../support/databases.js';
import { listen, postJson } from '../support/http.js';
import { makeRecord } from '../support/records.js';

const kinds = [
  {
    name: 'PGlite',
    async open() {
      const temp = tempDir();
      return { store: await openPgliteStore({ dataDir: temp.dir }), cleanup: async () => temp.remove() };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const database = await freshPgDatabase();
      return { store: await openPgStore({ connectionString: database.url }), cleanup: database.drop };
    },
  },
];

/** Schema-valid timestamps that PostgreSQL or JavaScript cannot hold as given. */
const POISON_TIMES = ['0000-01-01T00:00:00.000Z', '2016-12-31T23:59:60.000Z', '0000-12-31T23:59:59.999Z'];

describe.each(kinds)('receiver on $name with poison records', (kind) => {
  let store: SqlRecordStore;
  let cleanup: () => Promise<void>;
  let url: string;
  let close: () => Promise<void>;
  const storeErrors: unknown[] = [];

  beforeAll(async () => {
    ({ store, cleanup } = await kind.open());
    // The test is one loopback client: a budget no test reaches, so no answer is a 429.
    const receiver = await createReceiver({ store, rateLimit: { windowMs: 60_000, max: 1_000_000 }, onStoreError: (e) => storeErrors.push(e) });
    ({ url, close } = await listen(receiver.node));
  });
  afterAll(async () => {
    await close();
    await store.close();
    await cleanup();
  });

  it('answers 422 for a timestamp the store cannot hold, naming the field', async () => {
    for (const timestamp of POISON_TIMES) {
      const record = makeRecord({ timestamp });
      const answer = await postJson(url, record);
      expect(answer.status, timestamp).toBe(422);
      expect(answer.json).toMatchObject({ error: 'invalid_record', field: 'timestamp' });
      expect(await store.history(record.consentId)).toEqual([]);
    }
    // The earliest time that is fine reads back unchanged (not as 2001, as a JS Date reads PostgreSQL's text).
    for (const timestamp of ['0001-01-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z']) {
      const record = makeRecord({ timestamp });
      expect((await postJson(url, record)).status, timestamp).toBe(201);
      expect((await store.history(record.consentId))[0]!.timestamp).toBe(timestamp);
    }
  });

  it('stores every good record of a batch that holds one the database refuses', async () => {
    // Straight to the store, past the validator: whatever a database refuses (here year 0000)
    // fails only the insert that carries it.
    const good = Array.from({ length: 20 }, () => makeRecord());
    const poison = makeRecord({ timestamp: '0000-01-01T00:00:00.000Z' });
    const results = await Promise.allSettled([...good.slice(0, 10), poison, ...good.slice(10)].map((record) => store.insert([record])));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[10]!.status).toBe('rejected');
    for (const record of good) expect(await store.history(record.consentId)).toHaveLength(1);
  });

  it('refuses no good record under a concurrent poison-pill load', async () => {
    const good = Array.from({ length: 200 }, () => makeRecord());
    const poison = Array.from({ length: 60 }, (_, i) => makeRecord({ timestamp: POISON_TIMES[i % POISON_TIMES.length]! }));
    const mixed: Array<{ record: ConsentRecord; good: boolean }> = [];
    for (let i = 0; i < good.length; i++) {
      mixed.push({ record: good[i]!, good: true });
      if (i % 3 === 0 && poison.length) mixed.push({ record: poison.pop()!, good: false });
    }
    const answers = await Promise.all(mixed.map(async ({ record, good }) => ({ good, status: (await postJson(url, record)).status })));
    const refusedGood = answers.filter((a) => a.good && a.status !== 201);
    expect(refusedGood).toEqual([]);
    expect(answers.filter((a) => !a.good).every((a) => a.status === 422)).toBe(true);
    const all: ConsentRecord[] = [];
    for await (const record of store.export()) all.push(record);
    const stored = new Set(all.map((r) => r.recordId));
    for (const record of good) expect(stored.has(record.recordId)).toBe(true);
    expect(storeErrors).toEqual([]);
  });

  it('answers 409 to a record under a stored id with other content, 200 to a true replay', async () => {
    const record = makeRecord({ method: 'reject-all', choices: { necessary: true, advertising: false } });
    expect((await postJson(url, record)).status).toBe(201);
    const forged = { ...record, method: 'accept-all', choices: { necessary: true, advertising: true } };
    const conflict = await postJson(url, forged);
    expect(conflict.status).toBe(409);
    expect(conflict.json).toMatchObject({ error: 'record_conflict', field: 'recordId' });
    // The same content with its choices in another key order is the same record.
    const reordered = { ...record, choices: { advertising: false, necessary: true } };
    const replay = await postJson(url, reordered);
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual({ stored: false, duplicate: true, recordId: record.recordId });
    // In one burst, too: the first stored wins and the other is a conflict.
    const twin = makeRecord();
    const pair = await Promise.all([postJson(url, twin), postJson(url, { ...twin, gpc: !twin.gpc })]);
    expect(pair.map((a) => a.status).sort()).toEqual([201, 409]);
    const [kept] = await store.history(twin.consentId);
    expect(kept!.gpc).toBe(pair[0]!.status === 201 ? twin.gpc : !twin.gpc);
    expect(await store.history(record.consentId)).toEqual([expect.objectContaining({ method: 'reject-all' })]);
  });
});
