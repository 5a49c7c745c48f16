/**
 * From pages to findings: every cookie, storage key, third-party host and tag the crawl saw,
 * classified with the full catalogues, each with the pages it was seen on. What no catalogue
 * knows stays unclassified (no category) for the site owner to decide.
 */
import { cookieOf, vendorOf } from './catalogues.js';
import type { Declarations } from './declarations.js';
import { inertMarkup, originalMarkup } from './markup.js';
import { hostOf, type SiteRules } from './site.js';
import type { PageCapture, SeenCookie, TagRef } from './types.js';

/** A cookie, once per name and domain. */
export interface CookieFinding extends Omit<SeenCookie, 'expires'> {
  /** How long it lives as seen, e.g. "Session", "30 days", "2 years". */
  lifetime: string;
  /** From the cookie catalogue; missing when unclassified. */
  category?: string;
  vendor?: string;
  purpose?: string;
  /** The catalogue's pattern for the cookie's family (`/^_ga_/` for `_ga_XYZ123`), when it has one. */
  family?: string;
  /** Whether the page's own config already declares it. */
  declared?: boolean;
  pages: string[];
}

/** A localStorage or sessionStorage key. */
export interface StorageFinding {
  key: string;
  area: 'localStorage' | 'sessionStorage';
  category?: string;
  vendor?: string;
  pages: string[];
}

/** A third-party host the pages requested. */
export interface HostFinding {
  host: string;
  vendor?: string;
  category?: string;
  /** Whether the page's own config already declares its vendor. */
  declared?: boolean;
  /** How many requests went to it, over all pages. */
  requests: number;
  pages: string[];
}

/** A tag in the pages' markup that must be made inert. */
export interface TagFinding {
  tag: TagRef;
  /** Categories the inert tag needs; empty when no catalogue knows what it loads. */
  categories: string[];
  /** Vendors it loads, directly or through the scripts it inserts. */
  vendors: string[];
  /** The chains to the first few requests it causes: the URLs from the tag to the request. */
  chains: string[][];
  pages: string[];
  /** The tag as the page has it, and its inert replacement. */
  original: string;
  replacement: string;
}

/** Everything a scan found, classified. */
export interface Findings {
  cookies: CookieFinding[];
  storage: StorageFinding[];
  hosts: HostFinding[];
  tags: TagFinding[];
  /** The privacy policy's address, when a page links to one. */
  privacyPolicyUrl?: string;
}

/** A lifetime in words, from an expiry in seconds since the epoch (-1: a session cookie). */
export function describeLifetime(expires: number, now = Date.now()): string {
  if (expires < 0) return 'Session';
  const days = (expires * 1000 - now) / 86_400_000;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days < 1) return plural(Math.max(1, Math.round(days * 24)), 'hour');
  if (days < 60) return plural(Math.round(days), 'day');
  if (days < 730) return plural(Math.round(days / 30.44), 'month');
  return plural(Math.round(days / 365.25), 'year');
}

/** Chains listed per tag; a tag manager can cause hundreds of requests. */
const MAX_CHAINS = 5;

function addPage(list: string[], page: string): void {
  if (!list.includes(page)) list.push(page);
}

function tagKey(tag: TagRef): string {
  return tag.kind === 'inline-script' ? `inline:${tag.text}` : `${tag.kind}:${tag.url ?? ''}`;
}

/**
 * Classifies what the pages saw. What the site's own config declares (`declared`) keeps the
 * category the site gave it; the catalogues answer for the rest.
 */
