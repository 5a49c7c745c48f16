// Rewrites the README's generated parts from the build: the Subresource Integrity snippet
// (from dist/consent-gate.sri.json) and the size table (from scripts/size.mjs, the same figures
// `npm run size` checks). Run after `npm run build`: `npm run readme`.
// tests/browser/package.test.ts checks they match.
import { readFileSync, writeFileSync } from 'node:fs';
import { measure, sizeTable } from './size.mjs';

export function sriSnippet(sri) {
  const file = Object.keys(sri.integrity).find((name) => /^consent-gate-.+\.iife\.js$/.test(name));
  return [
    '```html',
    `<script src="/js/${file}"`,
    `        integrity="${sri.integrity[file]}"`,
    '        crossorigin="anonymous"></script>',
    '```',
  ].join('\n');
}

export function replaceBetween(text, marker, content) {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no ${marker} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  let readme = readFileSync('README.md', 'utf8');
  const sri = JSON.parse(readFileSync('dist/consent-gate.sri.json', 'utf8'));
  readme = replaceBetween(readme, 'sri', sriSnippet(sri));
  readme = replaceBetween(readme, 'size', sizeTable(await measure()));
  writeFileSync('README.md', readme);
  console.log('README: SRI snippet and size table updated.');
}
