/**
 * The script-tag build (`dist/consent-gate.iife.js`) on a realistic article page, for the
 * interface suites in `tests/browser/ui/`: the page, a harness over `useBrowserSuite` that opens
 * it in a fresh browser context, focus helpers that look inside the shadow root, and an axe-core
 * runner.
 *
 * Build first: `npm run build`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, beforeAll, expect } from 'vitest';
import type { ConsentGateConfig } from '../../../src/types';
import type { ConsoleWatch } from './console';
import { scriptJson } from './pages';
import { PROJECT_ROOT, type Servers } from './servers';
import { useBrowserSuite } from './suite';

/** The configuration of the interface's test page, unless a test needs another. */
export const UI_CONFIG: ConsentGateConfig = {
  mode: 'opt-in',
  privacyPolicyUrl: '/privacy',
  controller: { name: 'Example News' },
  categories: { functional: {}, advertising: { cookies: ['_fbp'] }, social: {} },
};

export const IIFE_PATH = join(PROJECT_ROOT, 'dist', 'consent-gate.iife.js');
export const AXE_PATH = join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** The WCAG tags every axe run is limited to (axe-core, WCAG 2.2 A/AA). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const HEADLINES = [
  'Council approves protected bike lanes on Main Street',
  'Library extends weekend opening hours',
  'Local bakery wins regional bread award',
  'River clean-up draws record volunteers',
  'New bus timetable starts on Monday',
  'School garden project expands to three schools',
  'Harbour festival announces its line-up',
  'Weather: a mild and dry week ahead',
  'Museum reopens its renovated east wing',
  'Youth orchestra tours four cities',
  'Market square gets new benches and trees',
  'Recycling centre changes its opening days',
];

const PARAGRAPH =
  'The city council voted on Tuesday evening to build a network of protected bike lanes along Main Street and the streets that cross it. Work starts in spring and is expected to last eight months, during which one lane in each direction stays open to cars.';

/** A news article: header, nav, paragraphs with links, a gated video, more stories, a footer. */
export function articleBody(thirdParty: string): string {
  const paragraphs = Array.from(
    { length: 3 },
    (_, i) => `<p>${PARAGRAPH} <a href="/story/${i + 1}">Read the background (part ${i + 1})</a>.</p>`,
  ).join('\n');
  const more = HEADLINES.map((headline, i) => `<li><a href="/news/${i + 1}">${headline}</a></li>`).join('\n');
  return `
<header class="site">
  <a class="logo" href="/">Example News</a>
  <nav aria-label="Main">
    <ul>
      <li><a href="/world">World</a></li>
      <li><a href="/local">Local</a></li>
      <li><a href="/business">Business</a></li>
      <li><a href="/sport">Sport</a></li>
      <li><a href="/culture">Culture</a></li>
    </ul>
  </nav>
</header>
<main>
  <article>
    <h1>Council approves protected bike lanes on Main Street</h1>
    ${paragraphs}
    <figure>
      <iframe data-consent="social" data-src="${thirdParty}/t/embed.html" width="560" height="315" title="Video"></iframe>
      <figcaption>The planned route, explained by the city's transport office.</figcaption>
    </figure>
    <p>${PARAGRAPH}</p>
    <p><button type="button" class="share">Share this article</button> <button type="button" class="save">Save for later</button></p>
  </article>
  <section aria-labelledby="more-title">
    <h2 id="more-title">More stories</h2>
    <ul>${more}</ul>
  </section>
  <section aria-labelledby="newsletter-title">
    <h2 id="newsletter-title">Newsletter</h2>
    <p><label>Email address <input type="email" name="email" autocomplete="email"></label> <button type="button">Subscribe</button></p>
  </section>
</main>
<footer>
  <ul>
    <li><a href="/about">About us</a></li>
    <li><a href="/contact">Contact</a></li>
    <li><a href="/privacy">Privacy policy</a></li>
    <li><a href="#" data-consent-open>Cookie settings</a></li>
  </ul>
</footer>`;
}

const PAGE_CSS = `
body{margin:0;font:18px/1.6 Georgia,serif;color:#222;background:#fff}
a{color:#0645ad}
header.site,main,footer{max-width:760px;margin:0 auto;padding:0 16px}
header.site{padding-top:12px;border-bottom:1px solid #ccc}
nav ul,footer ul{display:flex;flex-wrap:wrap;gap:8px 16px;list-style:none;padding:0}
.logo{font-weight:bold;font-size:1.4em}
figure{margin:16px 0}
iframe{max-width:100%;border:0}
li{margin:6px 0}
button{font:inherit;padding:6px 12px}
input{font:inherit;max-width:100%}
footer{border-top:1px solid #ccc;margin-top:32px;padding-bottom:32px}
`;