export function classify(pages: readonly PageCapture[], site: SiteRules, declared?: Declarations): Findings {
  const cookies = new Map<string, CookieFinding>();
  const storage = new Map<string, StorageFinding>();
  const hosts = new Map<string, HostFinding>();
  const tags = new Map<string, TagFinding & { reached: Map<string, { host: string; chain: string[] }> }>();
  for (const page of pages) {
    const where = page.finalUrl;
    for (const { expires, ...cookie } of page.cookies) {
      const key = `${cookie.name}@${cookie.domain}`;
      const known = cookieOf(cookie.name) ?? (cookie.firstParty ? undefined : vendorOf(`https://${cookie.domain.replace(/^\./, '')}/`));
      const own = declared?.declaredCookie(cookie.name);
      const finding = cookies.get(key) ?? { ...cookie, lifetime: describeLifetime(expires), ...known, ...(own ? { category: own, declared: true } : {}), pages: [] };
      cookies.set(key, finding);
      addPage(finding.pages, where);
    }
    for (const area of ['localStorage', 'sessionStorage'] as const) {
      for (const key of page[area]) {
        const known = cookieOf(key);
        const finding = storage.get(`${area}:${key}`) ?? { key, area, category: known?.category, vendor: known?.vendor, pages: [] };
        storage.set(`${area}:${key}`, finding);
        addPage(finding.pages, where);
      }
    }
    for (const request of page.requests) {
      const host = hostOf(request.url);
      const vendor = vendorOf(request.url);
      const own = declared?.declaredRequest(request.url);
      const hostFinding = hosts.get(host) ?? { host, vendor: vendor?.vendor, category: own ?? vendor?.category, ...(own ? { declared: true } : {}), requests: 0, pages: [] };
      hosts.set(host, hostFinding);
      hostFinding.requests++;
      addPage(hostFinding.pages, where);
      if (request.root.kind === 'other') continue;
      const key = tagKey(request.root);
      const tag = tags.get(key) ?? { tag: request.root, categories: [], vendors: [], chains: [], pages: [], original: '', replacement: '', reached: new Map<string, { host: string; chain: string[] }>() };
      tags.set(key, tag);
      addPage(tag.pages, where);
      const chain = [...(request.root.url ? [request.root.url] : []), ...[...request.chain].reverse(), request.url].filter((url, i, all) => url !== all[i - 1]);
      if (!tag.reached.has(request.url)) tag.reached.set(request.url, { host, chain });
    }
  }
  const finishedTags = [...tags.values()].flatMap(({ reached, ...tag }) => {
    const rootVendor = tag.tag.url && !site.sameSite(tag.tag.url, tag.pages[0]!) ? vendorOf(tag.tag.url) : undefined;
    const reachedVendors = [...new Set([...reached.values()].map(({ host }) => host))].map((host) => hosts.get(host)!);
    const vendors = [...new Set([rootVendor?.vendor, ...reachedVendors.map((host) => host.vendor)].filter((name): name is string => !!name))];
    // A catalogued vendor's own tag takes the vendor's category (a tag manager stays
    // "analytics"); an inline or first-party script takes those of everything it loads.
    const categories = rootVendor ? [rootVendor.category] : [...new Set(reachedVendors.map((host) => host.category))];
    const unknown = !rootVendor && categories.includes(undefined);
    const needed = unknown ? [] : (categories as string[]).filter((category) => category !== 'necessary').sort();
    if (!unknown && needed.length === 0) return [];
    return [{ ...tag, vendors, categories: needed, chains: [...reached.values()].slice(0, MAX_CHAINS).map(({ chain }) => chain), original: originalMarkup(tag.tag), replacement: inertMarkup(tag.tag, needed) }];
  });
  const start = pages[0]?.finalUrl;
  const privacyLink = start ? pages.flatMap((page) => page.privacyLinks).find((href) => site.sameSite(href, start)) : undefined;
  // On the scanned origin the path is enough, and it keeps working on a staging host.
  const privacyPolicyUrl = privacyLink && new URL(privacyLink).origin === new URL(start!).origin ? new URL(privacyLink).pathname + new URL(privacyLink).search : privacyLink;
  return { cookies: [...cookies.values()], storage: [...storage.values()], hosts: [...hosts.values()], tags: finishedTags, privacyPolicyUrl };
}
