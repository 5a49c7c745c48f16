/**
 * Coalesces concurrent inserts: records that arrive within `delayMs` of each other (or until
 * `maxBatch` are waiting) go to the database in one multi-row statement, so a burst costs few
 * round trips. Each caller learns what happened to its own records.
 *
 * One caller's bad record must not fail the others' good ones: when the database refuses the
 * statement for its content (isStatementError), each caller's records are sent again on their
 * own, and only the caller at fault gets the error.
 */
import { sameRecord, type ConsentRecord } from '../schema/record.js';
import { isStatementError } from './errors.js';
import type { InsertResult } from './types.js';

/** Writes records in one statement; resolves to the record ids it stored (not the replays). */
export type InsertMany = (records: readonly ConsentRecord[]) => Promise<ReadonlySet<string>>;

/** Reads the stored records with these ids, to tell a replay from a conflict. */
export type FindStored = (recordIds: readonly string[]) => Promise<ReadonlyMap<string, ConsentRecord>>;

/** Batching settings. */
export interface BatchOptions {
  /**
   * How long the first record of a batch waits for company, in milliseconds.
   * @default 2
   */
  delayMs?: number;
  /**
   * Flush at once when this many records wait.
   * @default 500
   */
  maxBatch?: number;
}

interface Waiter {
  records: readonly ConsentRecord[];
  resolve: (result: InsertResult) => void;
  reject: (error: unknown) => void;
}

/** An insert function that batches, and a way to wait for what is in flight. */
export interface InsertBatcher {
  insert(records: readonly ConsentRecord[]): Promise<InsertResult>;
  /** Sends what waits and resolves when every batch has settled. */
  drain(): Promise<void>;
  /** Statements sent so far (for tests and the benchmark). */
  readonly batches: number;
}

export function createInsertBatcher(insertMany: InsertMany, { delayMs = 2, maxBatch = 500 }: BatchOptions = {}, findStored?: FindStored): InsertBatcher {
  let waiting: Waiter[] = [];
  let waitingCount = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const inFlight = new Set<Promise<void>>();
  let batches = 0;

  async function send(batch: Waiter[]): Promise<void> {
    // One record id once per statement; a second copy in the same burst is a replay.
    const unique = new Map<string, ConsentRecord>();
    for (const waiter of batch) for (const record of waiter.records) if (!unique.has(record.recordId)) unique.set(record.recordId, record);
    batches++;
    let stored: ReadonlySet<string>;
    try {
      stored = await insertMany([...unique.values()]);
    } catch (error) {
      if (batch.length > 1 && isStatementError(error)) {
        await Promise.all(batch.map((waiter) => send([waiter])));
        return;
      }
      for (const waiter of batch) waiter.reject(error);
      return;
    }
    const claimed = new Set<string>();
    const replayed = new Map<Waiter, ConsentRecord[]>();
    const counts = batch.map((waiter) => {
      let inserted = 0;
      const others: ConsentRecord[] = [];
      for (const record of waiter.records) {
        if (stored.has(record.recordId) && !claimed.has(record.recordId)) {
          claimed.add(record.recordId);
          inserted++;
        } else others.push(record);
      }
      if (others.length) replayed.set(waiter, others);
      return inserted;
    });
    let found: ReadonlyMap<string, ConsentRecord> = new Map();
    if (replayed.size && findStored) {
      try {
        found = await findStored([...new Set([...replayed.values()].flat().map((record) => record.recordId))]);
      } catch (error) {
        // Without the stored copy a replay cannot be told from a conflict: those callers retry.
        // (A promise settles once, so the resolve below leaves them rejected.)
        for (const waiter of replayed.keys()) waiter.reject(error);
      }
    }
    batch.forEach((waiter, i) => {
      const conflicts: string[] = [];
      for (const record of replayed.get(waiter) ?? []) {
        const original = found.get(record.recordId);
        if (original && !sameRecord(original, record)) conflicts.push(record.recordId);
      }
      const inserted = counts[i]!;
      const duplicates = waiter.records.length - inserted - conflicts.length;
      waiter.resolve(conflicts.length ? { inserted, duplicates, conflicts } : { inserted, duplicates });
    });
  }

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = waiting;
    waiting = [];
    waitingCount = 0;
    if (!batch.length) return;
    const done = send(batch).finally(() => inFlight.delete(done));
    inFlight.add(done);
  }

  return {
    insert(records) {
      if (!records.length) return Promise.resolve({ inserted: 0, duplicates: 0 });
      return new Promise<InsertResult>((resolve, reject) => {
        waiting.push({ records, resolve, reject });
        waitingCount += records.length;
        if (waitingCount >= maxBatch) flush();
        else if (!timer) timer = setTimeout(flush, delayMs);
      });
    },
    async drain() {
      flush();
      while (inFlight.size) await Promise.all(inFlight);
    },
    get batches() {
      return batches;
    },
  };
}
