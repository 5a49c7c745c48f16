/** PostgreSQL specifics: migrations table, monthly partitions, the record id table, clear errors. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/node/store/migrations.js';
import { explainPgError, openPgStore, redactUrl } from '../../../src/node/store/pg-store.js';
import type { SqlRecordStore } from '../../../src/node/store/sql-store.js';
import { freshPgDatabase, queryPg } from '../support/databases.js';
import { makeRecord } from '../support/records.js';

function monthPartition(date: Date): string {
  return `consent_records_y${date.getUTCFullYear()}m${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

describe('openPgStore', () => {
  let url: string;
  let drop: () => Promise<void>;
  let store: SqlRecordStore;
  beforeAll(async () => {
    ({ url, drop } = await freshPgDatabase());
    store = await openPgStore({ connectionString: url });
  });
  afterAll(async () => {
    await store.close();
    await drop();
  });

  it('records each migration once, even when several receivers start together', async () => {
    const others = await Promise.all([1, 2, 3].map(() => openPgStore({ connectionString: url })));
    await Promise.all(others.map((s) => s.close()));
    const rows = await queryPg<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('puts records in this month\'s partition, with next month\'s ready', async () => {
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const children = await queryPg<{ name: string }>(
      url,
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'consent_records'::regclass ORDER BY 1`,
    );
    expect(children.map((c) => c.name)).toEqual(['consent_records_default', monthPartition(now), monthPartition(next)].sort());
    const record = makeRecord();
    await store.insert([record]);
    const [row] = await queryPg<{ partition: string }>(url, 'SELECT tableoid::regclass::text AS partition FROM consent_records WHERE record_id = $1', [record.recordId]);
    expect(row!.partition).toBe(monthPartition(now));
  });

  it('keeps record ids unique in their own table (a partitioned table cannot)', async () => {
    const record = makeRecord();
    await store.insert([record]);
    await store.insert([record]);
    const [ids] = await queryPg<{ n: number }>(url, 'SELECT count(*)::int AS n FROM consent_record_ids WHERE record_id = $1', [record.recordId]);
    const [rows] = await queryPg<{ n: number }>(url, 'SELECT count(*)::int AS n FROM consent_records WHERE record_id = $1', [record.recordId]);
    expect([ids!.n, rows!.n]).toEqual([1, 1]);
  });

  it('names the fix when nothing listens at the URL', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(openPgStore({ connectionString: `postgres://consent:secret@127.0.0.1:${port}/records` })).rejects.toThrow(
      /nothing accepts connections at postgres:\/\/consent:\*\*\*@127\.0\.0\.1:\d+\/records\. Start PostgreSQL/,
    );
  });

  it('names the fix when the database does not exist', async () => {
    const missing = new URL(url);
    missing.pathname = '/no_such_database';
    await expect(openPgStore({ connectionString: missing.toString() })).rejects.toThrow(/does not exist\. Create it \(createdb NAME\)/);
  });

  it('refuses a URL that is not PostgreSQL', async () => {
    await expect(openPgStore({ connectionString: 'mysql://localhost/records' })).rejects.toThrow(/must start with postgres:\/\//);
    await expect(openPgStore({ connectionString: 'not a url' })).rejects.toThrow(/is not a URL/);
  });

  it('never prints a password', () => {
    expect(redactUrl('postgres://u:hunter2@db:5432/x')).toBe('postgres://u:***@db:5432/x');
    expect(explainPgError(Object.assign(new Error('password authentication failed'), { code: '28P01' }), 'postgres://u:hunter2@db/x').message).not.toContain('hunter2');
  });
});
