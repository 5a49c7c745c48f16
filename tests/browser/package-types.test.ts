// The published types as a TypeScript consumer gets them: a strict `"type": "module"` project that
// installed consent-gate compiles with `skipLibCheck: false` under the three module resolutions
// projects use. The fixture is tests/types/; it is copied next to a `node_modules/consent-gate`
// link to this package (the built dist/, as `npm pack` ships it).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const project = mkdtempSync(path.join(tmpdir(), 'consent-gate-consumer-'));
cpSync(path.join(root, 'tests/types'), project, { recursive: true });
mkdirSync(path.join(project, 'node_modules'));
symlinkSync(root, path.join(project, 'node_modules/consent-gate'), 'dir');
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** tsc's diagnostics for one of the fixture's tsconfigs ('' when it compiles). */
function compile(resolution: string): string {
  try {
    execFileSync(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], { cwd: project, encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout || error);
  }
}

describe('the published types, in a consumer project with skipLibCheck: false', () => {
  for (const resolution of ['bundler', 'node16', 'nodenext']) {
    it(`compile under moduleResolution ${resolution}: every entry resolves, literal configs narrow ids, typed configs take any id, text keys are checked`, () => {
      expect(compile(resolution)).toBe('');
    });
  }
});
