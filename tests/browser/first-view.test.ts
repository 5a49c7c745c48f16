// The first view (README, "Size"): what the script tag fetches on a first and a returning visit,
// parts loaded only when the page or the visitor needs them, checked against their integrity
// hashes, a part that cannot load, and no layout read while the page is still parsing.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scriptTagPage } from './support/pages';
import { PROJECT_ROOT } from './support/servers';
import { settled } from './support/settle';
import { useBrowserSuite } from './support/suite';

const suite = useBrowserSuite();

const CONFIG = { mode: 'opt-in', privacyPolicyUrl: '/privacy', categories: { functional: {}, advertising: {}, social: {} } };
const MAIN = '/dist/consent-gate.iife.js';

interface PageOptions {
  embed?: boolean;
  body?: string;
  config?: object;
  nonce?: string;
}

const sitePage = ({ embed, body, config = CONFIG, nonce }: PageOptions = {}) => scriptTagPage({ thirdParty: suite.servers.thirdParty, config, embed, body, nonce });

/** Opens a page and records which of the library's own files it fetched. */
async function open(html: string, options: { headers?: Record<string, string>; at?: string } = {}): Promise<{ page: Page; fetched: string[]; consoleLines: string[] }> {
  const at = options.at ?? '/';
  suite.servers.page(at, html, options.headers);
  const page = await suite.context.newPage();
  const fetched: string[] = [];
  const consoleLines: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/dist/')) fetched.push(pathname);
  });
  page.on('console', (message) => {
    if (message.text().includes('[consent-gate]')) consoleLines.push(message.text());
  });
  await page.goto(suite.servers.firstParty + at);
  return { page, fetched, consoleLines };
}

const part = (name: string) => new RegExp(`^/dist/parts/${name}\\.[\\w-]{8}\\.js$`);
const partsIn = (fetched: string[]) => fetched.filter((file) => file.startsWith('/dist/parts/')).map((file) => file.split(/[/.]/)[3]);
const gzipOf = (file: string) => gzipSync(readFileSync(path.join(PROJECT_ROOT, file)), { level: 9 }).length;
const banner = (page: Page) => page.locator('[data-cg="banner"]');
/** Sync point before checking what was not fetched: frames, an idle period and a sentinel round trip through `origin`. */
const idle = (page: Page, origin = suite.servers.firstParty) => settled(page, origin);

describe('what a visitor downloads', () => {
  it('a first visit to a page with nothing to draw a placeholder for fetches the main file only, even once the page has gone idle', async () => {
    const { page, fetched } = await open(sitePage({ embed: false }));
    await banner(page).waitFor();
    await idle(page);
    expect(fetched).toEqual([MAIN]);
  });

  it('a first visit to a page with an embed fetches the placeholders part as well, and nothing else', async () => {
    const { page, fetched } = await open(sitePage());
    await page.locator('[data-cg="placeholder"]').waitFor();
    await idle(page);
    expect(fetched[0]).toBe(MAIN);
    expect(partsIn(fetched)).toEqual(['placeholders']);
  });

  it('a returning visitor who accepted everything downloads no more than a first visitor', async () => {
    const first = await open(sitePage());
    await banner(first.page).waitFor();
    await idle(first.page);
    await first.page.locator('[data-cg="accept-all"]').click();
    await expect.poll(() => suite.servers.requests().length).toBe(3);

    const returning = await open(sitePage(), { at: '/again' });
    await returning.page.locator('[data-cg="settings-button"]').waitFor();
    await returning.page.waitForFunction(() => (window as unknown as { __ran?: string[] }).__ran?.includes('ads'));
    await idle(returning.page);
    expect(partsIn(returning.fetched)).toEqual(['activation']);
    const bytes = (files: string[]) => files.reduce((sum, file) => sum + gzipOf(file), 0);
    const firstVisit = first.fetched.filter((file) => !part('activation').test(file));
    expect(bytes(returning.fetched)).toBeLessThanOrEqual(bytes(firstVisit));
  });

  it('the dialog part is fetched on intent (hovering "Manage preferences") and never on idle', async () => {
    const { page, fetched } = await open(sitePage({ embed: false }));
    await banner(page).waitFor();
    await idle(page);
    expect(partsIn(fetched)).toEqual([]);
    await page.locator('[data-cg="manage"]').hover();
    await expect.poll(() => partsIn(fetched)).toEqual(['dialog']);
    await page.locator('[data-cg="manage"]').click();
    await page.locator('[data-cg="preferences"]').waitFor();
    expect(partsIn(fetched)).toEqual(['dialog']);
  });

  it('the cookie-table part is fetched only for a page with [data-consent-cookie-table]', async () => {
    const { page, fetched } = await open(sitePage({ embed: false, body: '<div data-consent-cookie-table></div>' }));
    await page.locator('table.consent-gate-cookie-table').waitFor();
    expect(partsIn(fetched)).toEqual(['cookie-table']);
  });
});

