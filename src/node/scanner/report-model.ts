/**
 * The scan report as data, shared by the Markdown and HTML writers: what was scanned, the cookie
 * declaration by category, third-party hosts, tags to make inert, and what stayed unclassified.
 */
import type { Findings } from './classify.js';
import type { PageCapture } from './types.js';

/** A finished scan: its pages and findings. */
export interface ScanReport {
  /** The start URL. */
  start: string;
  /** When the scan ran (ISO 8601). */
  scannedAt: string;
  pages: Array<Pick<PageCapture, 'url' | 'finalUrl' | 'status' | 'error'>>;
  /** Pages robots.txt kept the scanner from. */
  disallowed: string[];
  findings: Findings;
}

/** Category order in the declaration: necessary first, then the built-in ones, then the rest. */
const ORDER = ['necessary', 'functional', 'analytics', 'advertising', 'social'];

/** Categories in declaration order. */
export function orderedCategories(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => {
    const [x, y] = [ORDER.indexOf(a), ORDER.indexOf(b)];
    return (x < 0 ? 99 : x) - (y < 0 ? 99 : y) || a.localeCompare(b);
  });
}

/** A URL shortened to its path when it is on the scanned site's origin. */
export function shortUrl(url: string, start: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === new URL(start).origin ? parsed.pathname + parsed.search : url;
  } catch {
    return url;
  }
}

/** "HttpOnly, Secure, SameSite=Lax" for a cookie. */
export function cookieFlags(cookie: { httpOnly: boolean; secure: boolean; sameSite: string }): string {
  return [cookie.httpOnly && 'HttpOnly', cookie.secure && 'Secure', `SameSite=${cookie.sameSite}`].filter(Boolean).join(', ');
}

/** Counts for the summary line. */
export function summary(report: ScanReport): string {
  const { findings } = report;
  const unclassified = findings.cookies.filter((c) => !c.category).length + findings.storage.filter((s) => !s.category).length + findings.hosts.filter((h) => !h.category).length;
  return `${report.pages.length} page${report.pages.length === 1 ? '' : 's'} scanned, ${findings.cookies.length} cookies, ${findings.storage.length} storage keys, ${findings.hosts.length} third-party hosts, ${findings.tags.length} tags to make inert, ${unclassified} unclassified`;
}

/** A page of the report with its query variants (`/`, `/?mode=opt-out`, `/?lang=de` are one page). */
export interface PageGroup {
  /** The path (or the whole URL off the scanned origin), without query. */
  page: string;
  /** The queries it was scanned with, e.g. `?mode=opt-out`; empty when only the plain page was. */
  variants: string[];
  /** "200", or "200, 404" when variants differ, or "failed: …". */
  status: string;
}

/** The scanned pages grouped by path, in scanning order. */
export function pageGroups(report: ScanReport): PageGroup[] {
  const groups = new Map<string, PageGroup & { statuses: Set<string> }>();
  for (const page of report.pages) {
    const short = shortUrl(page.finalUrl, report.start);
    const query = short.indexOf('?');
    const key = query < 0 ? short : short.slice(0, query);
    const group = groups.get(key) ?? { page: key, variants: [], status: '', statuses: new Set<string>() };
    groups.set(key, group);
    if (query >= 0 && !group.variants.includes(short.slice(query))) group.variants.push(short.slice(query));
    group.statuses.add(page.error ? `failed: ${page.error}` : String(page.status));
  }
  return [...groups.values()].map(({ statuses, ...group }) => ({ ...group, status: [...statuses].join(', ') }));
}

/**
 * What the "Tags to make inert" section says when it has no tag: never "nothing loads a third
 * party" above a table of third-party requests.
 */
export function noTagsNote(findings: Findings): string {
  const hosts = findings.hosts.filter((host) => host.category !== 'necessary');
  if (!hosts.length) return 'None: no tag in the pages loads a third party before consent.';
  return `None traced to a tag in the pages' markup, but ${hosts.length} third-party host${hosts.length === 1 ? '' : 's'} above ${hosts.length === 1 ? 'was' : 'were'} requested before consent: find what loads ${hosts.length === 1 ? 'it' : 'them'} (a script of the site itself, a service worker, a redirect) and gate it.`;
}
