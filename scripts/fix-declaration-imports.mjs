#!/usr/bin/env node
/**
 * Gives every relative import in emitted declaration files the extension Node's ESM resolution
 * needs. `tsc` copies specifiers as written (`from './types'`), which a `"type": "module"`
 * package's consumers reject under `moduleResolution` `node16`/`nodenext` (TS2834) and which,
 * with `skipLibCheck: true`, silently turn the public types into `any`. `./types` becomes
 * `./types.js` (or `./dir/index.js`), which TypeScript maps back to the `.d.ts` next to it;
 * `bundler` resolution accepts both. A specifier that resolves to no declaration file fails the build.
 *
 * Usage: node scripts/fix-declaration-imports.mjs <dir>...
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*?)\2/g;

function declarations(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return declarations(file);
    return file.endsWith('.d.ts') ? [file] : [];
  });
}

/** The specifier with the extension Node's ESM resolution needs, or an error. */
function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier;
  const target = path.resolve(path.dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(path.join(target, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`;
  throw new Error(`${path.relative(process.cwd(), file)}: "${specifier}" resolves to no declaration file`);
}

export function fixDeclarationImports(dir) {
  let changed = 0;
  for (const file of declarations(dir)) {
    const source = readFileSync(file, 'utf8');
    const fixed = source.replace(SPECIFIER, (_, before, quote, specifier) => `${before}${quote}${withExtension(file, specifier)}${quote}`);
    if (fixed !== source) {
      writeFileSync(file, fixed);
      changed++;
    }
  }
  return changed;
}

for (const dir of process.argv.slice(2)) fixDeclarationImports(path.resolve(dir));
