/**
 * A database that goes away mid-run: the receiver answers 503 and acknowledges nothing it did
 * not store; when the database is back, it recovers without a restart, and nothing is stored twice.
 * This file runs its own PostgreSQL server, since it stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../../scripts/postgres-server.mjs';
import { createReceiver } from '../../../src/node/receiver/create-receiver.js';
import type { ConsentRecord } from '../../../src/node/schema/record.js';
import { openPgStore } from '../../../src/node/store/pg-store.js';
import type { SqlRecordStore } from '../../../src/node/store/sql-store.js';
import { queryPg } from '../support/databases.js';
import { listen, postJson } from '../support/http.js';
import { makeRecord } from '../support/records.js';

let database: PostgresServer;
let store: SqlRecordStore;
let http: Awaited<ReturnType<typeof listen>>;
const warnings: string[] = [];

beforeAll(async () => {
  database = await startPostgres();
  store = await openPgStore({ connectionString: database.url, connectTimeoutMs: 1000, onWarning: (m) => warnings.push(m) });
  const receiver = await createReceiver({ store, rateLimit: false, onStoreError: () => {} });
  http = await listen(receiver.node);
});
afterAll(async () => {
  await http.close();
  await store.close();
  database.destroy();
});

async function storedIds(): Promise<Set<string>> {
  const rows = await queryPg<{ id: string }>(database.url, 'SELECT record_id::text AS id FROM consent_records');
  return new Set(rows.map((r) => r.id));
}

describe('receiver on PostgreSQL when the database goes away', () => {
  it('answers 503 while it is down, acknowledges only what it stored, and recovers', async () => {
    const sent: ConsentRecord[] = [];
    const acknowledged = new Set<string>();
    const refused: ConsentRecord[] = [];
    const post = async (record: ConsentRecord) => {
      sent.push(record);
      const answer = await postJson(http.url, record);
      if (answer.status === 201 || answer.status === 200) acknowledged.add(record.recordId);
      else {
        expect(answer.status).toBe(503);
        expect(answer.json).toMatchObject({ error: 'store_unavailable' });
        refused.push(record);
      }
    };

    // Before: stored. During the stop: some requests are in flight while the server shuts down.
    await Promise.all(Array.from({ length: 20 }, () => post(makeRecord())));
    expect(acknowledged.size).toBe(20);
    const inFlight = Promise.all(Array.from({ length: 50 }, () => post(makeRecord())));
    database.stop();
    await inFlight;
    for (let i = 0; i < 10; i++) await post(makeRecord());
    expect(refused.length).toBeGreaterThanOrEqual(10);

    database.start();
    const ids = await storedIds();
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);

    // The browser's queue sends refused records again; the receiver recovered by itself.
    const again = refused.splice(0);
    for (const record of again) await post(record);
    expect(refused).toEqual([]);
    const after = await storedIds();
    expect(after.size).toBe(new Set(sent.map((r) => r.recordId)).size);
    const [count] = await queryPg<{ n: number }>(database.url, 'SELECT count(*)::int AS n FROM consent_records');
    expect(count!.n).toBe(after.size);
  });
});
