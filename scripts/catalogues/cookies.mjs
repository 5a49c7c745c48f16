// Builds the cookie catalogue: the hand-made entries of data/cookies.curated.txt first (they win
// on conflict), then the Open Cookie Database mapped to consent categories by
// data/cookie-overrides.json. Pure, like vendors.mjs.
import { LETTER } from './vendors.mjs';

const FROM_LETTER = Object.fromEntries(Object.entries(LETTER).map(([category, letter]) => [letter, category]));
// Names the compact string can carry: no whitespace (it ends the name), no `|` or `#` framing.
const COMPACT_NAME = /^[^\s|#][^\s|]*$/;
const TRACKING = new Set(['analytics', 'advertising', 'social']);
// Shorter names (`C`, `uid`, `ID`) are too generic to name a vendor on someone else's site: in
// the browser they would mislabel the site's own cookies. The full table keeps them.
const MIN_NAME = 4;

function byText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lower-case letters and digits only, so "Google Ads" and "google-ads" compare equal. */
export function vendorKey(name) {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The hand-made entries of data/cookies.curated.txt: `#Vendor` opens a vendor's block; each
 * other line is `<category letter><name or /regex/> <purpose>[|<lifetime>]`, letters a
 * analytics, d advertising, s social, f functional. Within a vendor, narrower patterns come
 * before broader ones: the first match wins. Blank lines are skipped.
 */
export function parseHandMade(text) {
  const entries = [];
  let vendor = '';
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line[0] === '#') {
      vendor = line.slice(1);
      continue;
    }
    const space = line.indexOf(' ');
    if (space < 0 || !FROM_LETTER[line[0]] || vendor === '') throw new Error(`data/cookies.curated.txt: "${line}" is not "<a|d|s|f><name or /regex/> <purpose>[|<lifetime>]" under a "#Vendor" line`);
    const [purpose, lifetime] = line.slice(space + 1).split('|');
    const entry = { pattern: line.slice(1, space), category: FROM_LETTER[line[0]], vendor, purpose };
    if (lifetime) entry.lifetime = lifetime;
    entries.push({ ...entry, source: 'hand-made' });
  }
  return entries;
}

function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A database name as a pattern string: exact, or `/^prefix/` for its wildcard entries. */
function ocdPattern(name, wildcard) {
  // A few names mark the wildcard with a trailing `*` instead of the column.
  const prefix = name.endsWith('*') ? name.slice(0, -1) : wildcard ? name : undefined;
  return prefix === undefined ? name : `/^${escapeRegex(prefix)}/`;
}

function lifetimeOf(text) {
  const value = text.trim();
  if (!value || /^unknown$/i.test(value)) return undefined;
  return /session/i.test(value) ? 'Session' : value.toLowerCase();
}

/** A database pattern as the literal name or prefix it stands for. */
function literalOf(pattern) {
  return pattern.startsWith('/') ? pattern.slice(2, -1).replace(/\\(.)/g, '$1') : pattern;
}

// The same cookie as a hand-made entry: the same pattern, or a name (or a prefix) that a
// hand-made regex already matches, e.g. the database's `_pk_ses.` prefix under `/^_pk_ses/`.
function matchesHandMade(pattern, handMade) {
  const literal = literalOf(pattern);
  return handMade.some((entry) => {
    if (entry.pattern === pattern) return true;
    const regex = /^\/(.+)\/$/.exec(entry.pattern);
    return regex !== null && new RegExp(regex[1]).test(literal);
  });
}

