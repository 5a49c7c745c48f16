/**
 * Coalesces concurrent inserts: records that arrive within `delayMs` of each other (or until
 * `maxBatch` are waiting) go to the database in one multi-row statement, so a burst costs few
 * round trips. Each caller learns what happened to its own records.
 */
import type { ConsentRecord } from '../schema/record.js';
import type { InsertResult } from './types.js';

/** Writes records in one statement; resolves to the record ids it stored (not the replays). */
export type InsertMany = (records: readonly ConsentRecord[]) => Promise<ReadonlySet<string>>;

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

export function createInsertBatcher(insertMany: InsertMany, { delayMs = 2, maxBatch = 500 }: BatchOptions = {}): InsertBatcher {
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
      for (const waiter of batch) waiter.reject(error);
      return;
    }
    const claimed = new Set<string>();
    for (const waiter of batch) {
      let inserted = 0;
      for (const { recordId } of waiter.records) {
        if (stored.has(recordId) && !claimed.has(recordId)) {
          claimed.add(recordId);
          inserted++;
        }
      }
      waiter.resolve({ inserted, duplicates: waiter.records.length - inserted });
    }
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
