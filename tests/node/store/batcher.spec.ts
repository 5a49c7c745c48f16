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

  it('sends a batch the database refused for its content again one caller at a time; an unreachable database is not', async () => {
    const poison = makeRecord({ timestamp: '0000-01-01T00:00:00.000Z' });
    const calls: number[] = [];
    // Like PostgreSQL: SQLSTATE 22008 (datetime field overflow) for a statement holding the poison.
    const refusing = createInsertBatcher(async (records) => {
      calls.push(records.length);
      if (records.some((r) => r.recordId === poison.recordId)) throw Object.assign(new Error('date/time field value out of range'), { code: '22008' });
      return new Set(records.map((r) => r.recordId));
    }, { delayMs: 5 });
    const good = Array.from({ length: 4 }, () => makeRecord());
    const results = await Promise.allSettled([good[0]!, good[1]!, poison, good[2]!, good[3]!].map((r) => refusing.insert([r])));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(calls).toEqual([5, 1, 1, 1, 1, 1]);

    const down = recordingInsert(true);
    const failing = createInsertBatcher(down.insertMany, { delayMs: 5 });
    const outage = await Promise.allSettled(good.map((r) => failing.insert([r])));
    expect(outage.every((r) => r.status === 'rejected')).toBe(true);
    expect(down.calls).toHaveLength(1);
  });

  it('tells a conflict (same id, other content) from a replay, also within one burst', async () => {
    const fake = recordingInsert();
    const kept = new Map<string, ConsentRecord>();
    const batcher = createInsertBatcher(
      async (records) => {
        const fresh = await fake.insertMany(records);
        for (const record of records) if (fresh.has(record.recordId)) kept.set(record.recordId, record);
        return fresh;
      },
      { delayMs: 5 },
      async (ids) => new Map(ids.flatMap((id) => (kept.has(id) ? [[id, kept.get(id)!] as const] : []))),
    );
    const record = makeRecord();
    const results = await Promise.all([batcher.insert([record]), batcher.insert([{ ...record }]), batcher.insert([{ ...record, gpc: !record.gpc }])]);
    expect(results).toEqual([
      { inserted: 1, duplicates: 0 },
      { inserted: 0, duplicates: 1 },
      { inserted: 0, duplicates: 0, conflicts: [record.recordId] },
    ]);
  });
});
