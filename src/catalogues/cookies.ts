/**
 * The generated cookie catalogue: the hand-made table of data/cookies.curated.txt merged with the
 * Open Cookie Database (`npm run catalogues`), cut to the well-known cookies of analytics,
 * advertising and social vendors that a site's own `document.cookie` can show. This file only
 * decodes; the full table is data/cookies.full.json.
 */
import { compilePattern } from '../config/patterns';
import type { CatalogueEntry } from '../cookies/catalogue';
import { COOKIE_DATA } from './cookies.generated';
import { CATEGORY_OF_LETTER } from './category-letters';

let entries: readonly CatalogueEntry[] | undefined;

/**
 * Decodes a compact cookie table: `#Vendor` opens a vendor's block; each other line is
 * `<category letter><name or /regex/>[ <purpose>][|<lifetime>]`. Exported for tests.
 */
export function decodeCookies(data: string): readonly CatalogueEntry[] {
  const list: CatalogueEntry[] = [];
  let vendor = '';
  for (const line of data.split('\n')) {
    if (line[0] === '#') {
      vendor = line.slice(1);
      continue;
    }
    const space = line.indexOf(' ');
    const [purpose, lifetime] = space < 0 ? [] : line.slice(space + 1).split('|');
    const pattern = compilePattern(space < 0 ? line.slice(1) : line.slice(1, space));
    // The generator and its test compile every pattern; a failing one is a bug caught there.
    if (pattern instanceof Error) continue;
    const entry: CatalogueEntry = { pattern, category: CATEGORY_OF_LETTER[line[0]!]!, vendor };
    if (purpose) entry.purpose = purpose;
    if (lifetime) entry.lifetime = lifetime;
    list.push(Object.freeze(entry));
  }
  return Object.freeze(list);
}

/**
 * Every entry of the generated cookie catalogue, in the shape of `CatalogueEntry`: hand-made
 * entries first (they win), then the Open Cookie Database's, each vendor's exact names before
 * its patterns. Pass it where a catalogue is taken, e.g. `findEntry(cookieCatalogueEntries(), name)`.
 * Built on first call and shared; the array and its entries are frozen.
 */
export function cookieCatalogueEntries(): readonly CatalogueEntry[] {
  return (entries ??= decodeCookies(COOKIE_DATA));
}