export interface UiPageOptions {
  config?: ConsentGateConfig;
  /** Markup of `<body>`; the article by default. */
  body?: string;
  /** `<html lang>`. */
  lang?: string;
}

/** A page that loads the script-tag build with its JSON config block, as a site would. */
export function uiPage(thirdParty: string, { config = UI_CONFIG, body = articleBody(thirdParty), lang = 'en' }: UiPageOptions = {}): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Council approves protected bike lanes – Example News</title>
<link rel="icon" href="data:,">
<style>${PAGE_CSS}</style>
<script type="application/json" id="consent-gate-config">${scriptJson(config)}</script>
<script src="/dist/consent-gate.iife.js"></script>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface OpenOptions extends UiPageOptions {
  /** Options of the fresh browser context (viewport, colorScheme, reducedMotion, …). */
  context?: BrowserContextOptions;
  /** Runs before any page script (e.g. a PerformanceObserver). */
  initScript?: string;
  /** What to wait for after load: the banner (default), the shadow host, or nothing. */
  waitFor?: 'banner' | 'host' | 'none';
}

export interface UiHarness {
  readonly servers: Servers;
  readonly browser: Browser;
  /**
   * The `[consent-gate]` warnings and errors of every page opened; a test fails on one it did
   * not claim with `ui.console.expect(/…/)` or `ui.console.take(/…/)`.
   */
  readonly console: ConsoleWatch;
  /** Serves a page under a new path, opens it in a new context and waits as asked. */
  open(options?: OpenOptions): Promise<{ page: Page; context: BrowserContext }>;
  /** Uncaught errors of this test's pages so far. */
  pageErrors(): string[];
}

export const BANNER = '[data-cg="banner"]';
export const DIALOG = '[data-cg="preferences"]';

/**
 * Registers the suite's hooks and returns the harness, usable inside tests: those of
 * `useBrowserSuite` (one Chromium and the two servers for the file; after each test its
 * contexts closed and the console checked), and after them a check that no page threw.
 */
export function useUiHarness(): UiHarness {
  let errors: string[] = [];
  // Registered before the suite's hooks, so it runs after them (vitest runs after-hooks as a
  // stack): by then every page of the test is closed.
  afterEach(() => {
    const thrown = errors;
    errors = [];
    expect(thrown, 'no uncaught error in any page').toEqual([]);
  });
  const suite = useBrowserSuite();
  beforeAll(() => {
    if (!existsSync(IIFE_PATH)) throw new Error('dist/consent-gate.iife.js is missing: run `npm run build` before the browser tests.');
  });
  let counter = 0;

  async function open({ context: contextOptions, initScript, waitFor = 'banner', ...pageOptions }: OpenOptions = {}): Promise<{ page: Page; context: BrowserContext }> {
    const { servers } = suite;
    const path = `/ui/${++counter}.html`;
    servers.page(path, uiPage(servers.thirdParty, pageOptions));
    const context = await suite.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    // Kept to explain a UI that never shows (a missing build file, a config error, a failed locale).
    const diagnostics: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') diagnostics.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) diagnostics.push(`HTTP ${response.status()} ${response.url()}`);
    });
    if (initScript) await page.addInitScript(initScript);
    await page.goto(servers.firstParty + path);
    const target = waitFor === 'banner' ? page.locator(BANNER) : waitFor === 'host' ? page.locator('#consent-gate') : null;
    try {
      await target?.waitFor({ state: waitFor === 'banner' ? 'visible' : 'attached', timeout: 5_000 });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(`the ${waitFor === 'banner' ? 'banner never became visible' : 'UI host never appeared'} (${reason}); page diagnostics: ${JSON.stringify([...diagnostics, ...errors])}`);
    }
    return { page, context };
  }

  return {
    get servers() {
      return suite.servers;
    },
    get browser() {
      return suite.browser;
    },
    console: suite.console,
    open,
    pageErrors: () => [...errors],
  };
}

