#!/usr/bin/env node
/**
 * Sizes of the files we ship, gzip level 9, in KiB (1,024 bytes), against issue 8's targets:
 *
 *   first view      what a first-time visitor's browser fetches on a page with an embed: the
 *                   script tag's main file and its placeholders part (English needs no locale)
 *   all script-tag  the main file and every part (locales excluded)
 *   headless        `export { createConsent } from 'consent-gate/headless'`, bundled with its
 *                   dependencies by esbuild for production
 *
 * Budgets are the targets, not today's figures plus a margin.
 * Usage: `node scripts/size.mjs` (table; exit 1 when a target is missed), `--report` (the same
 * table and verdicts, exit 0: what `npm test` prints), or `--json`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/** Targets in KiB: `limit` fails the check, `aim` is the issue's goal. */
export const BUDGETS = {
  firstView: { name: 'first view: script tag + placeholders part (English)', limit: 12, aim: 10 },
  scriptTag: { name: 'all script-tag files: main + every part (no locales)', limit: 23 },
  headless: { name: 'headless entry (createConsent), esbuild, production', limit: 6, aim: 4.5 },
};

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function headlessBytes() {
  const result = await build({
    stdin: { contents: `export { createConsent } from ${JSON.stringify(path.join(dist, 'headless.js'))};`, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    define: { 'process.env.NODE_ENV': '"production"' },
    absWorkingDir: root,
  });
  return Buffer.from(result.outputFiles[0].contents);
}

/** Every figure, in bytes after gzip, with the files behind it. */
export async function measure() {
  const main = gzip(readFileSync(path.join(dist, 'consent-gate.iife.js')));
  const parts = Object.fromEntries(
    readdirSync(path.join(dist, 'parts'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => [file.slice(0, file.indexOf('.')), gzip(readFileSync(path.join(dist, 'parts', file)))]),
  );
  const partsTotal = Object.values(parts).reduce((sum, size) => sum + size, 0);
  return {
    main,
    parts,
    firstView: main + parts.placeholders,
    scriptTag: main + partsTotal,
    headless: gzip(await headlessBytes()),
  };
}

const kib = (bytes) => (bytes / 1024).toFixed(2);

/** The README's size table (kept equal to this by tests/browser/package.test.ts). */
export function sizeTable(sizes) {
  const rows = Object.entries(BUDGETS).map(([key, budget]) => {
    const verdict = sizes[key] <= budget.limit * 1024 ? 'met' : `**missed by ${kib(sizes[key] - budget.limit * 1024)} KiB**`;
    return `| ${budget.name} | ${kib(sizes[key])} KiB | ${budget.limit} KiB${budget.aim ? ` (aim ${budget.aim})` : ''} | ${verdict} |`;
  });
  const parts = Object.entries(sizes.parts)
    .map(([name, size]) => `${name} ${kib(size)}`)
    .join(', ');
  return [
    '| what | gzip | target | |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Main file ${kib(sizes.main)} KiB; parts, each loaded only when needed: ${parts} (KiB).`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(sizes, null, 2));
  } else {
    console.log(sizeTable(sizes));
    const missed = Object.entries(BUDGETS).filter(([key, budget]) => sizes[key] > budget.limit * 1024);
    for (const [key, budget] of missed) console.error(`size: ${budget.name} is ${kib(sizes[key])} KiB, over its ${budget.limit} KiB target by ${kib(sizes[key] - budget.limit * 1024)} KiB`);
    const strict = !process.argv.includes('--report');
    process.exitCode = strict && missed.length > 0 ? 1 : 0;
  }
}
