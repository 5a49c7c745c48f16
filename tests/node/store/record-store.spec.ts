/**
 * The store contract, run against both real stores: PGlite in a temp directory and PostgreSQL
 * in a fresh database (GDPR Art. 7(1): proof of consent kept server-side, append-only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord, StoredRecord } from '../../../src/node/schema/record.js';
import { openPgStore } from '../../../src/node/store/pg-store.js';
import { openPgliteStore } from '../../../src/node/store/pglite-store.js';
import type { SqlRecordStore } from '../../../src/node/store/sql-store.js';
import { freshPgDatabase, tempDir } from '../support/databases.js';
import { makeRecord } from '../support/records.js';

async function collect(iterable: AsyncIterable<StoredRecord>): Promise<StoredRecord[]> {
  const all: StoredRecord[] = [];
  for await (const record of iterable) all.push(record);
  return all;
}

const kinds = [
  {
    name: 'PGlite',
    async open() {
      const temp = tempDir();
      const store = await openPgliteStore({ dataDir: temp.dir, exportPageSize: 7 });
      return { store, cleanup: async () => temp.remove() };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const database = await freshPgDatabase();
      const store = await openPgStore({ connectionString: database.url, exportPageSize: 7 });
      return { store, cleanup: database.drop };
    },
  },
];

describe.each(kinds)('$name store', (kind) => {
  let store: SqlRecordStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await kind.open());
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('keeps a visitor\'s history, oldest decision first, exactly as received', async () => {
    const consentId = crypto.randomUUID();
    const later = makeRecord({ consentId, timestamp: '2026-11-30T10:00:00.500Z', method: 'reject-all', choices: { necessary: true, functional: false } });
    const earlier = makeRecord({ consentId, timestamp: '2026-11-29T09:00:00.123Z', method: 'accept-all', choices: { necessary: true, functional: true } });
    expect(await store.insert([later, earlier])).toEqual({ inserted: 2, duplicates: 0 });
    const history = await store.history(consentId);
    expect(history.map(({ receivedAt: _, ...record }) => record)).toEqual([earlier, later]);
    expect(Date.parse(history[0]!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await store.history(crypto.randomUUID())).toEqual([]);
  });

  it('stores a replayed record once, whether replayed later or in the same burst', async () => {
    const record = makeRecord();
    expect(await store.insert([record])).toEqual({ inserted: 1, duplicates: 0 });
    expect(await store.insert([record])).toEqual({ inserted: 0, duplicates: 1 });
    const burst = await Promise.all(Array.from({ length: 5 }, () => store.insert([{ ...record }])));
    expect(burst.every((r) => r.inserted === 0 && r.duplicates === 1)).toBe(true);
    const twin = makeRecord();
    const pair = await Promise.all([store.insert([twin]), store.insert([twin])]);
    expect(pair.map((r) => r.inserted).sort()).toEqual([0, 1]);
    expect(await store.history(record.consentId)).toHaveLength(1);
    expect(await store.history(twin.consentId)).toHaveLength(1);
  });

  it('coalesces concurrent inserts into few statements', async () => {
    const before = store.insertStatements;
    const records = Array.from({ length: 100 }, () => makeRecord());
    const results = await Promise.all(records.map((r) => store.insert([r])));
    expect(results.every((r) => r.inserted === 1)).toBe(true);
    expect(store.insertStatements - before).toBeLessThanOrEqual(2);
  });

  it('exports every record in the order stored, page by page, and from a given time on', async () => {
    const all = await collect(store.export());
    expect(all.length).toBeGreaterThan(7 * 3);
    expect(new Set(all.map((r) => r.recordId)).size).toBe(all.length);
    const times = all.map((r) => Date.parse(r.receivedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const cut = all[all.length - 3]!.receivedAt;
    const since = await collect(store.export({ since: new Date(cut) }));
    expect(since.length).toBeGreaterThanOrEqual(3);
    expect(since.every((r) => r.receivedAt >= cut)).toBe(true);
    expect(await collect(store.export({ since: new Date(Date.now() + 3_600_000) }))).toEqual([]);
  });

  it('counts accept and reject rates per category, revision and day, leaving out necessary', async () => {
    const { store: fresh, cleanup: remove } = await kind.open();
    try {
      await fresh.insert([
        makeRecord({ revision: 1, timestamp: '2026-11-01T10:00:00.000Z', method: 'accept-all', choices: { necessary: true, ads: true, social: true } }),
        makeRecord({ revision: 1, timestamp: '2026-11-01T23:59:59.999Z', method: 'reject-all', choices: { necessary: true, ads: false, social: false } }),
        makeRecord({ revision: 2, timestamp: '2026-11-02T00:00:00.000Z', method: 'custom', choices: { necessary: true, ads: false, social: true } }),
      ]);
      const stats = await fresh.stats();
      expect(stats.total).toBe(3);
      expect(stats.visitors).toBe(3);
      expect(stats.methods).toEqual([
        { method: 'accept-all', count: 1 },
        { method: 'custom', count: 1 },
        { method: 'reject-all', count: 1 },
      ]);
      expect(stats.byCategory).toEqual([
        { category: 'ads', accepted: 1, rejected: 2, reset: 0 },
        { category: 'social', accepted: 2, rejected: 1, reset: 0 },
      ]);
      expect(stats.byRevision).toEqual([
        { revision: 1, category: 'ads', accepted: 1, rejected: 1, reset: 0 },
        { revision: 1, category: 'social', accepted: 1, rejected: 1, reset: 0 },
        { revision: 2, category: 'ads', accepted: 0, rejected: 1, reset: 0 },
        { revision: 2, category: 'social', accepted: 1, rejected: 0, reset: 0 },
      ]);
      expect(stats.byDay).toEqual([
        { day: '2026-11-01', category: 'ads', accepted: 1, rejected: 1, reset: 0 },
        { day: '2026-11-01', category: 'social', accepted: 1, rejected: 1, reset: 0 },
        { day: '2026-11-02', category: 'ads', accepted: 0, rejected: 1, reset: 0 },
        { day: '2026-11-02', category: 'social', accepted: 1, rejected: 0, reset: 0 },
      ]);
      // Retention: nothing is older than a day yet; prune(0) removes everything stored before now.
      expect(await fresh.prune(1)).toBe(0);
      expect(await fresh.prune(0)).toBe(3);
      expect((await fresh.stats()).total).toBe(0);
      await expect(fresh.prune(-1)).rejects.toThrow(RangeError);
    } finally {
      await fresh.close();
      await remove();
    }
  });

  it('counts visitors by their latest decision, a reset apart from refusals, equal to a hand count', async () => {
    const { store: fresh, cleanup: remove } = await kind.open();
    const [a, b, c, d] = Array.from({ length: 4 }, () => crypto.randomUUID());
    const at = (consentId: string, timestamp: string, method: ConsentRecord['method'], ads: boolean, social: boolean, revision = 1) =>
      makeRecord({ consentId, timestamp: `2026-11-0${timestamp}Z`, method, revision, choices: { necessary: true, ads, social } });
    try {
      await fresh.insert([
        // Visitor a accepts, then customises, then resets: one visitor, now without a decision.
        at(a!, '1T10:00:00.000', 'accept-all', true, true),
        at(a!, '1T11:00:00.000', 'custom', false, true),
        at(a!, '2T09:00:00.000', 'reset', false, false),
        // b refuses, then accepts; c decides once; d accepts under revision 1, then customises under 2.
        at(b!, '1T12:00:00.000', 'reject-all', false, false),
        at(b!, '2T10:00:00.000', 'accept-all', true, true),
        at(c!, '2T11:00:00.000', 'custom', true, false),
        at(d!, '1T13:00:00.000', 'accept-all', true, true),
        at(d!, '2T12:00:00.000', 'custom', false, true, 2),
      ]);
      const stats = await fresh.stats();
      expect([stats.total, stats.visitors]).toEqual([8, 4]);
      expect(stats.latest).toEqual([
        { method: 'custom', visitors: 2 },
        { method: 'accept-all', visitors: 1 },
        { method: 'reset', visitors: 1 },
      ]);
      // By hand: ads is allowed by b and c, refused by d, a reset; social allowed by b and d, refused by c.
      expect(stats.byCategory).toEqual([
        { category: 'ads', accepted: 2, rejected: 1, reset: 1 },
        { category: 'social', accepted: 2, rejected: 1, reset: 1 },
      ]);
      // Per day, each visitor's latest decision of that day.
      expect(stats.byDay).toEqual([
        { day: '2026-11-01', category: 'ads', accepted: 1, rejected: 2, reset: 0 },
        { day: '2026-11-01', category: 'social', accepted: 2, rejected: 1, reset: 0 },
        { day: '2026-11-02', category: 'ads', accepted: 2, rejected: 1, reset: 1 },
        { day: '2026-11-02', category: 'social', accepted: 2, rejected: 1, reset: 1 },
      ]);
      expect(stats.byRevision).toEqual([
        { revision: 1, category: 'ads', accepted: 3, rejected: 0, reset: 1 },
        { revision: 1, category: 'social', accepted: 2, rejected: 1, reset: 1 },
        { revision: 2, category: 'ads', accepted: 0, rejected: 1, reset: 0 },
        { revision: 2, category: 'social', accepted: 1, rejected: 0, reset: 0 },
      ]);
      const since = await fresh.stats({ since: new Date('2026-11-02T00:00:00Z') });
      expect([since.total, since.visitors]).toEqual([4, 4]);
      expect(since.byCategory).toEqual(stats.byCategory);
    } finally {
      await fresh.close();
      await remove();
    }
  });

  it('refuses inserts once closed', async () => {
    const { store: other, cleanup: remove } = await kind.open();
    await other.close();
    await expect(other.insert([makeRecord()])).rejects.toThrow(/closed/);
    await remove();
  });
});