/** Maps one database record to a catalogue entry (category, vendor, pattern). */
function fromRecord(record, rules) {
  const platform = record.Platform.trim();
  const name = record['Cookie / Data Key name'].trim();
  const override = rules.cookies[`${platform}:${name}`];
  let category = rules.categoryMap.map[record.Category];
  if (!category) throw new Error(`Open Cookie Database ${record.ID}: unknown category "${record.Category}"`);
  if (category === 'advertising' && rules.socialPlatforms.list.includes(platform) && record.Domain.trim()) {
    category = 'social';
  }
  if (override) category = override.category;
  const entry = {
    pattern: ocdPattern(name, record['Wildcard match'] === '1'),
    category,
    vendor: rules.vendorNames.map[platform] ?? platform,
  };
  const purpose = record.Description.trim();
  const lifetime = lifetimeOf(record['Retention period']);
  const domain = record.Domain.trim();
  if (purpose) entry.purpose = purpose;
  if (lifetime) entry.lifetime = lifetime;
  if (domain) entry.domain = domain;
  return { ...entry, source: 'open-cookie-database', id: record.ID, key: `${platform}:${name}` };
}

/**
 * One compact line per entry, in `#Vendor` blocks: `<letter><name or /regex/>[ <purpose>][|<lifetime>]`,
 * the format of src/cookies/catalogue.ts. Database entries carry no purpose in the browser
 * (their descriptions are long English sentences; the full table keeps them).
 */
export function encodeCookies(entries) {
  const lines = [];
  let vendor;
  for (const entry of entries) {
    if (entry.vendor !== vendor) lines.push(`#${entry.vendor}`);
    vendor = entry.vendor;
    const purpose = entry.source === 'hand-made' ? (entry.purpose ?? '') : '';
    const tail = purpose + (entry.lifetime ? `|${entry.lifetime}` : '');
    lines.push(LETTER[entry.category] + entry.pattern + (tail ? ` ${tail}` : ''));
  }
  return lines.join('\n');
}

// Within a vendor: exact names first, then longer prefixes before shorter ones (first match wins).
function ocdOrder(a, b) {
  const aRegex = a.pattern.startsWith('/');
  const bRegex = b.pattern.startsWith('/');
  return (
    byText(a.vendor, b.vendor) ||
    Number(aRegex) - Number(bRegex) ||
    (aRegex ? b.pattern.length - a.pattern.length : 0) ||
    byText(a.pattern, b.pattern) ||
    byText(a.id, b.id)
  );
}

/**
 * Every cookie entry and the compact browser subset.
 * The subset: every hand-made entry, plus database entries of analytics, advertising and social
 * vendors that the vendor catalogue's browser subset or the hand-made list names, limited to
 * cookies set on the site itself (no domain in the database: the only ones `document.cookie`
 * shows and withdrawal can delete) whose name has at least MIN_NAME characters.
 * @param {{ records: Record<string, string>[], handMade: string, rules: object, browserVendors: string[] }} input
 */
export function buildCookies({ records, handMade: handMadeText, rules, browserVendors }) {
  const handMade = parseHandMade(handMadeText);
  const vendors = new Set([...browserVendors, ...handMade.map((entry) => entry.vendor)].map(vendorKey));
  const database = records
    .filter((record) => record['Cookie / Data Key name'].trim())
    .map((record) => fromRecord(record, rules))
    .filter((entry) => !matchesHandMade(entry.pattern, handMade))
    .sort(ocdOrder);
  const seen = new Set(handMade.map((entry) => entry.pattern));
  const generic = new Set(rules.notInBrowser.list);
  const subset = database.filter((entry) => {
    const keep =
      TRACKING.has(entry.category) &&
      vendors.has(vendorKey(entry.vendor)) &&
      !entry.domain &&
      !generic.has(entry.key) &&
      literalOf(entry.pattern).length >= MIN_NAME &&
      COMPACT_NAME.test(entry.pattern) &&
      !seen.has(entry.pattern);
    if (keep) seen.add(entry.pattern);
    return keep;
  });
  const inSubset = new Set(subset);
  const entries = [...handMade, ...database].map((original) => {
    // `key` only served the override look-ups; tools get the record without it.
    const entry = { ...original, browser: original.source === 'hand-made' || inSubset.has(original) };
    delete entry.key;
    return entry;
  });
  return { entries, compact: encodeCookies([...handMade, ...subset]) };
}
