/** The embedded store: a data directory that survives restarts and serves one process at a time. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../../src/node/store/errors.js';
import { openPgliteStore } from '../../../src/node/store/pglite-store.js';
import { tempDir } from '../support/databases.js';
import { makeRecord } from '../support/records.js';

describe('openPgliteStore', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it('keeps records across a restart, migrates once, and refuses a second opener while open', async () => {
    const dataDir = path.join(temp.dir, 'records');
    const first = await openPgliteStore({ dataDir });
    const record = makeRecord();
    await first.insert([record]);
    await expect(openPgliteStore({ dataDir })).rejects.toThrow(StoreUnavailableError);
    await expect(openPgliteStore({ dataDir })).rejects.toThrow(/already open in this process/);
    await first.close();
    expect(existsSync(path.join(dataDir, 'consent-gate.lock'))).toBe(false);

    const second = await openPgliteStore({ dataDir });
    try {
      expect((await second.history(record.consentId)).map((r) => r.recordId)).toEqual([record.recordId]);
      expect(await second.insert([record])).toEqual({ inserted: 0, duplicates: 1 });
      expect((await second.stats()).total).toBe(1);
    } finally {
      await second.close();
    }
  });
});
