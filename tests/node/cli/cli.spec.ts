/**
 * The command line, run in-process with captured output, against the embedded store and PostgreSQL;
 * and once as the real `bin` over the built files.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/node/cli/main.js';
import type { CliIo } from '../../../src/node/cli/io.js';
import { CSV_COLUMNS } from '../../../src/node/cli/format.js';
import { freshPgDatabase, tempDir } from '../support/databases.js';
import { postJson } from '../support/http.js';
import { makeRecord } from '../support/records.js';

function capture(signal?: AbortSignal): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    signal,
  };
  return io;
}

async function cli(...argv: string[]) {
  const io = capture();
  const code = await run(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Starts `records serve` in-process; resolves once it printed its URL. */
async function startServe(...argv: string[]) {
  const stop = new AbortController();
  const io = capture(stop.signal);
  const done = run(['records', 'serve', '--port', '0', ...argv], io);
  for (let i = 0; i < 600 && !io.stdout.includes('\n'); i++) {
    if (io.stderr) throw new Error(io.stderr);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const url = /http:\/\/\S+/.exec(io.stdout)![0];
  return { url, io, stop: async () => (stop.abort(), done) };
}

const consentId = crypto.randomUUID();
const history = [
  makeRecord({ consentId, timestamp: '2026-11-01T10:00:00.000Z', method: 'accept-all', choices: { necessary: true, ads: true } }),
  makeRecord({ consentId, timestamp: '2026-11-02T10:00:00.000Z', method: 'custom', choices: { necessary: true, ads: false } }),
];

describe.each([
  {
    name: 'embedded store',
    flags: async () => {
      const dir = tempDir();
      return { args: ['--data', path.join(dir.dir, 'records')], cleanup: async () => dir.remove() };
    },
  },
  {
    name: 'PostgreSQL',
    flags: async () => {
      const database = await freshPgDatabase();
      return { args: ['--database-url', database.url], cleanup: database.drop };
    },
  },
])('consent-gate records on the $name', ({ flags }) => {
  let args: string[];
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ args, cleanup } = await flags());
  });
  afterAll(() => cleanup());

  it('serve prints the URL it listens on, receives records, and stops cleanly', async () => {
    const server = await startServe(...args, '--rate-limit', 'off');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/consent$/);
    for (const record of history) expect((await postJson(server.url, record)).status).toBe(201);
    expect((await postJson(server.url, history[0])).status).toBe(200);
    expect((await postJson(server.url.replace('/consent', '/other'), history[0])).status).toBe(404);
    expect(await server.stop()).toBe(0);
  });

  it('show prints one visitor\'s history, oldest first, in words or as JSON lines', async () => {
    const text = await cli('records', 'show', consentId, ...args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Consent id ${consentId}: 2 records, oldest first`);
    expect(text.stdout.indexOf('accept-all')).toBeLessThan(text.stdout.indexOf('custom'));
    expect(text.stdout).toContain('  denied:  ads');
    const json = await cli('records', 'show', consentId.toUpperCase(), '--json', ...args);
    const lines = json.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ receivedAt: _, ...record }) => record)).toEqual(history);
    const none = await cli('records', 'show', crypto.randomUUID(), ...args);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^consent-gate: no records for consent id/);
  });

  it('export writes JSON lines or CSV, and honours --since', async () => {
    const jsonl = await cli('records', 'export', ...args);
    expect(jsonl.code).toBe(0);
    expect(jsonl.stdout.trim().split('\n')).toHaveLength(2);
    expect(jsonl.stderr).toBe('consent-gate: exported 2 records\n');
    const csv = await cli('records', 'export', '--format', 'csv', ...args);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('"{""ads"":true,""necessary"":true}"');
    const later = await cli('records', 'export', '--since', new Date(Date.now() + 60_000).toISOString(), ...args);
    expect(later.stdout).toBe('');
    expect((await cli('records', 'export', '--since', 'yesterday', ...args)).code).toBe(2);
  });

  it('stats prints accept rates per category, revision and day', async () => {
    const text = await cli('records', 'stats', ...args);
    expect(text.stdout).toContain('2 records from 1 visitor (consent ids)');
    // One visitor who accepted, then refused: one refusal, not one of each.
    expect(text.stdout).toMatch(/ads\s+0\s+1\s+0\s+0\.0%/);
    expect(text.stdout).toMatch(/2026-11-01\s+ads\s+1\s+0\s+0\s+100\.0%/);
    const json = JSON.parse((await cli('records', 'stats', '--json', ...args)).stdout) as { byCategory: unknown };
    expect(json.byCategory).toEqual([{ category: 'ads', accepted: 0, rejected: 1, reset: 0 }]);
  });

  it('prune deletes only records older than the period', async () => {
    expect((await cli('records', 'prune', '--older-than', '30d', ...args)).stdout).toBe('Deleted 0 records stored more than 30 days ago.\n');
    expect((await cli('records', 'prune', '--older-than', '0d', ...args)).stdout).toBe('Deleted 2 records stored more than 0 days ago.\n');
    const wrong = await cli('records', 'prune', '--older-than', '30', ...args);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--older-than needs a number of days such as 365d, not "30"');
  });
});

describe('consent-gate errors', () => {
  it('names the fix for a missing data directory and for an unreachable database', async () => {
    const dir = tempDir();
    // tempDir makes an empty folder; the store folder inside it does not exist.
    const missing = await cli('records', 'stats', '--data', path.join(dir.dir, 'nowhere'));
    dir.remove();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the directory does not exist. Start a receiver there with `consent-gate records serve --data DIR`');
    const unreachable = await cli('records', 'stats', '--database-url', 'postgres://consent@127.0.0.1:1/records');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Start PostgreSQL, or correct the host and port in --database-url');
  });

  it('answers wrong usage with exit code 2 and the usage text', async () => {
    for (const argv of [['records'], ['records', 'scan'], ['records', 'show'], ['records', 'show', 'not-a-uuid'], ['records', 'stats', '--bogus'], ['nope']]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^consent-gate: /);
    }
    expect((await cli('--help')).code).toBe(0);
  });

  it('says when a port is taken', async () => {
    const dir = tempDir();
    const first = await startServe('--data', dir.dir);
    const port = new URL(first.url).port;
    const database = await freshPgDatabase();
    try {
      const second = await cli('records', 'serve', '--port', port, '--database-url', database.url);
      expect(second.code).toBe(1);
      expect(second.stderr).toBe(`consent-gate: port ${port} on 127.0.0.1 is in use: choose another with --port (0 picks a free one)\n`);
    } finally {
      await first.stop();
      await database.drop();
      dir.remove();
    }
  });
});

describe('bin/consent-gate.mjs (built)', () => {
  const bin = path.resolve('bin/consent-gate.mjs');
  it('runs serve until SIGTERM, then reads what it stored', async () => {
    expect(existsSync('dist/node/cli.js'), 'run `npm run build:node` before `npm run test:node`').toBe(true);
    const dir = tempDir();
    const data = path.join(dir.dir, 'records');
    const child = spawn(process.execPath, [bin, 'records', 'serve', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      child.stdout.on('data', () => {
        const match = /http:\/\/\S+/.exec(output);
        if (match) resolve(match[0]);
      });
    });
    const record = makeRecord();
    expect((await postJson(url, record)).status).toBe(201);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'records', 'show', record.consentId, '--json', '--data', data]);
    expect(JSON.parse(stdout)).toMatchObject(record);
    dir.remove();
  });
});
