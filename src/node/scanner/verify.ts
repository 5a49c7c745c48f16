/**
 * `scan --verify`: a page as deployed, with its Consent Gate (or one injected with `--config`),
 * checked for what must not happen, each check in a fresh browser (no cookies, no storage):
 *
 * - opt-in pages: no cookie and no third-party request before any consent, nor after "Reject
 *   all" (the click, then a reload as the returning visitor);
 * - opt-out pages load tags by design: with `--gpc` (`Sec-GPC: 1` and
 *   `navigator.globalPrivacyControl`) no request to, and no cookie of, an advertising or social
 *   vendor; without it, nothing after the one-click opt-out;
 * - `--accept`: after "Accept all", only cookies and vendors the config declares.
 *
 * "Reject all" and "Accept all" are the built-in banner's buttons, else the site's own control
 * named by `--reject-selector` / `--accept-selector`, else the page's instance
 * (`window.consentGate`) for a headless interface. The consent cookie, cookies declared under
 * `necessary` and hosts of `necessary` vendors are allowed. Every page has an overall deadline.
 */
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ConsentGateConfig } from '../../types.js';
import { PAGE_TIMEOUT_MS } from './capture.js';
import { DEFAULT_DEADLINE_MS, DEFAULT_WATCH_MS, DeadlineError, pause, withDeadline } from './deadline.js';
import { declarations, type Declarations } from './declarations.js';
import { interceptPage, type InterceptLog } from './interceptor.js';
import type { RobotsRules } from './robots.js';
import { hostOf, type SiteRules } from './site.js';

/** When a check ran. */
export type Phase = 'before consent' | 'with GPC' | 'after reject all' | 'after opt-out' | 'after accept all';

/** One thing that happened when it should not have. */
export interface Violation {
  /** The page's URL, with its query. */
  page: string;
  when: Phase;
  what: 'cookie' | 'request' | 'undeclared cookie' | 'undeclared vendor' | 'banner' | 'page' | 'robots';
  /** The cookie (`name` on `domain`) or the request's URL, or what went wrong. */
  detail: string;
}

/** What verifying one page found. */
export interface VerifiedPage {
  url: string;
  /** Whether every check ran to its end; a page that could not be checked is not clean. */
  verified: boolean;
  links: string[];
  violations: Violation[];
  /** Consent records the page posted, answered by the verifier and never sent. */
  recordsIntercepted: number;
  /** What each check saw (`after accept all: cookie _ga on .example.com`), for `--baseline`. */
  observed: string[];
}

/** How to verify. */
export interface VerifyPageOptions {
  site: SiteRules;
  /** The run's start page (robots.txt applies to documents on its host). */
  start: string;
  /** robots.txt of an origin; not given with `--ignore-robots`. */
  robots?(origin: string): Promise<RobotsRules>;
  /** Injected into pages without Consent Gate. */
  config?: ConsentGateConfig;
  /** Send Global Privacy Control. */
  gpc?: boolean;
  /** Also check that after "Accept all" only declared cookies and vendors appear. */
  accept?: boolean;
  rejectSelector?: string;
  acceptSelector?: string;
  /** How long to watch after each load, for late tags. @default 8000 */
  watchMs?: number;
  /** The overall deadline for all checks of one page. @default 120000 */
  deadlineMs?: number;
}

/** Said with `--accept` findings on a page whose config could not be read (a bundled headless instance). */
const NO_CONFIG = '; the page has no readable config (#consent-gate-config or window.ConsentGateConfig), so nothing counts as declared';
/** How long to look for a way to reject or accept. */
const CONTROL_TIMEOUT_MS = 8_000;
/** How long the built-in banner may take to show before the instance is used instead. */
const BANNER_GRACE_MS = 3_000;

/** Runs in the page: its Consent Gate config, as the script-tag build reads it. */
function readConfig(): unknown {
  const block = document.getElementById('consent-gate-config');
  try {
    return block ? JSON.parse(block.textContent ?? '') : ((window as unknown as { ConsentGateConfig?: unknown }).ConsentGateConfig ?? null);
  } catch {
    return null;
  }
}

/** Runs in the page: calls the instance's `rejectAll` or `acceptAll` when there is one. */
function callInstance(action: string): boolean {
  const gate = (window as unknown as { consentGate?: Record<string, unknown> }).consentGate;
  const method = gate?.[action];
  if (typeof method !== 'function') return false;
  (method as () => void).call(gate);
  return true;
}

/** One browser context, its page, what it requested, and its interceptor. */
interface Visit {
  context: BrowserContext;
  page: Page;
  requests: string[];
  intercepted: InterceptLog;
}

