/**
 * The built-in vendor catalogue for automatic blocking: which third-party hosts belong to which
 * vendor and consent category. Generated from third-party-web with hand-written corrections (`npm
 * run catalogues`); this file only decodes and looks up.
 *
 * A rule is a host (its subdomains match too) or a host plus a path, for hosts that serve two
 * categories: `connect.facebook.net/*\/fbevents.js` is the ad pixel, `connect.facebook.net/*\/sdk.js`
 * the social SDK. Decoded on first lookup, kept for later ones.
 */
import { CATEGORY_OF_LETTER } from './category-letters';
import { VENDOR_DATA } from './vendors.generated';

/** What the catalogue says about a URL. */
export interface VendorMatch {
  /** Who runs the host, e.g. "Google Analytics" or "Meta Pixel". */
  vendor: string;
  /** `necessary`, `functional`, `analytics`, `advertising` or `social`. */
  category: string;
}

interface PathRule extends VendorMatch {
  /** Path segments; `*` stands for one segment, a trailing '' for anything below. */
  segments: string[];
}

/** The rules of one host. */
export interface HostRules {
  /** The rule for the host as a whole, when there is one. */
  host?: VendorMatch;
  /** Host-plus-path rules, longest first. */
  paths: PathRule[];
}

let table: Map<string, HostRules> | undefined;

/**
 * Adds one rule (a host, or a host plus a path such as `/tr` or `/*\/sdk.js`) to a table. A host
 * listed twice keeps its first rule. Call {@link sortPathRules} once the table is complete.
 */
export function addVendorRule(rules: Map<string, HostRules>, host: string, path: string | undefined, match: VendorMatch): void {
  const entry = rules.get(host) ?? { paths: [] };
  rules.set(host, entry);
  if (path === undefined) entry.host ??= match;
  else entry.paths.push({ ...match, segments: path.split('/') });
}

/** Puts each host's path rules longest first, so the most specific one matches. */
export function sortPathRules(rules: Map<string, HostRules>): void {
  for (const entry of rules.values()) entry.paths.sort((a, b) => b.segments.join('/').length - a.segments.join('/').length);
}

function decode(data: string): Map<string, HostRules> {
  const rules = new Map<string, HostRules>();
  let vendor = '';
  for (const line of data.split('\n')) {
    if (line[0] === '#') {
      vendor = line.slice(1);
      continue;
    }
    const match = { vendor, category: CATEGORY_OF_LETTER[line[0]!]! };
    for (const rule of line.slice(1).split(' ')) {
      const slash = rule.indexOf('/');
      addVendorRule(rules, slash < 0 ? rule : rule.slice(0, slash), slash < 0 ? undefined : rule.slice(slash), match);
    }
  }
  sortPathRules(rules);
  return rules;
}

/**
 * Whether a URL path falls under a rule's path: segment by segment, `*` matching any one
 * non-empty segment. `/tr` covers `/tr` and `/tr/…` but not `/track`; `/plugins/` covers
 * everything below `/plugins/`.
 */
function pathMatches(segments: readonly string[], path: readonly string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const want = segments[i]!;
    if (want === '' && i === segments.length - 1 && i > 0) return true;
    const have = path[i];
    if (have === undefined || (want === '*' ? have === '' : want !== have)) return false;
  }
  return true;
}

function parse(url: string): URL | undefined {
  try {
    // Protocol-relative URLs (`//cdn.example/x.js`) are common in tags.
    const parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The vendor and consent category of a URL, or `undefined` when the host is not catalogued
 * (first-party and unknown hosts included: the caller never blocks those). The most specific
 * host wins (`stats.g.doubleclick.net` falls back to `doubleclick.net`), and on one host the
 * longest matching path rule wins over the host's own rule.
 * @param url an absolute http(s) URL or a protocol-relative one; anything else gives `undefined`
 * @example findVendor('https://www.google.com/recaptcha/api.js') // { vendor: 'Google reCAPTCHA', category: 'necessary' }
 */
export function findVendor(url: string): VendorMatch | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  table ??= decode(VENDOR_DATA);
  return matchVendor(table, parsed);
}

/**
 * The rule of a table that covers a URL: the most specific host first, then on that host the
 * longest matching path rule, else the host's own rule. Shared with the site scanner's full table.
 */
export function matchVendor(rules: ReadonlyMap<string, HostRules>, url: URL): VendorMatch | undefined {
  const path = url.pathname.split('/');
  const labels = url.hostname.toLowerCase().replace(/\.$/, '').split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const entry = rules.get(labels.slice(i).join('.'));
    if (!entry) continue;
    const rule = entry.paths.find((candidate) => pathMatches(candidate.segments, path)) ?? entry.host;
    if (rule) return { vendor: rule.vendor, category: rule.category };
  }
  return undefined;
}

/**
 * Every catalogued rule (`host` or `host/path`) with its vendor and category, for tools and
 * tests; automatic blocking uses {@link findVendor}.
 */
export function vendorRules(): Array<VendorMatch & { rule: string }> {
  table ??= decode(VENDOR_DATA);
  const list: Array<VendorMatch & { rule: string }> = [];
  for (const [host, entry] of table) {
    if (entry.host) list.push({ rule: host, ...entry.host });
    for (const path of entry.paths) list.push({ rule: host + path.segments.join('/'), vendor: path.vendor, category: path.category });
  }
  return list;
}
