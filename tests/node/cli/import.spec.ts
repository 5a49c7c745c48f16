/**
 * Moving records between stores: `records export` from one, `records import` into another gives
 * the same proof (`records show`) and the same figures (`records stats`); an import run twice
 * stores nothing twice, keeps `receivedAt`, and a bad or conflicting file is refused plainly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/node/cli/main.js';
import { openPgliteStore } from '../../../src/node/store/pglite-store.js';
import { freshPgDatabase, tempDir } from '../support/databases.js';
import { makeRecord } from '../support/records.js';

async function cli(...argv: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const code = await run(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const temp = tempDir();
const from = ['--data', path.join(temp.dir, 'embedded')];
const back = ['--data', path.join(temp.dir, 'embedded-again')];
let to: string[];
let drop: () => Promise<void>;
const visitors = Array.from({ length: 3 }, () => crypto.randomUUID());

beforeAll(async () => {
  const store = await openPgliteStore({ dataDir: from[1]! });
  const [a, b, c] = visitors as [string, string, string];
  await store.insert([
    makeRecord({ consentId: a, timestamp: '2026-11-01T10:00:00.000Z', method: 'accept-all', choices: { necessary: true, ads: true } }),
    makeRecord({ consentId: a, timestamp: '2026-11-02T10:00:00.000Z', method: 'reset', choices: { necessary: true, ads: false } }),
    makeRecord({ consentId: b, timestamp: '2026-11-01T11:00:00.000Z', method: 'reject-all', choices: { necessary: true, ads: false } }),
    makeRecord({ consentId: c, timestamp: '2026-11-03T09:30:00.250Z', method: 'custom', choices: { necessary: true, ads: true, social: false } }),
  ]);
  await store.close();
  const database = await freshPgDatabase();
  to = ['--database-url', database.url];
  drop = database.drop;
});
afterAll(async () => {
  await drop();
  temp.remove();
});

describe('records import', () => {
  it('moves the embedded store to PostgreSQL and back with identical show and stats output', async () => {
    const exported = await cli('records', 'export', ...from);
    expect(exported.code).toBe(0);
    const file = path.join(temp.dir, 'records.jsonl');
    writeFileSync(file, exported.stdout);

    const imported = await cli('records', 'import', file, ...to);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('Imported 4 of 4 records into PostgreSQL (--database-url); 0 were there already.\n');
    for (const consentId of visitors) {
      const original = await cli('records', 'show', consentId, ...from);
      expect(original.code).toBe(0);
      expect((await cli('records', 'show', consentId, ...to)).stdout).toBe(original.stdout);
    }
    expect((await cli('records', 'stats', '--json', ...to)).stdout).toBe((await cli('records', 'stats', '--json', ...from)).stdout);

    // Run again: nothing new, nothing doubled. And PostgreSQL's export goes back into a new embedded store.
    expect((await cli('records', 'import', file, ...to)).stdout).toBe('Imported 0 of 4 records into PostgreSQL (--database-url); 4 were there already.\n');
    const again = path.join(temp.dir, 'again.jsonl');
    writeFileSync(again, (await cli('records', 'export', ...to)).stdout);
    expect(readFileSync(again, 'utf8')).toBe(exported.stdout);
    expect((await cli('records', 'import', again, ...back)).code).toBe(0);
    expect((await cli('records', 'export', ...back)).stdout).toBe(exported.stdout);
  }, 240_000); // each command opens the embedded database anew: seconds apiece on a busy machine

  it('imports nothing from a file with a bad line, naming the line', async () => {
    const good = JSON.stringify({ ...makeRecord(), receivedAt: '2026-11-05T00:00:00.000Z' });
    const file = path.join(temp.dir, 'bad.jsonl');
    writeFileSync(file, [good, JSON.stringify({ ...makeRecord({ timestamp: '0000-01-01T00:00:00.000Z' }), receivedAt: '2026-11-05T00:00:00.000Z' }), JSON.stringify(makeRecord()), '{'].join('\n'));
    const before = (await cli('records', 'export', ...to)).stdout;
    const result = await cli('records', 'import', file, ...to);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('3 of 4 lines are not exported consent records; nothing was imported.');
    expect(result.stderr).toContain('line 2: timestamp: is not a time the store can hold');
    expect(result.stderr).toContain('line 3: receivedAt: is required');
    expect(result.stderr).toContain('line 4: not JSON');
    expect((await cli('records', 'export', ...to)).stdout).toBe(before);
  });

  it('refuses a record whose id the store holds with other content, and says so', async () => {
    const [line] = (await cli('records', 'export', ...from)).stdout.split('\n');
    const forged: Record<string, unknown> = { ...(JSON.parse(line!) as Record<string, unknown>), method: 'accept-all', choices: { necessary: true, ads: true, social: true } };
    const file = path.join(temp.dir, 'forged.jsonl');
    writeFileSync(file, `${JSON.stringify(forged)}\n`);
    const result = await cli('records', 'import', file, ...to);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 records were not imported: the store holds other records under the same record ids');
    const kept = (await cli('records', 'show', forged.consentId as string, '--json', ...to)).stdout.split('\n');
    expect(kept).toContain(line);
  });
});
