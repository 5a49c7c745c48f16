#!/usr/bin/env node
/**
 * Sizes of the files we ship, gzip level 9, in KiB (1,024 bytes), against the targets in `BUDGETS`
 * (README, "Size", says which are missed and what would close each gap):
 *
 *   first view      what a first-time visitor's browser fetches on a page with an embed: the
 *                   script tag's main file and its placeholders part (English needs no locale)
 *   all script-tag  the main file and every part (locales excluded)
 *   headless        `export { createConsent } from 'consent-gate/headless'`, bundled with its
 *                   dependencies by esbuild for production
 *   interceptor     automatic blocking: the autoblock drop-in minus the main file,
 *                   without the vendor catalogue, which is measured on its own: the drop-in's
 *                   entry built with and without the catalogue's data and lookup
 *   consent mode    what Google Consent Mode adds to the first view: the gcm drop-in
 *                   minus the main file
 *
 * Budgets are the targets, not today's figures plus a margin. Beside them, every shipped file's
 * gzip size is recorded in scripts/size-recorded.json: a file that grows past its recorded figure
 * fails `npm test`, so no growth goes unnoticed. Raising a figure is a deliberate commit
 * (`node scripts/size.mjs --record`) whose message says why.
 * Usage: `node scripts/size.mjs` (table; exit 1 when a target is missed or a file grew),
 * `--report` (the same table and the distance to each target; exit 1 only when a file grew past
 * its recorded figure: what `npm test` runs), `--record` (write today's figures), or `--json`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { scriptTagOptions } from './script-tag-options.mjs';
import { shrink } from './shrink.mjs';
import { DROP_IN_PARTS } from './drop-in-parts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/** Targets in KiB: `limit` fails the check, `aim` is the figure we would like to reach. */
export const BUDGETS = {
  firstView: { name: 'first view: script tag + placeholders part (English)', limit: 12, aim: 10 },
  scriptTag: { name: 'all script-tag files: main + every part (no locales)', limit: 23 },
  headless: { name: 'headless entry (createConsent), esbuild, production', limit: 6, aim: 4.5 },
  interceptor: { name: 'automatic blocking: autoblock drop-in minus main file, without the vendor catalogue', limit: 2 },
  consentMode: { name: 'Google Consent Mode: gcm drop-in minus main file', limit: 0.5 },
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

/** The vendor catalogue's share of the autoblock drop-in: its entry built with and without it. */
async function catalogueBytes() {
  const options = scriptTagOptions(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  const entry = async (plugins) =>
    gzip(
      await shrink(
        (
          await build({
            ...options,
            entryPoints: [path.join(root, 'src/auto-autoblock.ts')],
            define: { ...options.define, __CONSENT_GATE_FILES__: '{"parts":{},"locales":{}}' },
            plugins,
          })
        ).outputFiles[0].text,
      ),
    );
  const without = { name: 'no-catalogue', setup: (b) => b.onLoad({ filter: /catalogues[\\/]vendors\.ts$/ }, () => ({ contents: 'export const findVendor = () => undefined;', loader: 'ts' })) };
  return (await entry([])) - (await entry([without]));
}

/** Every figure, in bytes after gzip, with the files behind it. */
export async function measure() {
  const main = gzip(readFileSync(path.join(dist, 'consent-gate.iife.js')));
  const parts = Object.fromEntries(
    readdirSync(path.join(dist, 'parts'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => [file.slice(0, file.indexOf('.')), gzip(readFileSync(path.join(dist, 'parts', file)))]),
  );
  // The default script tag's parts: not those only a drop-in build lists.
  const partsTotal = Object.entries(parts).reduce((sum, [name, size]) => sum + (DROP_IN_PARTS[name] ? 0 : size), 0);
  const vendorCatalogue = await catalogueBytes();
  return {
    interceptor: gzip(readFileSync(path.join(dist, 'consent-gate.autoblock.iife.js'))) - main - vendorCatalogue,
    consentMode: gzip(readFileSync(path.join(dist, 'consent-gate.gcm.iife.js'))) - main,
    vendorCatalogue,
    main,
    parts,
    firstView: main + parts.placeholders,
    scriptTag: main + partsTotal,
    headless: gzip(await headlessBytes()),
  };
}

const kib = (bytes) => (bytes / 1024).toFixed(2);

const recordedPath = path.join(root, 'scripts', 'size-recorded.json');

/**
 * Every file a script-tag site copies from dist/, by a name without its content hash
 * (`parts/dialog.js`, `locales/de.json`), with its gzip size in bytes, plus the headless entry.
 */
export function shippedFiles(sizes) {
  const files = { headless: sizes.headless };
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.iife.js') && !/-\d/.test(name))) {
    files[file] = gzip(readFileSync(path.join(dist, file)));
  }
  for (const [name, size] of Object.entries(sizes.parts)) files[`parts/${name}.js`] = size;
  for (const file of readdirSync(path.join(dist, 'locales')).filter((name) => /^[a-z]+\.[^.]+\.json$/.test(name))) {
    files[`locales/${file.slice(0, file.indexOf('.'))}.json`] = gzip(readFileSync(path.join(dist, 'locales', file)));
  }
  return files;
}

/** Files that grew past their recorded figure, and files that have no figure yet. */
export function regressions(files, recorded) {
  const problems = [];
  for (const [file, size] of Object.entries(files)) {
    if (!(file in recorded)) problems.push(`size: ${file} (${size} B) has no recorded figure in scripts/size-recorded.json`);
    else if (size > recorded[file]) problems.push(`size: ${file} grew from ${recorded[file]} B to ${size} B (+${size - recorded[file]} B)`);
  }
  return problems;
}

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
    `Main file ${kib(sizes.main)} KiB; parts, each loaded only when needed: ${parts} (KiB). The autoblock drop-in's vendor catalogue: ${kib(sizes.vendorCatalogue)} KiB; parts only a drop-in lists (${Object.keys(DROP_IN_PARTS).join(', ')}) are not counted in the default script tag's files.`,
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
    const files = shippedFiles(sizes);
    if (process.argv.includes('--record')) {
      writeFileSync(recordedPath, `${JSON.stringify(files, null, 2)}\n`);
      console.log(`size: recorded ${Object.keys(files).length} files in scripts/size-recorded.json`);
    } else {
      const grew = regressions(files, JSON.parse(readFileSync(recordedPath, 'utf8')));
      for (const line of grew) console.error(line);
      if (grew.length > 0) console.error('size: if the growth is deliberate, run `node scripts/size.mjs --record` and commit the figures with the reason');
      const strict = !process.argv.includes('--report');
      process.exitCode = grew.length > 0 || (strict && missed.length > 0) ? 1 : 0;
    }
  }
}
