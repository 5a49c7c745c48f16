/**
 * The full open-data catalogues for classification: every vendor host of data/vendors.full.json
 * (third-party-web with our corrections) and every cookie of data/cookies.full.json (the Open
 * Cookie Database with our table), not only the subsets the browser bundle carries. Bundled into
 * the command at build time; decoded on first use.
 */
import vendorTable from '../../../data/vendors.full.json' with { type: 'json' };
import cookieTable from '../../../data/cookies.full.json' with { type: 'json' };
import { findVendor, type VendorMatch } from '../../catalogues/vendors.js';
import { compilePattern, matchesPattern, type NamePattern } from '../../config/patterns.js';

/** What the cookie catalogue says about a cookie or storage key. */
export interface CookieMatch {
  vendor: string;
  category: string;
  purpose?: string;
  /** The usual lifetime the catalogue gives, e.g. "2 years". */
  lifetime?: string;
}

interface HostEntry {
  host?: VendorMatch;
  paths: Array<VendorMatch & { segments: string[] }>;
}

let hosts: Map<string, HostEntry> | undefined;
let cookies: Array<CookieMatch & { pattern: NamePattern }> | undefined;

function hostTable(): Map<string, HostEntry> {
  if (hosts) return hosts;
  hosts = new Map();
  for (const row of vendorTable.hosts) {
    const entry = hosts.get(row.host) ?? { paths: [] };
    hosts.set(row.host, entry);
    const match = { vendor: row.vendor, category: row.category };
    if (row.path) entry.paths.push({ ...match, segments: row.path.split('/') });
    else entry.host ??= match;
  }
  for (const entry of hosts.values()) entry.paths.sort((a, b) => b.segments.join('/').length - a.segments.join('/').length);
  return hosts;
}

/** Segment-wise path match, `*` for one segment, a trailing `/` for anything below (as vendors.ts). */
function pathMatches(segments: readonly string[], path: readonly string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const want = segments[i]!;
    if (want === '' && i === segments.length - 1 && i > 0) return true;
    const have = path[i];
    if (have === undefined || (want === '*' ? have === '' : want !== have)) return false;
  }
  return true;
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
  const labels = parsed.hostname.toLowerCase().split('.');
  const path = parsed.pathname.split('/');
  for (let i = 0; i < labels.length - 1; i++) {
    const entry = hostTable().get(labels.slice(i).join('.'));
    const rule = entry && (entry.paths.find((candidate) => pathMatches(candidate.segments, path)) ?? entry.host);
    if (rule) return { vendor: rule.vendor, category: rule.category };
  }
  return undefined;
}

/** The catalogue entry for a cookie name or storage key; the first matching entry wins (hand-made first). */
export function cookieOf(name: string): CookieMatch | undefined {
  cookies ??= cookieTable.entries.flatMap((row) => {
    const pattern = compilePattern(row.pattern);
    if (pattern instanceof Error) return [];
    return [{ pattern, vendor: row.vendor, category: row.category, purpose: row.purpose || undefined, lifetime: row.lifetime || undefined }];
  });
  const entry = cookies.find((candidate) => matchesPattern(name, candidate.pattern));
  return entry && { vendor: entry.vendor, category: entry.category, purpose: entry.purpose, lifetime: entry.lifetime };
}
