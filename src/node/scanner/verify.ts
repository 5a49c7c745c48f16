/**
 * `scan --verify`: a page as deployed, with its Consent Gate (or one injected with `--config`),
 * checked for what must not happen: cookies and third-party requests before any consent, and
 * after "Reject all" (the click, then a reload as the returning visitor). Strictly necessary
 * cookies and vendors declared in the config's `necessary` category, and the consent cookie
 * itself, are allowed.
 */
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { compilePattern, matchesPattern } from '../../config/patterns.js';
import type { ConsentGateConfig } from '../../types.js';
import { SETTLE_TIMEOUT_MS, PAGE_TIMEOUT_MS } from './capture.js';
import { routeInjection } from './inject.js';
import { hostOf, type SiteRules } from './site.js';

/** One thing that happened when it should not have. */
export interface Violation {
  page: string;
  when: 'before consent' | 'after reject all';
  what: 'cookie' | 'request' | 'banner' | 'page';
  /** The cookie (`name` on `domain`) or the request's URL, or what went wrong. */
  detail: string;
}

/** What verifying one page found. */
export interface VerifiedPage {
  url: string;
  links: string[];
  violations: Violation[];
}

/** The Reject all button inside the banner's open shadow root (Playwright's CSS pierces it). */
const REJECT_ALL = '#consent-gate [data-cg="reject-all"]';
const DEFAULT_CONSENT_COOKIE = 'consent_gate';

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: SETTLE_TIMEOUT_MS }).catch(() => undefined);
}

function readConfig(): unknown {
  const block = document.getElementById('consent-gate-config');
  try {
    return block ? JSON.parse(block.textContent ?? '') : ((window as unknown as { ConsentGateConfig?: unknown }).ConsentGateConfig ?? null);
  } catch {
    return null;
  }
}

/** What the site's config allows before consent: its consent cookie and the `necessary` category. */
function allowances(config: ConsentGateConfig | null, site: SiteRules) {
  const necessary = config?.categories?.necessary;
  const cookies = (necessary?.cookies ?? []).map((entry) => compilePattern(typeof entry === 'string' ? entry : entry.name)).filter((pattern) => !(pattern instanceof Error));
  const domains = (necessary?.vendors ?? []).flatMap((vendor) => vendor.domains ?? []).map((domain) => domain.replace(/^\./, '').toLowerCase());
  const consentCookie = config?.cookie?.name ?? DEFAULT_CONSENT_COOKIE;
  return {
    cookie: (name: string) => name === consentCookie || cookies.some((pattern) => matchesPattern(name, pattern as string | RegExp)),
    request: (url: string, pageUrl: string) => {
      const host = hostOf(url);
      return site.sameSite(url, pageUrl) || domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
    },
  };
}

/** Loads one page and checks it; see the module comment. */
export async function verifyPage(browser: Browser, url: string, site: SiteRules, injected?: ConsentGateConfig): Promise<VerifiedPage> {
  const context: BrowserContext = await browser.newContext({ serviceWorkers: 'block' });
  const violations: Violation[] = [];
  const requests: string[] = [];
  context.on('request', (request) => void requests.push(request.url()));
  try {
    if (injected) await routeInjection(context, injected, site, url);
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    } catch (error) {
      return { url, links: [], violations: [{ page: url, when: 'before consent', what: 'page', detail: (error as Error).message.split('\n')[0]! }] };
    }
    await settle(page);
    const pageUrl = page.url();
    const config = (injected ?? (await page.evaluate(readConfig))) as ConsentGateConfig | null;
    const allowed = allowances(config, site);
    const seenCookies = new Set<string>();
    const check = async (when: Violation['when'], from: number) => {
      for (const request of requests.slice(from)) {
        if (/^https?:/.test(request) && !allowed.request(request, pageUrl)) violations.push({ page: pageUrl, when, what: 'request', detail: request });
      }
      for (const cookie of await context.cookies()) {
        const key = `${cookie.name} on ${cookie.domain}`;
        if (seenCookies.has(key) || allowed.cookie(cookie.name)) continue;
        seenCookies.add(key);
        violations.push({ page: pageUrl, when, what: 'cookie', detail: key });
      }
    };
    await check('before consent', 0);
    const links = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'), (a) => a.href));
    const reject = page.locator(REJECT_ALL);
    try {
      await reject.waitFor({ state: 'visible', timeout: 5_000 });
    } catch {
      violations.push({ page: pageUrl, when: 'before consent', what: 'banner', detail: `no Consent Gate banner with "Reject all" (${REJECT_ALL}) appeared` });
      return { url, links, violations };
    }
    const beforeClick = requests.length;
    await reject.click();
    await settle(page);
    await page.reload({ waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await settle(page);
    await check('after reject all', beforeClick);
    return { url, links, violations };
  } finally {
    await context.close();
  }
}
