#!/usr/bin/env node
/**
 * Builds the script-tag distribution into dist/ (after `vite build` made the npm files):
 *
 *   consent-gate.iife.js            the first view: core, gating, banner, settings button
 *   parts/<name>.<hash>.js          loaded only when a page or a visitor needs them
 *   locales/<lang>.<hash>.json      loaded when the page's language needs it (and <lang>.json)
 *   consent-gate.gcm.iife.js        drop-ins with start-time features and the same API and
 *   consent-gate.autoblock.iife.js  parts: Google Consent Mode, automatic blocking (`autoBlock`),
 *   consent-gate.full.iife.js       or both
 *   consent-gate-<version>.iife.js  a versioned copy, for use with an integrity attribute
 *   consent-gate.sri.json           sha384 of every file a site owner may load
 *
 * Parts are built first, so the main file can carry each part's file name and integrity hash.
 * A new start-time feature ships as another drop-in: add its entry to DROP_INS and it gets the
 * same parts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DROP_IN_PARTS } from './drop-in-parts.mjs';
import { scriptTagOptions } from './script-tag-options.mjs';
import { shrink } from './shrink.mjs';
import { moduleExports, sharedModulesPlugin } from './shared-modules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const PARTS = ['activation', 'dialog', 'placeholders', 'cookie-table', 'catalogue', 'messages', 'log', 'reload-notice', 'autoblock-report'];

/** Script-tag builds: the default one and the drop-ins with start-time features. */
const DROP_INS = {
  'consent-gate': 'src/auto.ts',
  'consent-gate.gcm': 'src/auto-gcm.ts',
  'consent-gate.autoblock': 'src/auto-autoblock.ts',
  'consent-gate.full': 'src/auto-full.ts',
};

const common = scriptTagOptions(root, version);

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('base64');
/** The file name the main file derives from a hash (src/script-tag/manifest.ts, builtFile). */
const hashedName = (name, hash, extension) => `${name}.${hash.slice(0, 8).replace(/\+/g, '-').replace(/\//g, '_')}.${extension}`;

function write(file, bytes) {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), bytes);
}

const shared = sharedModulesPlugin(root);

/**
 * V8's explicit compile hint (Chrome 136+; to other engines it is a comment): compile every
 * function of the file when it loads, off the main thread while it streams, instead of
 * pre-parsing each one and parsing it again on its first call, on the main thread. It suits
 * files whose functions run as soon as they load: the main file, and the parts a visitor waits
 * for. On the benchmark page it cut the main file's script time by about a quarter, for 25 gzip
 * bytes (README, "Benchmark"). Parts that run a function or two of many (catalogue, messages,
 * log) go without.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const EAGER_PARTS = new Set(['activation', 'dialog', 'placeholders', 'cookie-table', 'reload-notice']);

/** What a part module exports: named exports only (the main file reads them by name). */
async function partExports(file) {
  const names = await moduleExports(file);
  if (names.includes('default')) throw new Error(`${path.relative(root, file)}: a part exports named functions only (the main file reads them by name); export it by name`);
  return names;
}

async function buildPart(name) {
  // Named imports handed over as a plain object: `import * as` would bring esbuild's namespace
  // helper into every part (about 60 gzip bytes each).
  const names = (await partExports(path.join(root, `src/parts/${name}.ts`))).join(', ');
  const result = await build({
    ...common,
    plugins: [shared],
    stdin: {
      contents: `import { ${names} } from './src/parts/${name}';\nself.consentGatePart(${JSON.stringify(name)}, { ${names} });`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: `part-${name}.ts`,
    },
  });
  const code = await shrink(result.outputFiles[0].text);
  const bytes = Buffer.from(EAGER_PARTS.has(name) ? COMPILE_HINT + code : code);
  const hash = sha256(bytes);
  write(`parts/${hashedName(name, hash, 'js')}`, bytes);
  return [name, hash];
}

/** Each locale module's texts, as JSON (the TS module is the single source). */
async function buildLocales() {
  const dir = path.join(root, 'src/i18n/locales');
  const languages = readdirSync(dir).map((f) => f.replace(/\.ts$/, '')).filter((l) => l !== 'en').sort();
  const entries = [];
  for (const language of languages) {
    const result = await build({ ...common, format: 'esm', minify: false, entryPoints: [path.join(dir, `${language}.ts`)] });
    const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
    const bytes = Buffer.from(JSON.stringify(module.default));
    const hash = sha256(bytes);
    write(`locales/${hashedName(language, hash, 'json')}`, bytes);
    // The plain name too, for sites that fetch a locale themselves.
    write(`locales/${language}.json`, bytes);
    entries.push([language, hash]);
  }
  return Object.fromEntries(entries);
}

async function buildMain(entry, parts, locales) {
  const result = await build({
    ...common,
    entryPoints: [path.join(root, entry)],
    define: { ...common.define, __CONSENT_GATE_FILES__: JSON.stringify({ parts, locales }) },
  });
  return Buffer.from(COMPILE_HINT + (await shrink(result.outputFiles[0].text)));
}

// Files of an earlier build would be measured and listed as if they were this one's.
rmSync(path.join(dist, 'parts'), { recursive: true, force: true });
// dist/locales also holds the npm build's locale modules (*.js): only our JSON files go.
for (const file of readdirSync(path.join(dist, 'locales'), { withFileTypes: true })) {
  if (file.isFile() && file.name.endsWith('.json')) rmSync(path.join(dist, 'locales', file.name));
}
const parts = Object.fromEntries(await Promise.all(PARTS.map(buildPart)));
const locales = await buildLocales();
const files = {};
for (const [name, entry] of Object.entries(DROP_INS)) {
  const own = Object.fromEntries(Object.entries(parts).filter(([part]) => !DROP_IN_PARTS[part] || DROP_IN_PARTS[part].includes(name)));
  const bytes = await buildMain(entry, own, locales);
  write(`${name}.iife.js`, bytes);
  files[`${name}.iife.js`] = bytes;
}
const main = files['consent-gate.iife.js'];
const versioned = `consent-gate-${version}.iife.js`;
write(versioned, main);
files[versioned] = main;

// sha384 of every file a site owner may load or pin (the main file keeps shorter sha256 hashes
// of its parts and locales, which it checks itself).
const sri = {};
const listed = [
  ...Object.keys(files),
  ...Object.entries(parts).map(([name, hash]) => `parts/${hashedName(name, hash, 'js')}`),
  ...Object.entries(locales).flatMap(([language, hash]) => [`locales/${hashedName(language, hash, 'json')}`, `locales/${language}.json`]),
];
for (const file of listed) sri[file] = integrity(readFileSync(path.join(dist, file)));
writeFileSync(path.join(dist, 'consent-gate.sri.json'), `${JSON.stringify({ version, integrity: sri }, null, 2)}\n`);
console.log(`script tag: ${Object.keys(files).join(', ')}; parts: ${Object.keys(parts).join(', ')}`);
