/**
 * Breadth-first crawl of one site: the start page, then the same-site links it has, level by
 * level, up to a page limit; robots.txt is asked before every page (one file per origin) and a
 * polite pause is kept between pages. What is done on a page is the caller's `visit`.
 */
import type { Browser } from 'playwright-core';
import { fetchRobotsInBrowser, type RobotsRules } from './robots.js';
import type { SiteRules } from './site.js';

/** The page limit when none is given. */
export const DEFAULT_PAGES = 20;
/** The pause between two pages when none is given, in milliseconds. */
export const DEFAULT_DELAY_MS = 500;

/** Addresses that are files, not pages: never visited. */
const NOT_A_PAGE = /\.(pdf|zip|gz|tgz|rar|7z|dmg|exe|msi|jpe?g|png|gif|webp|avif|svg|ico|mp4|webm|mp3|wav|ogg|css|js|mjs|json|xml|rss|txt|csv|docx?|xlsx?|pptx?)$/i;

/** What a visit returns: at least the page's links. */
export interface Visited {
  /** Absolute links on the page. */
  links: string[];
}

/** Options for {@link crawl}. */
export interface CrawlOptions<T extends Visited> {
  /** The start page. */
  start: string;
  /** Most pages to visit. @default 20 */
  pages?: number;
  /** Pause between pages, in milliseconds. @default 500 */
  delayMs?: number;
  browser: Browser;
  site: SiteRules;
  /** Loads one page and reports on it. */
  visit(browser: Browser, url: string): Promise<T>;
  /** Called after each page. */
  onPage?(result: T, done: number): void;
  /** Answers robots.txt for an origin; fetched through the browser when not given. */
  robots?(origin: string): Promise<RobotsRules>;
}

/** What a crawl did. */
export interface CrawlResult<T> {
  /** Visited pages, in visiting order. */
  pages: T[];
  /** Same-site pages robots.txt kept the scanner from. */
  disallowed: string[];
}

/** A link as the crawl's key: no fragment, and `/` for an empty path. */
export function normaliseLink(href: string): string | undefined {
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Crawls breadth-first; see {@link CrawlOptions}. */
export async function crawl<T extends Visited>(options: CrawlOptions<T>): Promise<CrawlResult<T>> {
  const { browser, site, visit, onPage, pages: limit = DEFAULT_PAGES, delayMs = DEFAULT_DELAY_MS } = options;
  const robotsFor = options.robots ?? ((origin: string) => fetchRobotsInBrowser(browser, origin));
  const start = normaliseLink(options.start);
  if (!start) throw new Error(`"${options.start}" is not an http(s) URL`);
  const robots = new Map<string, Promise<RobotsRules>>();
  const queued = new Set<string>([start]);
  const queue = [start];
  const result: CrawlResult<T> = { pages: [], disallowed: [] };
  while (queue.length && result.pages.length < limit) {
    const url = queue.shift()!;
    const { origin, pathname, search } = new URL(url);
    if (!robots.has(origin)) robots.set(origin, robotsFor(origin));
    if (!(await robots.get(origin)!).allowed(pathname + search)) {
      result.disallowed.push(url);
      continue;
    }
    if (result.pages.length > 0 && delayMs > 0) await pause(delayMs);
    const visited = await visit(browser, url);
    result.pages.push(visited);
    onPage?.(visited, result.pages.length);
    for (const href of visited.links) {
      const link = normaliseLink(href);
      if (!link || queued.has(link) || !site.sameSite(link, start) || NOT_A_PAGE.test(new URL(link).pathname)) continue;
      queued.add(link);
      queue.push(link);
    }
  }
  return result;
}
