/**
 * The scanner's two runs, for the command line and for programs: `scanSite` crawls and
 * classifies (report + config draft), `verifySite` crawls and checks that nothing happens before
 * consent or after "Reject all".
 */
import type { Browser } from 'playwright-core';
import type { ConsentGateConfig } from '../../types.js';
import { capturePage } from './capture.js';
import { classify } from './classify.js';
import { launchChromium } from './chromium.js';
import { draftConfig, type ConfigDraft } from './config-draft.js';
import { crawl, DEFAULT_PAGES } from './crawl.js';
import type { ScanReport } from './report-model.js';
import type { RobotsRules } from './robots.js';
import { hostOf, loadSiteRules, type SiteRules } from './site.js';
import { verifyPage, type Violation } from './verify.js';

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
  /** robots.txt for an origin; fetched over HTTP when not given. */
  robots?(origin: string): Promise<RobotsRules>;
}

/** What a scan and a verify run give the crawler alike. */
function crawlSettings(options: ScanOptions, browser: Browser, site: SiteRules) {
  return { start: options.url, pages: options.pages, delayMs: options.delayMs, robots: options.robots, browser, site };
}

/** Crawls the site and classifies what it finds. */
export async function scanSite(options: ScanOptions): Promise<{ report: ScanReport; draft: ConfigDraft }> {
  const site = await loadSiteRules();
  const browser = await launchChromium({ args: options.browserArgs });
  try {
    const cookies = new Set<string>();
    const hosts = new Set<string>();
    const result = await crawl({
      ...crawlSettings(options, browser, site),
      visit: (b, url) => capturePage(b, url, site),
      onPage(page, done) {
        for (const cookie of page.cookies) cookies.add(`${cookie.name}@${cookie.domain}`);
        for (const request of page.requests) hosts.add(hostOf(request.url));
        const state = page.error ? `failed: ${page.error}` : String(page.status);
        options.onProgress?.(`[${done}/${options.pages ?? DEFAULT_PAGES}] ${page.finalUrl} (${state}): ${cookies.size} cookies, ${hosts.size} third-party hosts so far`);
      },
    });
    const findings = classify(result.pages, site);
    const report: ScanReport = {
      start: options.url,
      scannedAt: new Date().toISOString(),
      pages: result.pages.map(({ url, finalUrl, status, error }) => ({ url, finalUrl, status, error })),
      disallowed: result.disallowed,
      findings,
    };
    return { report, draft: draftConfig(findings, site) };
  } finally {
    await browser.close();
  }
}

/** What a verify run found: the pages it checked and every violation. */
export interface VerifyResult {
  pages: string[];
  disallowed: string[];
  violations: Violation[];
}

/** Crawls the site as deployed (or with `config` injected) and checks every page. */
export async function verifySite(options: ScanOptions & { config?: ConsentGateConfig }): Promise<VerifyResult> {
  const site = await loadSiteRules();
  const browser = await launchChromium({ args: options.browserArgs });
  try {
    let violations = 0;
    const result = await crawl({
      ...crawlSettings(options, browser, site),
      visit: (b, url) => verifyPage(b, url, site, options.config),
      onPage(page, done) {
        violations += page.violations.length;
        options.onProgress?.(`[${done}/${options.pages ?? DEFAULT_PAGES}] ${page.url}: ${page.violations.length ? `${page.violations.length} problems` : 'clean'} (${violations} so far)`);
      },
    });
    return { pages: result.pages.map((page) => page.url), disallowed: result.disallowed, violations: result.pages.flatMap((page) => page.violations) };
  } finally {
    await browser.close();
  }
}