describe('parts that cannot load', () => {
  it('blocked parts leave everything gated, keep the banner working, and the settings button brings the banner back', async () => {
    await suite.context.route('**/dist/parts/**', (route) => route.abort());
    const { page, consoleLines } = await open(sitePage());
    await banner(page).waitFor();
    await page.locator('[data-cg="manage"]').click();
    // No dialog: once its failure is reported, the banner stays, with every choice on it.
    await expect.poll(() => consoleLines.some((line) => line.includes('dialog'))).toBe(true);
    await idle(page);
    expect(await banner(page).count()).toBe(1);
    expect(await page.locator('[data-cg="preferences"]').count()).toBe(0);

    await page.locator('[data-cg="accept-all"]').click();
    await page.locator('[data-cg="settings-button"]').click();
    await banner(page).waitFor();
    await expect.poll(() => consoleLines.some((line) => line.includes('activation'))).toBe(true);
    await idle(page, suite.servers.thirdParty);
    // Activation could not load: nothing reached the third party.
    expect(suite.servers.requests()).toEqual([]);
    expect(consoleLines.some((line) => line.includes('dialog'))).toBe(true);
    expect(consoleLines.some((line) => line.includes('activation'))).toBe(true);
    // Each part that could not load is reported once (in codes: the messages part is blocked too).
    for (const part of ['placeholders', 'dialog', 'activation']) {
      expect(suite.console.take(new RegExp(`^\\[consent-gate\\] ${part}-failed`)), part).toHaveLength(1);
    }
  });

  it('a part that is not the file the build made is refused by its integrity hash and never runs', async () => {
    await suite.context.route('**/dist/parts/dialog.*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.__tampered = true;' }),
    );
    const { page, consoleLines } = await open(sitePage({ embed: false }));
    await page.locator('[data-cg="manage"]').click();
    await expect.poll(() => consoleLines.some((line) => line.includes('dialog'))).toBe(true);
    await idle(page);
    expect(await page.evaluate(() => (window as unknown as { __tampered?: boolean }).__tampered)).toBeUndefined();
    expect(await page.locator('[data-cg="preferences"]').count()).toBe(0);
    expect(await banner(page).count()).toBe(1);
    expect(suite.console.take(/the dialog part could not be loaded/)).toHaveLength(1);
  });

  it('a locale file that is not the one the build made (or not an object of texts) is refused: English is shown, said once', async () => {
    await suite.context.route('**/dist/locales/de.*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"bannerLabel": {"html": "<img src=x onerror=alert(1)>"}}' }));
    const { page, consoleLines } = await open(sitePage({ embed: false }).replace('<html lang="en">', '<html lang="de">'));
    await banner(page).waitFor();
    expect(await banner(page).getAttribute('aria-label')).toBe('Cookie consent');
    // The words come with the messages part, which may arrive after the banner.
    // One line that names the file and what to do.
    const said = /locales\/de\.[\w-]{8}\.json next to the script \(http:\/\/[^)]+\) is not the file this build made \(its sha256 differs\): copy dist\/locales\/ from the same build/;
    await expect.poll(() => consoleLines.filter((line) => said.test(line)).length).toBe(1);
    expect(suite.console.take(said)).toHaveLength(1);
  });

  it('parts carry the page nonce and load under a nonce-only script policy, with no violation', async () => {
    const policy = "script-src 'nonce-r4nd0m' 'strict-dynamic'; object-src 'none'; base-uri 'none'";
    const { page } = await open(sitePage({ nonce: 'r4nd0m' }), { headers: { 'Content-Security-Policy': policy } });
    await page.evaluate(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { __violations: string[] }).__violations.push(event.blockedURI));
    });
    await page.locator('[data-cg="placeholder"]').waitFor();
    await page.locator('[data-cg="manage"]').click();
    await page.locator('[data-cg="preferences"]').waitFor();
    await page.locator('[data-cg="preferences"] [data-cg="accept-all"]').click();
    await page.waitForFunction(() => (window as unknown as { __ran?: string[] }).__ran?.includes('ads'));
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  });
});

