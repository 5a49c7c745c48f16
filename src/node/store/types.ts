/**
 * The one small interface every record store implements. The receiver and the command line
 * only talk to this, so the embedded store and PostgreSQL are interchangeable.
 */
import type { ConsentRecord, StoredRecord } from '../schema/record.js';

/** What an insert did. */
export interface InsertResult {
  /** Records stored now. */
  inserted: number;
  /** Records whose record id was already stored with the same content (replays): accepted, not stored again. */
  duplicates: number;
  /**
   * Record ids already stored with other content: not replays, not stored (the receiver answers
   * 409). Counted in neither `inserted` nor `duplicates`. Absent when there are none.
   */
  conflicts?: string[];
}

/** Options for {@link RecordStore.stats}. */
export interface StatsOptions {
  /** Only decisions made at or after this time. */
  since?: Date;
}

/** Options for {@link RecordStore.export}. */
export interface ExportOptions {
  /** Only records the receiver stored at or after this time. */
  since?: Date;
}

/**
 * Visitors (consent ids) by their latest decision about one category: each visitor counts once,
 * however many records they made.
 */
export interface CategoryRate {
  category: string;
  /** Visitors whose latest decision allows the category. */
  accepted: number;
  /** Visitors whose latest decision refuses it. */
  rejected: number;
  /** Visitors whose latest record is a reset: consent withdrawn, no decision now (not a refusal). */
  reset: number;
}

/**
 * Aggregates for `records stats`, counted in visitors (the latest decision of each consent id in
 * the period; per revision and per day, the latest in that revision or day). `necessary` is left
 * out: it is always allowed.
 */
export interface RecordStats {
  /** Records stored. */
  total: number;
  /** Distinct consent ids. */
  visitors: number;
  /** Records per method (every record, not visitors). */
  methods: Array<{ method: string; count: number }>;
  /** Visitors per method of their latest decision. */
  latest: Array<{ method: string; visitors: number }>;
  byCategory: CategoryRate[];
  byRevision: Array<CategoryRate & { revision: number }>;
  /** Per UTC day of the decision (`YYYY-MM-DD`). */
  byDay: Array<CategoryRate & { day: string }>;
}

/** Append-only storage of consent records, once per record id. */
export interface RecordStore {
  /**
   * Stores records. Resolves only once they are durably stored; rejects when the database
   * cannot store them (the receiver then answers 503, never 2xx).
   */
  insert(records: readonly ConsentRecord[]): Promise<InsertResult>;
  /** Every record of one consent id, oldest decision first: the proof a regulator asks for. */
  history(consentId: string): Promise<StoredRecord[]>;
  /** Every record in the order stored, read page by page. */
  export(options?: ExportOptions): AsyncIterable<StoredRecord>;
  stats(options?: StatsOptions): Promise<RecordStats>;
  /** Deletes records stored more than `olderThanDays` days ago; resolves to how many. */
  prune(olderThanDays: number): Promise<number>;
  /** Finishes pending inserts and closes the database. */
  close(): Promise<void>;
}
