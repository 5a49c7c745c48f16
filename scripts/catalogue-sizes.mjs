// Prints the size of the compact catalogue modules as the browser gets them (gzip, level 9),
// so the figures quoted for the catalogues come from one place.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const FILES = ['src/catalogues/vendors.generated.ts', 'src/catalogues/cookies.generated.ts'];

for (const file of FILES) {
  const text = readFileSync(file, 'utf8');
  // The browser bundle carries the string, not this file's comments.
  const data = /= `([\s\S]*)`;/.exec(text)?.[1] ?? text;
  const gzip = gzipSync(data, { level: 9 }).length;
  console.log(`${file}: ${data.length} B raw, ${gzip} B gzip (${(gzip / 1024).toFixed(2)} KiB)`);
}