describe('start-up', () => {
  // V8's explicit compile hint (scripts/build-script-tag.mjs): files whose functions run as they
  // load are compiled whole, off the main thread, instead of parsed twice on it.
  const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
  const hinted = (file: string) => readFileSync(path.join(PROJECT_ROOT, 'dist', file), 'utf8').startsWith(COMPILE_HINT);
  const partFile = (name: string) => `parts/${readdirSync(path.join(PROJECT_ROOT, 'dist/parts')).find((file) => file.startsWith(`${name}.`))}`;

  it('every script-tag build asks to be compiled as it loads: its functions run at once', () => {
    for (const build of ['consent-gate', 'consent-gate.gcm', 'consent-gate.autoblock', 'consent-gate.full']) expect(hinted(`${build}.iife.js`), build).toBe(true);
  });

  it('so do the parts a visitor waits for, but not those that run a function or two of many', () => {
    for (const name of ['activation', 'dialog', 'placeholders', 'cookie-table', 'reload-notice']) expect(hinted(partFile(name)), name).toBe(true);
    for (const name of ['catalogue', 'messages', 'log']) expect(hinted(partFile(name)), name).toBe(false);
  });
});

describe('the first view does no layout work while the page parses', () => {
  it('reads no element geometry before DOMContentLoaded (no forced layout)', async () => {
    await suite.context.addInitScript(() => {
      const calls: string[] = [];
      (window as unknown as { __layoutReads: string[] }).__layoutReads = calls;
      const parsing = () => document.readyState === 'loading';
      const fromLibrary = () => /consent-gate/.test(new Error().stack ?? '');
      const watch = (target: object, name: string) => {
        const descriptor = Object.getOwnPropertyDescriptor(target, name);
        if (!descriptor) return;
        if (typeof descriptor.value === 'function') {
          const original = descriptor.value as (...args: unknown[]) => unknown;
          Object.defineProperty(target, name, {
            ...descriptor,
            value(this: unknown, ...args: unknown[]) {
              if (parsing() && fromLibrary()) calls.push(name);
              return original.apply(this, args);
            },
          });
        } else if (descriptor.get) {
          const getter = descriptor.get;
          Object.defineProperty(target, name, {
            ...descriptor,
            get(this: unknown) {
              if (parsing() && fromLibrary()) calls.push(name);
              return getter.call(this);
            },
          });
        }
      };
      for (const name of ['getBoundingClientRect', 'getClientRects', 'clientWidth', 'clientHeight', 'scrollWidth', 'scrollHeight']) watch(Element.prototype, name);
      for (const name of ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft', 'innerText']) watch(HTMLElement.prototype, name);
      watch(window, 'getComputedStyle');
    });
    // A long body, so the page is still parsing while the banner appears.
    const filler = Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i}</p>`).join('');
    const { page } = await open(sitePage({ body: filler }));
    await page.locator('[data-cg="placeholder"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __layoutReads: string[] }).__layoutReads)).toEqual([]);
  });
});

describe('focus is never hidden behind the banner (WCAG 2.4.11)', () => {
  it('with 40 links in a column, Tab never reaches a link while it is entirely under the banner', async () => {
    const links = Array.from({ length: 40 }, (_, i) => `<p><a href="#l${i}" id="l${i}">Link ${i}</a></p>`).join('');
    const { page } = await open(sitePage({ embed: false, body: links }));
    await page.setViewportSize({ width: 1280, height: 800 });
    await banner(page).waitFor();
    await idle(page);
    const hidden: string[] = [];
    let reached = 0;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active || active.localName !== 'a' || !active.id.startsWith('l')) return null;
        const bar = document.querySelector('#consent-gate > [data-cg="banner"]')!.getBoundingClientRect();
        const box = active.getBoundingClientRect();
        return { id: active.id, covered: box.top >= bar.top && box.bottom <= bar.bottom };
      });
      if (!state) continue;
      reached++;
      if (state.covered) hidden.push(state.id);
    }
    expect(reached).toBeGreaterThanOrEqual(40);
    expect(hidden).toEqual([]);
  });
});

describe('configuration errors', () => {
  it('logs the full report with a hint through the messages part, and keeps everything gated', async () => {
    const { page, consoleLines, fetched } = await open(sitePage({ config: { ...CONFIG, categores: {} } }));
    await expect.poll(() => consoleLines.length).toBeGreaterThan(0);
    expect(consoleLines[0]).toContain('categores: unknown key: did you mean "categories"?');
    expect(suite.console.take(/Invalid Consent Gate config/)).toHaveLength(1);
    expect(partsIn(fetched)).toEqual(['messages']);
    await idle(page, suite.servers.thirdParty);
    expect(await banner(page).count()).toBe(0);
    expect(suite.servers.requests()).toEqual([]);
  });

  it('names invalid JSON in the config block as such', async () => {
    const html = sitePage().replace(JSON.stringify(CONFIG), '{ "mode": "opt-in", }');
    const { consoleLines } = await open(html);
    await expect.poll(() => consoleLines.length).toBeGreaterThan(0);
    expect(consoleLines[0]).toContain('the JSON in <script id="consent-gate-config"> is not valid');
    expect(suite.console.take(/is not valid/)).toHaveLength(1);
  });
});
