// The built package as users get it: what `npm pack` ships, the README kept in sync with the
// build (SRI snippet, W3C SRI), and the script-tag files the build writes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure, sizeTable } from '../../scripts/size.mjs';
import { replaceBetween, sriSnippet } from '../../scripts/sync-readme.mjs';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file));

describe('the npm package', () => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
  const files = packed[0]!.files.map((f) => f.path);

  it('contains the builds, the types, the README, the licence and the NOTICE of the bundled data', () => {
    // NOTICE names the bundled Apache-2.0 and MIT data; Apache-2.0 §4(a) asks for its licence text too.
    for (const file of ['package.json', 'README.md', 'LICENSE', 'NOTICE', 'data/open-cookie-database/LICENSE', 'dist/index.js', 'dist/headless.js', 'dist/catalogue.js', 'dist/consent-gate.iife.js', 'dist/consent-gate.sri.json', 'dist/types/index.d.ts', 'dist/types/headless.d.ts', 'dist/locales/de.js', 'dist/locales/de.json']) {
      expect(files, file).toContain(file);
    }
  });

  it('contains nothing else: no sources, tests, demo or configs (the Node command and the record schema are shipped on purpose)', () => {
    const unexpected = files.filter((file) => !['package.json', 'README.md', 'LICENSE', 'NOTICE', 'data/open-cookie-database/LICENSE', 'bin/consent-gate.mjs', 'schema/record.schema.json'].includes(file) && !file.startsWith('dist/'));
    expect(unexpected).toEqual([]);
  });

  it('builds before packing: `npm pack` in a fresh clone (no dist/ yet) ships the builds', () => {
    // The listing above runs with --ignore-scripts against the dist/ of this run; a fresh clone
    // has none, and only a prepack build puts it there.
    const manifest = JSON.parse(read('package.json').toString()) as { scripts: Record<string, string> };
    expect(manifest.scripts['prepack']).toBe('npm run build');
    expect(manifest.scripts['build']).toMatch(/^rm -rf dist && vite build && node scripts\/build-script-tag\.mjs/);
  });

  it('points every export at a file it ships', () => {
    const manifest = JSON.parse(read('package.json').toString()) as { exports: Record<string, string | Record<string, string>> };
    for (const [entry, target] of Object.entries(manifest.exports)) {
      const targets = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of targets) {
        const concrete = file.replace('*', 'de').replace(/^\.\//, '');
        expect(files, `${entry} → ${file}`).toContain(concrete);
      }
    }
  });
});

describe('server rendering: every npm entry imports in plain Node', () => {
  /**
   * A real Node process (no Vitest, no DOM) imports each entry by its package name, with traps
   * that record any read of a browser global while the modules load (README: "Pure: importing
   * it touches no window or document").
   */
  const probe = `
    const globals = ['window', 'document', 'self', 'location', 'localStorage', 'sessionStorage', 'customElements', 'HTMLElement'];
    const present = globals.filter((name) => name in globalThis);
    const touched = [];
    for (const name of globals) Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return undefined; } });
    const exports = {};
    for (const entry of ['consent-gate', 'consent-gate/headless', 'consent-gate/catalogue', 'consent-gate/locales/de', 'consent-gate/locales/ja']) {
      const module = await import(entry);
      exports[entry] = Object.fromEntries(Object.keys(module).sort().map((name) => [name, typeof module[name]]));
    }
    process.stdout.write(JSON.stringify({ present, touched, exports }));
  `;
  const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: root, encoding: 'utf8' })) as {
    present: string[];
    touched: string[];
    exports: Record<string, Record<string, string>>;
  };

  it('Node has no browser globals, and importing the entries reads none of them', () => {
    expect(result.present).toEqual([]);
    expect(result.touched).toEqual([]);
  });

  it('each entry has its exports', () => {
    const fn = 'function';
    expect(result.exports).toEqual({
      'consent-gate': { ConsentGateConfigError: fn, cookieCatalogue: fn, createConsent: fn, createConsentGate: fn, createMemoryStorage: fn, findInCatalogue: fn, validateConfig: fn },
      'consent-gate/headless': { ConsentGateConfigError: fn, createConsent: fn, createMemoryStorage: fn, validateConfig: fn },
      'consent-gate/catalogue': { cookieCatalogue: fn, findInCatalogue: fn },
      'consent-gate/locales/de': { default: 'object' },
      'consent-gate/locales/ja': { default: 'object' },
    });
  });
});

describe('the script-tag files', () => {
  const sri = JSON.parse(read('dist/consent-gate.sri.json').toString()) as { version: string; integrity: Record<string, string> };

  it('lists the sha384 of every file a site loads, matching the files (W3C SRI)', () => {
    expect(Object.keys(sri.integrity)).toEqual(expect.arrayContaining(['consent-gate.iife.js', `consent-gate-${sri.version}.iife.js`, 'locales/ja.json']));
    for (const [file, integrity] of Object.entries(sri.integrity)) {
      expect(integrity, file).toBe(`sha384-${createHash('sha384').update(read(`dist/${file}`)).digest('base64')}`);
    }
  });

  it('keeps the README snippet equal to the built file (run `npm run readme` after a change)', () => {
    const readme = read('README.md').toString();
    expect(replaceBetween(readme, 'sri', sriSnippet(sri))).toBe(readme);
  });

  it('keeps the README size table equal to the figures of the built files (run `npm run readme` after a change)', async () => {
    const readme = read('README.md').toString();
    expect(replaceBetween(readme, 'size', sizeTable(await measure()))).toBe(readme);
  });

  it('names every part and locale by its content hash, and each file matches the hash the main file carries', () => {
    const main = read('dist/consent-gate.iife.js').toString();
    const autoblock = read('dist/consent-gate.autoblock.iife.js').toString();
    const parts = Object.keys(sri.integrity).filter((file) => file.startsWith('parts/'));
    expect(parts.map((file) => file.split(/[/.]/)[1]).sort()).toEqual(['activation', 'autoblock-report', 'catalogue', 'cookie-table', 'dialog', 'log', 'messages', 'placeholders', 'reload-notice']);
    for (const file of [...parts, ...Object.keys(sri.integrity).filter((f) => /^locales\/\w+\.[\w-]{8}\.json$/.test(f))]) {
      const hash = createHash('sha256').update(read(`dist/${file}`)).digest('base64');
      expect(autoblock, file).toContain(hash);
      // A part only the autoblock drop-in lists stays out of the default main file.
      if (file.startsWith('parts/autoblock-report.')) expect(main, file).not.toContain(hash);
      else expect(main, file).toContain(hash);
      expect(file, file).toContain(`.${hash.slice(0, 8).replace(/\+/g, '-').replace(/\//g, '_')}.`);
    }
  });
});