/** The focused element, looked up through shadow roots, described for assertions. */
export interface FocusInfo {
  /** `document.activeElement` is the UI's host `#consent-gate` or one of its light-DOM children (the banner's words). */
  inHost: boolean;
  /** `document.activeElement` is a placeholder host. */
  inPlaceholder: boolean;
  /** The focused element's `data-cg`, if any. */
  cg: string | null;
  /** The focused element's `data-category`, if any. */
  category: string | null;
  inBanner: boolean;
  inDialog: boolean;
  tag: string;
  text: string;
  /** Attributes that mark page elements in the test page. */
  href: string | null;
  consentOpen: boolean;
}

export function focusInfo(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    const top = document.activeElement as HTMLElement | null;
    let element = top;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement as HTMLElement;
    // The banner is a light-DOM child of the host (its words and buttons are its children); the
    // dialog and the settings button are in the host's shadow root.
    const inHost = !!top && !!document.getElementById('consent-gate')?.contains(top);
    const shownIn = element?.closest('[data-cg="banner"]') ?? element;
    return {
      inHost,
      inPlaceholder: top?.getAttribute('data-cg') === 'placeholder',
      cg: element?.getAttribute('data-cg') ?? null,
      category: element?.getAttribute('data-category') ?? null,
      inBanner: !!shownIn?.closest('[data-cg="banner"]') && inHost,
      inDialog: !!shownIn?.closest('[data-cg="preferences"]') && inHost,
      tag: element?.tagName.toLowerCase() ?? '',
      text: (element?.textContent ?? '').trim().slice(0, 60),
      href: element?.getAttribute('href') ?? null,
      consentOpen: element?.hasAttribute('data-consent-open') ?? false,
    };
  });
}

/** Presses `key` until `done(focus)` holds, at most `max` times; returns the presses used. */
export async function pressUntil(page: Page, key: string, done: (focus: FocusInfo) => boolean, max: number): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (done(await focusInfo(page))) return presses;
  }
  const last = await focusInfo(page);
  throw new Error(`after ${max} × ${key} the wanted element was never focused; focus ended on ${JSON.stringify(last)}`);
}

/** One axe violation, reduced to what a failure message needs. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; html: string; summary: string }>;
}

export interface AxeOutcome {
  /** Violations with at least one node inside `#consent-gate` or a placeholder (only those nodes). */
  violations: AxeFinding[];
  /** Every rule id that appears in passes, violations, incomplete or inapplicable. */
  rulesRun: string[];
  /** Rule ids reported as incomplete for the UI's nodes (needs review), for the log. */
  incomplete: string[];
}

/**
 * Runs axe-core over the page: the WCAG 2.0/2.1/2.2 A and AA tags plus `target-size`, enabled
 * explicitly (axe-core, WCAG 2.2 A/AA). Only findings inside the interface count; frames are
 * skipped (the gated third-party iframe is not ours).
 */
export async function runAxe(page: Page): Promise<AxeOutcome> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    interface Node {
      target: unknown[];
      html: string;
      failureSummary?: string;
    }
    interface Rule {
      id: string;
      impact?: string | null;
      help: string;
      nodes: Node[];
    }
    interface Results {
      passes: Rule[];
      violations: Rule[];
      incomplete: Rule[];
      inapplicable: Rule[];
    }
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Results> } }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'target-size': { enabled: true } },
      iframes: false,
      resultTypes: ['violations', 'incomplete'],
    });
    const ours = (node: Node): boolean => {
      const first = node.target[0];
      const selector = Array.isArray(first) ? first[0] : first;
      if (typeof selector !== 'string') return false;
      const element = document.querySelector(selector);
      return !!element?.closest('#consent-gate, [data-cg="placeholder"]');
    };
    const reduce = (rules: Rule[]) =>
      rules
        .map((rule) => ({ ...rule, nodes: rule.nodes.filter(ours) }))
        .filter((rule) => rule.nodes.length > 0);
    return {
      violations: reduce(results.violations).map((rule) => ({
        id: rule.id,
        impact: rule.impact ?? null,
        help: rule.help,
        nodes: rule.nodes.map((node) => ({ target: node.target, html: node.html, summary: node.failureSummary ?? '' })),
      })),
      rulesRun: [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((rule) => rule.id),
      incomplete: reduce(results.incomplete).map((rule) => rule.id),
    };
  }, AXE_TAGS);
}

/** A readable list of axe findings for a failure message. */
export function describeFindings(findings: AxeFinding[]): string {
  if (findings.length === 0) return 'no violations';
  return findings
    .map((finding) => `${finding.id} (${finding.impact}): ${finding.help}\n${finding.nodes.map((node) => `  ${JSON.stringify(node.target)} ${node.html}\n    ${node.summary.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n');
}
