/** Unit tests of insert batching, with a recording fake in place of the database. */
import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../../src/node/schema/record.js';
import { createInsertBatcher } from '../../../src/node/store/batcher.js';
import { makeRecord } from '../support/records.js';

function recordingInsert(fail = false) {
  const calls: string[][] = [];
  const stored = new Set<string>();
  const insertMany = async (records: readonly ConsentRecord[]) => {
    calls.push(records.map((r) => r.recordId));
    if (fail) throw new Error('database down');
    const fresh = new Set<string>();
    for (const { recordId } of records) {
      if (stored.has(recordId)) continue;
      stored.add(recordId);
      fresh.add(recordId);
    }
    return fresh;
  };
  return { calls, insertMany };
}

describe('createInsertBatcher', () => {
  it('sends inserts made within the delay as one statement, each caller told its own result', async () => {
    const fake = recordingInsert();
    const batcher = createInsertBatcher(fake.insertMany, { delayMs: 5 });
    const records = Array.from({ length: 20 }, () => makeRecord());
    const results = await Promise.all(records.map((r) => batcher.insert([r])));
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toHaveLength(20);
    expect(results.every((r) => r.inserted === 1 && r.duplicates === 0)).toBe(true);
    expect(batcher.batches).toBe(1);
  });

  it('flushes at once when maxBatch records wait', async () => {
    const fake = recordingInsert();
    const batcher = createInsertBatcher(fake.insertMany, { delayMs: 10_000, maxBatch: 3 });
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => batcher.insert([makeRecord()])));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fake.calls).toHaveLength(1);
  });

  it('sends one copy of a record id that two callers send in the same burst: one stored, one duplicate', async () => {
    const fake = recordingInsert();
    const batcher = createInsertBatcher(fake.insertMany);
    const record = makeRecord();
    const [a, b] = await Promise.all([batcher.insert([record]), batcher.insert([{ ...record }])]);
    expect(fake.calls[0]).toEqual([record.recordId]);
    expect([a, b]).toEqual([
      { inserted: 1, duplicates: 0 },
      { inserted: 0, duplicates: 1 },
    ]);
  });

  it('rejects every caller of a failed statement (nothing acknowledged)', async () => {
    const batcher = createInsertBatcher(recordingInsert(true).insertMany);
    const results = await Promise.allSettled([batcher.insert([makeRecord()]), batcher.insert([makeRecord()])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('drain() sends what waits and waits for it', async () => {
    const fake = recordingInsert();
    const batcher = createInsertBatcher(fake.insertMany, { delayMs: 10_000 });
    const pending = batcher.insert([makeRecord()]);
    await batcher.drain();
    expect(fake.calls).toHaveLength(1);
    await expect(pending).resolves.toEqual({ inserted: 1, duplicates: 0 });
  });
});
