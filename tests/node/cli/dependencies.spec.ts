/**
 * The built command in a project that installed consent-gate alone (no optional peer dependencies):
 * one message names every package a command needs, and a failed run leaves no data directory
 * behind.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/databases.js';

const temp = tempDir();
const bin = path.join(temp.dir, 'node_modules', 'consent-gate', 'bin', 'consent-gate.mjs');

beforeAll(() => {
  expect(existsSync('dist/node/cli.js'), 'run `npm run build:node` before `npm run test:node`').toBe(true);
  // A project with consent-gate installed and nothing else: its node_modules has no ajv, pg or PGlite,
  // and the temp directory has no node_modules above it.
  const root = path.join(temp.dir, 'node_modules', 'consent-gate');
  mkdirSync(root, { recursive: true });
  cpSync('dist/node', path.join(root, 'dist', 'node'), { recursive: true });
  cpSync('bin', path.join(root, 'bin'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'consent-gate', type: 'module' }));
});
afterAll(() => temp.remove());

async function consentGate(...argv: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...argv], { cwd: temp.dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('consent-gate without its optional dependencies', () => {
  it('records serve names the store driver and the validator in one message, and creates nothing', async () => {
    const result = await consentGate('records', 'serve', '--port', '0');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'consent-gate: consent-gate records serve needs @electric-sql/pglite, ajv and ajv-formats, which are not installed. Run: npm install @electric-sql/pglite ajv ajv-formats\n',
    );
    expect(existsSync(path.join(temp.dir, 'consent-records'))).toBe(false);
  });

  it('records import with --database-url names pg with the validator', async () => {
    const file = path.join(temp.dir, 'records.jsonl');
    writeFileSync(file, '');
    const result = await consentGate('records', 'import', file, '--database-url', 'postgres://127.0.0.1:1/x');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('needs pg, ajv and ajv-formats, which are not installed. Run: npm install pg ajv ajv-formats');
  });
});