/**
 * Clicks the built-in banner's button (`reject-all` is also the opt-out's hook), else the site's
 * own control (`selector`), else calls the instance; each page of a site may use another.
 * @returns how it was done, or undefined when nothing on the page can do it.
 */
async function decide(page: Page, action: 'reject' | 'accept', selector: string | undefined): Promise<string | undefined> {
  const button = page.locator(`#consent-gate [data-cg="${action}-all"]`);
  const own = selector ? page.locator(selector).first() : undefined;
  const started = Date.now();
  while (Date.now() - started < CONTROL_TIMEOUT_MS) {
    if (await button.isVisible()) {
      await button.click();
      return 'the banner';
    }
    if (own && (await own.isVisible())) {
      await own.click();
      return selector;
    }
    if (Date.now() - started >= BANNER_GRACE_MS && (await page.evaluate(callInstance, `${action}All`))) return 'window.consentGate';
    await pause(200);
  }
  return undefined;
}

/** Verifies one page; see the module comment. Never throws for the page's sake. */
export async function verifyPage(browser: Browser, url: string, options: VerifyPageOptions): Promise<VerifiedPage> {
  const result: VerifiedPage = { url, verified: false, links: [], violations: [], recordsIntercepted: 0, observed: [] };
  const visits: Visit[] = [];
  const deadline = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  try {
    await withDeadline(deadline, () => checkPage(browser, url, options, result, visits), () => Promise.all(visits.map((visit) => visit.context.close())));
    result.verified = !result.violations.some((violation) => violation.what === 'page' || violation.what === 'robots' || violation.what === 'banner');
  } catch (error) {
    const detail = error instanceof DeadlineError ? `${error.message} (a busy page?): skipped` : (error as Error).message.split('\n')[0]!;
    result.violations.push({ page: url, when: 'before consent', what: 'page', detail });
  } finally {
    for (const visit of visits) result.recordsIntercepted += visit.intercepted.recordsIntercepted;
    await Promise.race([Promise.all(visits.map((visit) => visit.context.close().catch(() => undefined))), pause(10_000)]);
  }
  return result;
}

