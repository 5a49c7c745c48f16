/**
 * The full open-data catalogues for classification: every vendor host of data/vendors.full.json
 * (third-party-web with our corrections) and every cookie of data/cookies.full.json (the Open
 * Cookie Database with our table), not only the subsets the browser bundle carries. Bundled into
 * the command at build time; decoded on first use.
 */
import vendorTable from '../../../data/vendors.full.json' with { type: 'json' };
import cookieTable from '../../../data/cookies.full.json' with { type: 'json' };
import { addVendorRule, findVendor, matchVendor, sortPathRules, type HostRules, type VendorMatch } from '../../catalogues/vendors.js';
import { compilePattern, matchesPattern, type NamePattern } from '../../config/patterns.js';

/** What the cookie catalogue says about a cookie or storage key. */
export interface CookieMatch {
  vendor: string;
  category: string;
  purpose?: string;
  /** The usual lifetime the catalogue gives, e.g. "2 years". */
  lifetime?: string;
  /** The catalogue's pattern when it names a family of cookies, e.g. "/^_ga_/". */
  family?: string;
}

let hosts: Map<string, HostRules> | undefined;
let cookies: Array<CookieMatch & { pattern: NamePattern }> | undefined;

/** The full table, built with the browser catalogue's own rule table code. */
function hostTable(): Map<string, HostRules> {
  if (hosts) return hosts;
  hosts = new Map();
  for (const row of vendorTable.hosts) addVendorRule(hosts, row.host, row.path || undefined, { vendor: row.vendor, category: row.category });
  sortPathRules(hosts);
  return hosts;
}

/**
 * The vendor of a URL: the browser catalogue's answer (`findVendor`) when it has one, else the
 * full table's (most specific host first, longest path rule first).
 */
export function vendorOf(url: string): VendorMatch | undefined {
  const known = findVendor(url);
  if (known) return known;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return matchVendor(hostTable(), parsed);
}

/** The catalogue entry for a cookie name or storage key; the first matching entry wins (hand-made first). */
export function cookieOf(name: string): CookieMatch | undefined {
  cookies ??= cookieTable.entries.flatMap((row) => {
    const pattern = compilePattern(row.pattern);
    if (pattern instanceof Error) return [];
    return [{ pattern, vendor: row.vendor, category: row.category, purpose: row.purpose || undefined, lifetime: row.lifetime || undefined, family: pattern instanceof RegExp ? row.pattern : undefined }];
  });
  const entry = cookies.find((candidate) => matchesPattern(name, candidate.pattern));
  return entry && { vendor: entry.vendor, category: entry.category, purpose: entry.purpose, lifetime: entry.lifetime, family: entry.family };
}
