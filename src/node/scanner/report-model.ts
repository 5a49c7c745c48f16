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