async function checkPage(browser: Browser, url: string, options: VerifyPageOptions, result: VerifiedPage, visits: Visit[]): Promise<void> {
  const { site } = options;
  const watch = options.watchMs ?? DEFAULT_WATCH_MS;
  const open = async (gpc: boolean): Promise<Visit> => {
    const context = await browser.newContext({ serviceWorkers: 'block', ...(gpc ? { extraHTTPHeaders: { 'Sec-GPC': '1' } } : {}) });
    const visit = { context } as Visit;
    visits.push(visit);
    // Global Privacy Control as a browser that sends it exposes it (GPC specification, section 3).
    if (gpc) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
    visit.requests = [];
    context.on('request', (request) => void visit.requests.push(request.url()));
    visit.page = await context.newPage();
    const cdp = await context.newCDPSession(visit.page);
    visit.intercepted = await interceptPage(cdp, { start: options.start, site, robots: options.robots, inject: options.config, logEndpoint: options.config?.log?.endpoint });
    return visit;
  };
  /** Loads (or reloads) and watches; false when the page did not load, with the reason reported. */
  const load = async (visit: Visit, when: Phase, reload = false): Promise<boolean> => {
    try {
      await (reload ? visit.page.reload({ waitUntil: 'load', timeout: PAGE_TIMEOUT_MS }) : visit.page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS }));
    } catch (error) {
      const blocked = visit.intercepted.disallowed.length > 0;
      result.violations.push({ page: url, when, what: blocked ? 'robots' : 'page', detail: blocked ? `robots.txt disallows ${visit.intercepted.disallowed.join(', ')}: not loaded` : (error as Error).message.split('\n')[0]! });
      return false;
    }
    await pause(watch);
    reportDisallowed(visit, when);
    return true;
  };
  const reportDisallowed = (visit: Visit, when: Phase) => {
    for (const document of visit.intercepted.disallowed.splice(0)) result.violations.push({ page: visit.page.url(), when, what: 'robots', detail: `robots.txt disallows ${document}: not loaded` });
  };

  // First visit: as a new visitor (with GPC when asked).
  const first = await open(options.gpc === true);
  if (!(await load(first, options.gpc ? 'with GPC' : 'before consent'))) return;
  const pageUrl = first.page.url();
  const config = (options.config ?? (await first.page.evaluate(readConfig))) as ConsentGateConfig | null;
  first.intercepted.setLogEndpoint(config?.log?.endpoint, pageUrl);
  const declared = declarations(config, site);
  const optOut = config?.mode === 'opt-out';
  result.links = await first.page.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'), (a) => a.href));
  const check = (visit: Visit, when: Phase, kind: 'strict' | 'gpc' | 'declared', from = 0) => collect(visit, when, kind, from, declared, result);

  if (!optOut) await check(first, 'before consent', 'strict');
  else if (options.gpc) await check(first, 'with GPC', 'gpc');
  // Opt-out with GPC: the signal is the visitor's decision, nothing to click.
  if (!(optOut && options.gpc)) {
    const when: Phase = optOut ? 'after opt-out' : 'after reject all';
    const how = await decide(first.page, 'reject', options.rejectSelector);
    if (!how) {
      const banner = `no Consent Gate banner with "${optOut ? 'Do not sell or share' : 'Reject all'}"`;
      const what = options.rejectSelector ? `no way to ${optOut ? 'opt out' : 'reject'}: ${banner}, nothing matching --reject-selector ${options.rejectSelector} and no window.consentGate` : `no way to ${optOut ? 'opt out' : 'reject'}: ${banner} and no window.consentGate; name the site's own button with --reject-selector`;
      result.violations.push({ page: pageUrl, when: 'before consent', what: 'banner', detail: what });
      return;
    }
    await pause(Math.min(watch, 1_000));
    const from = first.requests.length;
    if (!(await load(first, when, true))) return;
    await check(first, when, 'strict', from);
  }

  if (options.accept) {
    const second = await open(false);
    if (!(await load(second, 'after accept all'))) return;
    second.intercepted.setLogEndpoint(config?.log?.endpoint, pageUrl);
    // In opt-out mode everything not `default: false` is already allowed.
    if (!optOut) {
      const how = await decide(second.page, 'accept', options.acceptSelector);
      if (!how) {
        const detail = options.acceptSelector ? `no way to accept: no Consent Gate banner with "Accept all", nothing matching --accept-selector ${options.acceptSelector} and no window.consentGate` : 'no way to accept: no Consent Gate banner with "Accept all" and no window.consentGate; name the site\'s own button with --accept-selector';
        result.violations.push({ page: pageUrl, when: 'after accept all', what: 'banner', detail });
        return;
      }
      await pause(Math.min(watch, 1_000));
      if (!(await load(second, 'after accept all', true))) return;
    }
    await check(second, 'after accept all', 'declared');
  }
}

/**
 * Checks what `visit` saw from request `from` on, and every cookie in its jar:
 * `strict`: only the page's site, `necessary` vendors, the consent cookie and `necessary` cookies;
 * `gpc`: nothing of an advertising or social vendor; `declared`: only what the config declares.
 */
async function collect(visit: Visit, when: Phase, kind: 'strict' | 'gpc' | 'declared', from: number, declared: Declarations, result: VerifiedPage): Promise<void> {
  const pageUrl = visit.page.url();
  const add = (what: Violation['what'], detail: string) => {
    if (!result.violations.some((v) => v.when === when && v.what === what && v.detail === detail)) result.violations.push({ page: pageUrl, when, what, detail });
  };
  const hosts = new Set<string>();
  for (const request of visit.requests.slice(from)) {
    if (!/^https?:/.test(request) || declared.requestAllowedBeforeConsent(request, pageUrl)) continue;
    hosts.add(hostOf(request));
    if (kind === 'strict') add('request', request);
    else if (kind === 'gpc' && /^(advertising|social)$/.test(declared.requestCategory(request) ?? '')) add('request', request);
    else if (kind === 'declared' && !declared.declaredRequest(request)) add('undeclared vendor', `${hostOf(request)} (${request})${declared.empty ? NO_CONFIG : ''}`);
  }
  for (const host of hosts) result.observed.push(`${when}: host ${host}`);
  for (const cookie of await visit.context.cookies()) {
    const where = `${cookie.name} on ${cookie.domain}`;
    result.observed.push(`${when}: cookie ${where}`);
    if (declared.isConsentCookie(cookie.name)) continue;
    if (kind === 'strict' && declared.declaredCookie(cookie.name) !== 'necessary') add('cookie', where);
    else if (kind === 'gpc' && /^(advertising|social)$/.test(declared.cookieCategory(cookie.name, cookie.domain) ?? '')) add('cookie', where);
    else if (kind === 'declared' && !declared.declaredCookie(cookie.name)) add('undeclared cookie', `${where}${declared.empty ? NO_CONFIG : ''}`);
  }
  result.observed = [...new Set(result.observed)];
}
