/**
 * The record store on any PostgreSQL-speaking client: migrations, monthly partitions, batched
 * inserts, history, export, stats and retention. PGlite and `pg` differ only in their client.
 */
import { RECORD_FIELDS, sameRecord, type ConsentRecord, type StoredRecord } from '../schema/record.js';
import { createInsertBatcher, type BatchOptions } from './batcher.js';
import { migrate } from './migrate.js';
import { ensureMonthlyPartitions, PARTITION_CHECK_MS } from './partitions.js';
import { rowToRecord, type RecordRow } from './rows.js';
import type { SqlClient } from './sql-client.js';
import * as sql from './statements.js';
import type { CategoryRate, RecordStats, RecordStore, StatsOptions } from './types.js';

/** Options shared by both stores. */
export interface SqlStoreOptions {
  /** How concurrent inserts are coalesced into one statement. */
  batch?: BatchOptions;
  /** Rows per page when exporting. @default 1000 */
  exportPageSize?: number;
  /** Told about problems that do not stop the store (a partition that could not be created). */
  onWarning?: (message: string) => void;
}

/** What an import did. */
export interface ImportResult {
  /** Records stored now, with the `receivedAt` they had. */
  inserted: number;
  /** Records already stored with the same content (an import run again): not stored twice. */
  duplicates: number;
  /** Record ids already stored with other content: not stored. */
  conflicts: string[];
}

/** A store plus the number of insert statements it sent (for tests and the benchmark). */
export interface SqlRecordStore extends RecordStore {
  readonly insertStatements: number;
  /**
   * Stores records exported from a store (`records export`), keeping their `receivedAt`; each
   * record id once, so importing the same file again stores nothing new. Validate them first.
   */
  importRecords(records: readonly StoredRecord[]): Promise<ImportResult>;
}

function only(record: ConsentRecord): Record<string, unknown> {
  // Copy the schema's fields only, whatever else a caller's object carries.
  const copy: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) copy[field] = record[field];
  return copy;
}

/** Migrates the database, creates this month's partitions and returns the store. */
export async function createSqlStore(client: SqlClient, options: SqlStoreOptions = {}): Promise<SqlRecordStore> {
  const warn = options.onWarning ?? ((message: string) => console.warn(`[consent-gate] ${message}`));
  const pageSize = options.exportPageSize ?? 1000;
  await migrate(client);

  const checkPartitions = () =>
    ensureMonthlyPartitions(client).catch((error: unknown) => {
      warn(`could not create the monthly partitions of consent_records (rows go to the default partition): ${String(error)}`);
    });
  await checkPartitions();
  const partitionTimer = setInterval(() => void checkPartitions(), PARTITION_CHECK_MS);
  partitionTimer.unref();

  const batcher = createInsertBatcher(
    async (records) => {
      const rows = await client.query<{ record_id: string }>(sql.INSERT_RECORDS, [JSON.stringify(records.map(only))]);
      return new Set(rows.map((row) => row.record_id));
    },
    options.batch,
    async (ids) => {
      const rows = await client.query<RecordRow>(sql.FIND_RECORDS, [JSON.stringify(ids)]);
      return new Map(rows.map((row) => [row.record_id, rowToRecord(row)]));
    },
  );

  async function rates<T extends object>(period: string, group: string | undefined, extra: (row: Record<string, unknown>) => T): Promise<Array<CategoryRate & T>> {
    const rows = await client.query<Record<string, unknown>>(sql.categoryRates(group), [period]);
    return rows.map((row) => ({
      ...extra(row),
      category: String(row.category),
      accepted: Number(row.accepted),
      rejected: Number(row.rejected),
      reset: Number(row.reset),
    }));
  }

  let closed = false;
  return {
    get insertStatements() {
      return batcher.batches;
    },
    insert(records) {
      if (closed) return Promise.reject(new Error('the record store is closed'));
      return batcher.insert(records);
    },
    async importRecords(records) {
      if (closed) throw new Error('the record store is closed');
      const unique = new Map<string, StoredRecord>();
      const conflicts: string[] = [];
      let duplicates = 0;
      for (const record of records) {
        const first = unique.get(record.recordId);
        if (!first) unique.set(record.recordId, record);
        else if (sameRecord(first, record)) duplicates++;
        else conflicts.push(record.recordId);
      }
      const rows = await client.query<{ record_id: string }>(sql.IMPORT_RECORDS, [
        JSON.stringify([...unique.values()].map((record) => ({ ...only(record), receivedAt: record.receivedAt }))),
      ]);
      const stored = new Set(rows.map((row) => row.record_id));
      const others = [...unique.values()].filter((record) => !stored.has(record.recordId));
      if (others.length) {
        const found = await client.query<RecordRow>(sql.FIND_RECORDS, [JSON.stringify(others.map((record) => record.recordId))]);
        const byId = new Map(found.map((row) => [row.record_id, rowToRecord(row)]));
        for (const record of others) {
          const original = byId.get(record.recordId);
          if (original && !sameRecord(original, record)) conflicts.push(record.recordId);
          else duplicates++;
        }
      }
      return { inserted: stored.size, duplicates, conflicts };
    },
    async history(consentId) {
      const rows = await client.query<RecordRow>(sql.HISTORY, [consentId]);
      return rows.map(rowToRecord);
    },
    async *export({ since } = {}): AsyncGenerator<StoredRecord> {
      // (since, nil uuid) sorts before every real record stored at `since`: v4 ids are never nil.
      let after: [string, string] = [(since ?? new Date(0)).toISOString(), '00000000-0000-0000-0000-000000000000'];
      for (;;) {
        const rows = await client.query<RecordRow & { received_key: string }>(sql.EXPORT_PAGE, [...after, pageSize]);
        for (const row of rows) yield rowToRecord(row);
        if (rows.length < pageSize) return;
        const last = rows[rows.length - 1]!;
        // The database's own text keeps microseconds; a JS Date would cut them to milliseconds.
        after = [last.received_key, last.record_id];
      }
    },
    async stats({ since }: StatsOptions = {}): Promise<RecordStats> {
      const period = since ? since.toISOString() : '-infinity';
      const [totals] = await client.query<{ total: number; visitors: number }>(sql.STATS_TOTALS, [period]);
      const methods = await client.query<{ method: string; count: number }>(sql.STATS_METHODS, [period]);
      const latest = await client.query<{ method: string; visitors: number }>(sql.STATS_LATEST_METHODS, [period]);
      return {
        total: Number(totals?.total ?? 0),
        visitors: Number(totals?.visitors ?? 0),
        methods: methods.map((row) => ({ method: row.method, count: Number(row.count) })),
        latest: latest.map((row) => ({ method: row.method, visitors: Number(row.visitors) })),
        byCategory: await rates(period, undefined, () => ({})),
        byRevision: await rates(period, 'r.revision', (row) => ({ revision: Number(row.grp) })),
        byDay: await rates(period, sql.DAY, (row) => ({ day: String(row.grp) })),
      };
    },
    async prune(olderThanDays) {
      if (!Number.isInteger(olderThanDays) || olderThanDays < 0) throw new RangeError(`prune: days must be a whole number ≥ 0, got ${olderThanDays}`);
      const [row] = await client.query<{ count: number }>(sql.PRUNE, [olderThanDays]);
      return Number(row?.count ?? 0);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(partitionTimer);
      await batcher.drain();
      await client.close();
    },
  };
}
