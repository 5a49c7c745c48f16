/**
 * The scanner's two runs, for the command line and for programs: `scanSite` crawls and
 * classifies (report + config draft), `verifySite` crawls and checks that nothing happens before
 * consent or after "Reject all".
 */
import type { Browser } from 'playwright-core';
import { validateConfig } from '../../config/messages.js';
import type { ConsentGateConfig } from '../../types.js';
import { capturePage } from './capture.js';
import { classify } from './classify.js';
import { launchChromium } from './chromium.js';
import { draftConfig, type ConfigDraft } from './config-draft.js';
import { crawl, DEFAULT_PAGES } from './crawl.js';
import { declarations } from './declarations.js';
import type { ScanReport } from './report-model.js';
import { ALLOW_ALL, fetchRobotsInBrowser, type RobotsRules } from './robots.js';
import { hostOf, loadSiteRules, type SiteRules } from './site.js';
import { verifyPage, type VerifiedPage, type VerifyPageOptions, type Violation } from './verify.js';

/** Options both runs share. */
export interface ScanOptions {
  /** The start page. */
  url: string;
  /** Most pages to visit. @default 20 */
  pages?: number;
  /** Pause between pages, in milliseconds. @default 500 */
  delayMs?: number;
  /** More Chromium flags (e.g. `--host-resolver-rules=…`). @default [] */
  browserArgs?: readonly string[];
  /** Progress lines (without a trailing newline). */
  onProgress?(line: string): void;
  /** robots.txt for an origin; fetched through the browser when not given. */
  robots?(origin: string): Promise<RobotsRules>;
  /** Visit pages robots.txt disallows (for your own site). @default false */
  ignoreRobots?: boolean;
}

/** robots.txt, fetched once per origin for the whole run; undefined with `ignoreRobots`. */
function robotsOf(options: ScanOptions, browser: Browser): ((origin: string) => Promise<RobotsRules>) | undefined {
  if (options.ignoreRobots) return undefined;
  const fetched = new Map<string, Promise<RobotsRules>>();
  const fetcher = options.robots ?? ((origin: string) => fetchRobotsInBrowser(browser, origin));
  return (origin) => {
    if (!fetched.has(origin)) fetched.set(origin, fetcher(origin));
    return fetched.get(origin)!;
  };
}

/** What a scan and a verify run give the crawler alike. */
function crawlSettings(options: ScanOptions, browser: Browser, site: SiteRules, robots: ((origin: string) => Promise<RobotsRules>) | undefined) {
  return { start: options.url, pages: options.pages, delayMs: options.delayMs, robots: robots ?? (() => Promise.resolve(ALLOW_ALL)), browser, site };
}

/** Crawls the site and classifies what it finds. */
export async function scanSite(options: ScanOptions): Promise<{ report: ScanReport; draft: ConfigDraft }> {
  const site = await loadSiteRules();
  const browser = await launchChromium({ args: options.browserArgs });
  try {
    const cookies = new Set<string>();
    const hosts = new Set<string>();
    const result = await crawl({
      ...crawlSettings(options, browser, site, robotsOf(options, browser)),
      visit: (b, url) => capturePage(b, url, site),
      onPage(page, done) {
        for (const cookie of page.cookies) cookies.add(`${cookie.name}@${cookie.domain}`);
        for (const request of page.requests) hosts.add(hostOf(request.url));
        const state = page.error ? `failed: ${page.error}` : String(page.status);
        options.onProgress?.(`[${done}/${options.pages ?? DEFAULT_PAGES}] ${page.finalUrl} (${state}): ${cookies.size} cookies, ${hosts.size} third-party hosts so far`);
      },
    });
    // The pages' own config, when one validates, is where the draft starts.
    const seed = result.pages.map((page) => page.config).find((config) => config && validateConfig(config).length === 0) as ConsentGateConfig | undefined;
    const findings = classify(result.pages, site, seed && declarations(seed, site));
    const report: ScanReport = {
      start: options.url,
      scannedAt: new Date().toISOString(),
      pages: result.pages.map(({ url, finalUrl, status, error }) => ({ url, finalUrl, status, error })),
      disallowed: result.disallowed,
      findings,
    };
    return { report, draft: draftConfig(findings, site, seed) };
  } finally {
    await browser.close();
  }
}

/** What a verify run found: the pages it checked and every violation. */
export interface VerifyResult {
  /** Every page visited, in order, with what its checks found. */
  pages: VerifiedPage[];
  /** How many pages were checked to the end: 0 means nothing was verified. */
  verified: number;
  /** Same-site pages robots.txt kept the verifier from. */
  disallowed: string[];
  violations: Violation[];
  /** Consent records pages posted, answered by the verifier and never sent to the site's store. */
  recordsIntercepted: number;
  /** What the checks saw, without pages, sorted: the inventory `--baseline` compares. */
  observed: string[];
}

/** What `verifySite` takes besides {@link ScanOptions}. */
export type VerifyOptions = ScanOptions & Omit<VerifyPageOptions, 'site' | 'start' | 'robots'>;

/** Crawls the site as deployed (or with `config` injected) and checks every page. */
export async function verifySite(options: VerifyOptions): Promise<VerifyResult> {
  const site = await loadSiteRules();
  const browser = await launchChromium({ args: options.browserArgs });
  try {
    let violations = 0;
    const robots = robotsOf(options, browser);
    const result = await crawl({
      ...crawlSettings(options, browser, site, robots),
      visit: (b, url) => verifyPage(b, url, { ...options, site, start: options.url, robots }),
      onPage(page, done) {
        violations += page.violations.length;
        const state = !page.verified ? 'not verified' : page.violations.length ? `${page.violations.length} problems` : 'clean';
        options.onProgress?.(`[${done}/${options.pages ?? DEFAULT_PAGES}] ${page.url}: ${state} (${violations} problems so far)`);
      },
    });
    return {
      pages: result.pages,
      verified: result.pages.filter((page) => page.verified).length,
      disallowed: result.disallowed,
      violations: result.pages.flatMap((page) => page.violations),
      recordsIntercepted: result.pages.reduce((sum, page) => sum + page.recordsIntercepted, 0),
      observed: [...new Set(result.pages.flatMap((page) => page.observed))].sort(),
    };
  } finally {
    await browser.close();
  }
}
