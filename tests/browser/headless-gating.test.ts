/**
 * The headless build (`dist/headless.js`) in real headless Chromium, against two real HTTP
 * servers: the site on `http://127.0.0.1:<A>` and a third party on `http://localhost:<B>` that
 * logs every request. What only a browser shows: network requests, script order, cookies with
 * their attributes, the MutationObserver, and CSP nonces.
 *
 * Standards cited: ePrivacy Art. 5(3) (nothing loads before consent), GDPR Art. 4(11) (granular),
 * GDPR Art. 7(3) and RFC 6265 §5.3 (withdrawal), RFC 6265 §4.1 (cookie attributes), §4.1.1
 * (strict parsing), §5.4 (duplicate consent cookies), CSP Level 3 nonces (re-activated scripts keep
 * the nonce; no script gadget, Lekies et al., CCS 2017).
 *
 * Build first: `npx vite build`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ConsentGateConfig } from '../../src/types';
import { launchBrowser } from './support/browser';
import { watchConsole } from './support/console';
import { headlessPage, type HeadlessPageOptions } from './support/pages';
import { PROJECT_ROOT, SLOW_SCRIPT_DELAY_MS, startServers, type Servers } from './support/servers';
import { settled } from './support/settle';

const DAY = 86_400;

let browser: Browser;
let servers: Servers;
let context: BrowserContext;
let pageErrors: string[];
let T: string;
/** `[consent-gate]` warnings and errors: a test fails on one it did not claim. */
const consoleWatch = watchConsole();

beforeAll(async () => {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'headless.js'))) {
    throw new Error('dist/headless.js is missing: run `npx vite build` before the browser tests.');
  }
  servers = await startServers({ projectRoot: PROJECT_ROOT });
  T = servers.thirdParty;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await servers?.close();
});

beforeEach(async () => {
  context = await browser.newContext();
  pageErrors = [];
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
  consoleWatch.attach(context);
  servers.clearRequests();
});

afterEach(async () => {
  await context.close();
  let unexpectedConsole: unknown;
  try {
    consoleWatch.verify();
  } catch (error) {
    unexpectedConsole = error;
  }
  expect(pageErrors, 'no uncaught error in any page').toEqual([]);
  if (unexpectedConsole) throw unexpectedConsole;
});

// ---------------------------------------------------------------------------------------------
// helpers

interface Opened {
  page: Page;
  /** `[consent-gate]` console warnings, in order. */
  warnings: string[];
}

/** Serves a page (when `html` is given), opens it in the test's context and waits for `window.gate`. */
async function open(path: string, html?: string, headers?: Record<string, string>): Promise<Opened> {
  if (html !== undefined) servers.page(path, html, headers);
  const page = await context.newPage();
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('[consent-gate]')) warnings.push(message.text());
  });
  await page.goto(servers.firstParty + path);
  await waitForGate(page);
  return { page, warnings };
}

async function waitForGate(page: Page): Promise<void> {
  await page.waitForFunction(() => window.gate !== undefined || window.gateError !== undefined);
  const error = await page.evaluate(() => window.gateError);
  if (error) throw new Error(`createConsent failed in the page: ${error}`);
}

function page(options: Omit<HeadlessPageOptions, 'config'> & { config?: ConsentGateConfig }): string {
  return headlessPage({ config: options.config ?? { categories: { functional: {}, advertising: {}, social: {} } }, ...options });
}

/** Third-party paths requested so far, in order. */
const requested = () => servers.requests().map((request) => request.path);

/** How many times each third-party path was requested. */
function requestCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const path of requested()) counts[path] = (counts[path] ?? 0) + 1;
  return counts;
}

/** Waits until every path has reached the third party. */
async function waitForRequests(paths: string[]): Promise<void> {
  await expect.poll(requested, { timeout: 5_000, interval: 25 }).toEqual(expect.arrayContaining(paths));
}

/** Sync point before checking that nothing (more) reached the third party: a sentinel sent to it after the page's pending work has come back. */
const quiet = (page: Page) => settled(page, T);

const consentCookies = async () => (await context.cookies()).filter((cookie) => cookie.name === 'consent_gate');

/**
 * Every kind of gated element the README lists ("Marking third-party content"), all aimed at the
 * third party: three external scripts (the first one slow) with an inline script among them, a
 * social iframe, a pixel with `data-src` and `data-srcset`, a stylesheet and a video source.
 */
function everyKindOfGatedElement(): string {
  return `
<script type="text/plain" data-consent="advertising" src="${T}/t/ad-slow.js"></script>
<script type="text/plain" data-consent="advertising">
  (window.__ran = window.__ran || []).push('inline');
  new Image().src = '${T}/t/inline-beacon.gif';
</script>
<script type="text/plain" data-consent="functional" src="${T}/t/func-b.js"></script>
<script type="text/plain" data-consent="advertising" src="${T}/t/ad-c.js"></script>
<iframe data-consent="social" data-src="${T}/t/social.html" title="social widget"></iframe>
<img data-consent="advertising" alt="" data-src="${T}/t/pixel.gif" data-srcset="${T}/t/pixel-1x.gif 1x">
<link rel="stylesheet" data-consent="advertising" data-href="${T}/t/style.css">
<video data-consent="advertising" preload="auto" muted><source data-src="${T}/t/clip.mp4" type="video/mp4"></video>
`;
}

/** What `everyKindOfGatedElement` loads once everything is allowed (the pixel picks its 1x srcset). */
const EVERY_RESOURCE = [
  '/t/ad-slow.js',
  '/t/inline-beacon.gif',
  '/t/func-b.js',
  '/t/ad-c.js',
  '/t/social.html',
  '/t/pixel-1x.gif',
  '/t/style.css',
  '/t/clip.mp4',
];

/** A version-1 consent cookie value (format in src/core/record.ts). */
function consentValue({ time, allowed, denied, revision = 0 }: { time: number; allowed: string[]; denied: string[]; revision?: number }): string {
  return ['1', revision.toString(36), time.toString(36), '3f1c2a4e-9b7d-4c2a-8e1f-0a1b2c3d4e5f', 'c0', allowed.join('~'), denied.join('~')].join('.');
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

// ---------------------------------------------------------------------------------------------

describe('before any decision', () => {
  test('no gated script, inline script, iframe, pixel, stylesheet or video reaches the third party (ePrivacy Art. 5(3))', async () => {
    const { page: p } = await open('/before.html', page({ body: everyKindOfGatedElement() }));
    await quiet(p);

    expect(requested()).toEqual([]);
    const state = await p.evaluate(() => ({
      decided: window.gate!.get().decided,
      surface: window.gate!.$surface.get(),
      ran: window.__ran,
      cookie: document.cookie,
      img: document.querySelector('img')!.getAttribute('src'),
      iframe: document.querySelector('iframe')!.getAttribute('src'),
    }));
    expect(state).toEqual({ decided: false, surface: 'banner', ran: undefined, cookie: '', img: null, iframe: null });
  });
});

describe('accepting all', () => {
  test('loads every gated resource exactly once (ePrivacy Art. 5(3))', async () => {
    const { page: p } = await open('/accept.html', page({ body: everyKindOfGatedElement() }));
    await p.evaluate(() => window.gate!.acceptAll());
    await waitForRequests(EVERY_RESOURCE);
    await quiet(p);

    expect(requestCounts()).toEqual(Object.fromEntries(EVERY_RESOURCE.map((path) => [path, 1])));
    expect(await p.evaluate(() => document.querySelector('img')!.getAttribute('srcset'))).toBe(`${T}/t/pixel-1x.gif 1x`);
  });

  test('runs external scripts and the inline script between them in document order, each external one after the previous has loaded', async () => {
    const { page: p } = await open('/order.html', page({ body: everyKindOfGatedElement() }));
    await p.evaluate(() => window.gate!.acceptAll());
    await p.waitForFunction(() => (window.__ran ?? []).length >= 4);

    expect(await p.evaluate(() => window.__ran)).toEqual(['ad-slow', 'inline', 'func-b', 'ad-c']);
    // The slow tag answers after 300 ms; the next one is not even requested before that.
    const times = Object.fromEntries(servers.requests().map((request) => [request.path, request.time]));
    expect(times['/t/func-b.js']! - times['/t/ad-slow.js']!).toBeGreaterThanOrEqual(SLOW_SCRIPT_DELAY_MS - 50);
    expect(times['/t/ad-c.js']!).toBeGreaterThanOrEqual(times['/t/func-b.js']!);
  });
});

describe('rejecting all', () => {
  test('loads nothing, now or after a reload with the stored refusal (ePrivacy Art. 5(3))', async () => {
    const { page: p } = await open('/reject.html', page({ body: everyKindOfGatedElement() }));
    await p.evaluate(() => window.gate!.rejectAll());
    await quiet(p);
    expect(requested()).toEqual([]);

    await p.reload();
    await waitForGate(p);
    await quiet(p);
    expect(requested()).toEqual([]);
    expect(await p.evaluate(() => ({ ...window.gate!.get().categories, surface: window.gate!.$surface.get(), ran: window.__ran }))).toEqual({
      necessary: true,
      functional: false,
      advertising: false,
      social: false,
      surface: null,
      ran: undefined,
    });
  });
});

describe('granular consent', () => {
  test('granting only social loads the social iframe and nothing else (GDPR Art. 4(11))', async () => {
    const { page: p } = await open('/social-only.html', page({ body: everyKindOfGatedElement() }));
    await p.evaluate(() => window.gate!.set({ social: true }));
    await waitForRequests(['/t/social.html']);
    await quiet(p);

    expect(requested()).toEqual(['/t/social.html']);
    expect(await p.evaluate(() => window.__ran)).toBeUndefined();
  });

  test('an element marked data-consent="advertising social" loads only once both are allowed (GDPR Art. 4(11))', async () => {
    const { page: p } = await open(
      '/both.html',
      page({
        body: `
<img data-consent="advertising" alt="" data-src="${T}/t/ad.gif">
<img data-consent="social" alt="" data-src="${T}/t/social.gif">
<img data-consent="advertising social" alt="" data-src="${T}/t/ad-and-social.gif">`,
      }),
    );
    await p.evaluate(() => window.gate!.set({ social: true }));
    await waitForRequests(['/t/social.gif']);
    await quiet(p);
    expect(requested()).toEqual(['/t/social.gif']);

    await p.evaluate(() => window.gate!.set({ advertising: true }));
    await waitForRequests(['/t/ad.gif', '/t/ad-and-social.gif']);
    await quiet(p);
    expect(requestCounts()).toEqual({ '/t/social.gif': 1, '/t/ad.gif': 1, '/t/ad-and-social.gif': 1 });
  });
});

describe('a returning visitor', () => {
  test('gets the stored decision applied on reload with no interaction and no banner', async () => {
    const { page: p } = await open('/return.html', page({ body: everyKindOfGatedElement() }));
    await p.evaluate(() => window.gate!.set({ social: true, functional: true }));
    await waitForRequests(['/t/social.html', '/t/func-b.js']);
    servers.clearRequests();

    await p.reload();
    await waitForGate(p);
    await waitForRequests(['/t/social.html', '/t/func-b.js']);
    await quiet(p);

    expect(requestCounts()).toEqual({ '/t/social.html': 1, '/t/func-b.js': 1 });
    expect(await p.evaluate(() => ({ decided: window.gate!.get().decided, method: window.gate!.get().method, surface: window.gate!.$surface.get(), ran: window.__ran }))).toEqual({
      decided: true,
      method: 'custom',
      surface: null,
      ran: ['func-b'],
    });
  });
});

describe('the consent cookie', () => {
  test('is consent_gate with Path=/, SameSite=Lax, not HttpOnly, not Secure over http, expiring in about 182 days (RFC 6265 §4.1), holding only cookie-octets (RFC 6265 §4.1.1)', async () => {
    const { page: p } = await open('/cookie.html', page({}));
    await p.evaluate(() => window.gate!.acceptAll());
    const expected = nowSeconds() + 182 * DAY;

    const cookies = await consentCookies();
    expect(cookies).toHaveLength(1);
    const [cookie] = cookies;
    expect(cookie).toMatchObject({ name: 'consent_gate', domain: '127.0.0.1', path: '/', sameSite: 'Lax', httpOnly: false, secure: false });
    expect(Math.abs(cookie!.expires - expected)).toBeLessThan(120);
    // RFC 6265 cookie-octet: no whitespace, DQUOTE, comma, semicolon or backslash.
    expect(cookie!.value).toMatch(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/);
    expect(cookie!.value.length).toBeLessThanOrEqual(512);

    // The same through the DevTools protocol, as the standard's test describes.
    const cdp = await context.newCDPSession(p);
    const { cookies: raw } = (await cdp.send('Network.getCookies', { urls: [`${servers.firstParty}/`] })) as {
      cookies: Array<{ name: string; path: string; sameSite?: string; httpOnly: boolean; session: boolean; expires: number }>;
    };
    const viaCdp = raw.find((c) => c.name === 'consent_gate');
    expect(viaCdp).toMatchObject({ path: '/', sameSite: 'Lax', httpOnly: false, session: false });
    expect(Math.abs(viaCdp!.expires - expected)).toBeLessThan(120);
  });

  test('a tampered, truncated, oversized, future-dated or other-revision cookie is no decision: nothing loads, nothing throws (RFC 6265 §4.1.1)', async () => {
    const valid = consentValue({ time: nowSeconds() - 60, allowed: ['functional', 'advertising', 'social'], denied: [] });
    const tampered = {
      garbage: 'garbage',
      truncated: valid.slice(0, valid.length - 30),
      oversized: `1.0.${'z'.repeat(3000)}`,
      'future-dated': consentValue({ time: nowSeconds() + 30 * DAY, allowed: ['functional', 'advertising', 'social'], denied: [] }),
      'other revision': consentValue({ time: nowSeconds() - 60, allowed: ['functional', 'advertising', 'social'], denied: [], revision: 7 }),
      'prototype keys': consentValue({ time: nowSeconds() - 60, allowed: ['__proto__', 'advertising'], denied: [] }),
      'listed twice': consentValue({ time: nowSeconds() - 60, allowed: ['advertising', 'advertising'], denied: [] }),
      'bad escape': '%E0%A4%A',
    };
    servers.page('/tampered.html', page({ body: everyKindOfGatedElement() }));

    for (const [kind, value] of Object.entries(tampered)) {
      await context.clearCookies();
      servers.clearRequests();
      await context.addCookies([{ name: 'consent_gate', value, url: `${servers.firstParty}/` }]);
      const { page: p } = await open('/tampered.html');
      await quiet(p);

      const state = await p.evaluate(() => ({ decided: window.gate!.get().decided, surface: window.gate!.$surface.get(), ran: window.__ran ?? [] }));
      expect(state, kind).toEqual({ decided: false, surface: 'banner', ran: [] });
      expect(requested(), kind).toEqual([]);
      expect(pageErrors, kind).toEqual([]);
      await p.close();
    }
  });

  test('a cookie whose categories do not match the config (an unknown one added, configured ones missing) is no decision (RFC 6265 §4.1.1)', async () => {
    servers.page('/mismatch.html', page({ body: everyKindOfGatedElement() }));
    const time = nowSeconds() - 60;
    const mismatched = {
      'unknown category added': consentValue({ time, allowed: ['functional', 'advertising', 'social', 'bogus'], denied: [] }),
      'configured categories missing': consentValue({ time, allowed: ['advertising'], denied: [] }),
    };
    for (const [kind, value] of Object.entries(mismatched)) {
      await context.clearCookies();
      servers.clearRequests();
      await context.addCookies([{ name: 'consent_gate', value, url: `${servers.firstParty}/` }]);
      const { page: p } = await open('/mismatch.html');
      await quiet(p);

      expect.soft(await p.evaluate(() => window.gate!.get().decided), kind).toBe(false);
      expect.soft(requested(), kind).toEqual([]);
      await p.close();
    }
  });

  test('when two consent cookies are visible (paths / and /sub), the newest valid one wins, whichever path it is on (RFC 6265 §5.4)', async () => {
    servers.page('/sub/newest.html', page({ body: `<img data-consent="advertising" alt="" data-src="${T}/t/ad.gif"><img data-consent="social" alt="" data-src="${T}/t/social.gif">` }));
    const newerTime = nowSeconds() - 60;
    const older = consentValue({ time: newerTime - 3600, allowed: ['advertising'], denied: ['functional', 'social'] });
    const newer = consentValue({ time: newerTime, allowed: ['social'], denied: ['functional', 'advertising'] });

    for (const [onRoot, onSub] of [[older, newer], [newer, older]] as const) {
      await context.clearCookies();
      servers.clearRequests();
      await context.addCookies([
        { name: 'consent_gate', value: onRoot, domain: '127.0.0.1', path: '/' },
        { name: 'consent_gate', value: onSub, domain: '127.0.0.1', path: '/sub' },
      ]);
      const { page: p } = await open('/sub/newest.html');
      await waitForRequests(['/t/social.gif']);
      await quiet(p);

      expect(requested()).toEqual(['/t/social.gif']);
      expect(await p.evaluate(() => window.gate!.get().timestamp)).toBe(newerTime);
      await p.close();
    }
  });

  test('when two consent cookies are visible (paths / and /sub), only one remains after start (RFC 6265 §5.4)', async () => {
    servers.page('/sub/duplicates.html', page({}));
    const older = consentValue({ time: nowSeconds() - 3600, allowed: ['advertising'], denied: ['functional', 'social'] });
    const newer = consentValue({ time: nowSeconds() - 60, allowed: ['social'], denied: ['functional', 'advertising'] });
    await context.addCookies([
      { name: 'consent_gate', value: older, domain: '127.0.0.1', path: '/' },
      { name: 'consent_gate', value: newer, domain: '127.0.0.1', path: '/sub' },
    ]);
    const { page: p } = await open('/sub/duplicates.html');

    expect(await p.evaluate(() => window.gate!.get().categories.social)).toBe(true);
    const left = await consentCookies();
    expect(left.map(({ value, path }) => ({ value, path }))).toEqual([{ value: newer, path: '/' }]);
  });

  test('reset() on a page under /sub forgets the decision even when a consent cookie also sits on /sub (RFC 6265 §5.4, GDPR Art. 7(3))', async () => {
    servers.page('/sub/reset.html', page({ body: `<img data-consent="social" alt="" data-src="${T}/t/social.gif">` }));
    const time = nowSeconds() - 60;
    const value = consentValue({ time, allowed: ['social'], denied: ['functional', 'advertising'] });
    await context.addCookies([
      { name: 'consent_gate', value: consentValue({ time: time - 3600, allowed: [], denied: ['functional', 'advertising', 'social'] }), domain: '127.0.0.1', path: '/' },
      { name: 'consent_gate', value, domain: '127.0.0.1', path: '/sub' },
    ]);
    const { page: p } = await open('/sub/reset.html');
    await waitForRequests(['/t/social.gif']);

    await p.evaluate(() => window.gate!.reset());
    expect.soft(await consentCookies()).toEqual([]);
    await p.reload();
    await waitForGate(p);
    expect(await p.evaluate(() => window.gate!.get().decided)).toBe(false);
  });
});

describe('withdrawal', () => {
  const withdrawalConfig: ConsentGateConfig = {
    categories: {
      advertising: { cookies: ['_fbp', '/^_gcl_/'], storage: ['ad_profile'] },
      social: {},
    },
  };

  test('withdrawing advertising deletes its cookies (also one on /sub) and storage keys, and fires reload-required with a report (GDPR Art. 7(3), RFC 6265 §5.3)', async () => {
    const { page: p } = await open(
      '/sub/withdraw.html',
      page({
        config: withdrawalConfig,
        body: `
<script>document.cookie = 'site_pref=dark; path=/';</script>
<script type="text/plain" data-consent="advertising" src="${T}/t/_fbp.js"></script>
<script type="text/plain" data-consent="advertising">
  document.cookie = '_gcl_au=1; path=/sub';
  localStorage.setItem('ad_profile', 'x');
  localStorage.setItem('theme', 'dark');
</script>`,
      }),
    );
    await p.evaluate(() => {
      window.__reports = [];
      window.gate!.on('reload-required', (report) => window.__reports!.push(report));
      window.gate!.acceptAll();
    });
    await p.waitForFunction(() => document.cookie.includes('_fbp=') && document.cookie.includes('_gcl_au=') && localStorage.getItem('ad_profile') !== null);
    expect((await context.cookies()).find((c) => c.name === '_gcl_au')?.path).toBe('/sub');

    await p.evaluate(() => window.gate!.set({ advertising: false }));
    await p.waitForFunction(() => window.__reports!.length > 0);

    const report = await p.evaluate(() => window.__reports![0]!);
    expect(report.categories).toEqual(['advertising']);
    expect([...report.deleted].sort()).toEqual(['_fbp', '_gcl_au']);
    expect(report.remaining).toEqual([]);
    expect(report.storage).toEqual(['ad_profile']);
    expect((await context.cookies()).map((c) => c.name).sort()).toEqual(['consent_gate', 'site_pref']);
    expect(await p.evaluate(() => [localStorage.getItem('ad_profile'), localStorage.getItem('theme')])).toEqual([null, 'dark']);
    expect(await p.evaluate(() => window.gate!.get().categories)).toEqual({ necessary: true, advertising: false, social: true });
  });

  test('withdrawing social returns the social iframe to its inert form, and granting it again loads it once more (GDPR Art. 7(3))', async () => {
    const { page: p } = await open('/withdraw-social.html', page({ config: withdrawalConfig, body: `<iframe data-consent="social" data-src="${T}/t/social.html" title="social"></iframe>` }));
    await p.evaluate(() => window.gate!.acceptAll());
    await waitForRequests(['/t/social.html']);
    expect(await p.evaluate(() => document.querySelector('iframe')!.getAttribute('src'))).toBe(`${T}/t/social.html`);

    servers.clearRequests();
    await p.evaluate(() => window.gate!.set({ social: false }));
    const inert = await p.evaluate(() => {
      const frames = document.querySelectorAll('iframe');
      return { count: frames.length, src: frames[0]!.getAttribute('src'), dataSrc: frames[0]!.getAttribute('data-src'), blocked: window.gate!.$blocked.get().length };
    });
    expect(inert).toEqual({ count: 1, src: null, dataSrc: `${T}/t/social.html`, blocked: 1 });
    await quiet(p);
    expect(requested()).toEqual([]);

    await p.evaluate(() => window.gate!.set({ social: true }));
    await waitForRequests(['/t/social.html']);
    await quiet(p);
    expect(requested()).toEqual(['/t/social.html']);
  });
});

describe('elements added later', () => {
  test('gated elements that page script inserts after the gate started are held before consent and activated after it', async () => {
    const { page: p } = await open(
      '/later.html',
      page({
        body: `
<div id="later"></div>
<script>
  window.__insertGated = function (tag) {
    var box = document.createElement('div');
    var img = document.createElement('img');
    img.setAttribute('data-consent', 'advertising');
    img.setAttribute('data-src', '${T}/t/later-' + tag + '.gif');
    box.appendChild(img);
    var script = document.createElement('script');
    script.type = 'text/plain';
    script.setAttribute('data-consent', 'advertising');
    script.setAttribute('src', '${T}/t/later-' + tag + '.js');
    box.appendChild(script);
    document.getElementById('later').appendChild(box);
  };
  // Module scripts (the gate) run before the load event, so this comes after the gate started.
  window.addEventListener('load', function () { window.__insertGated('onload'); });
</script>`,
      }),
    );
    await p.waitForFunction(() => document.querySelectorAll('#later img').length === 1);
    await quiet(p);
    expect(requested()).toEqual([]);
    expect(await p.evaluate(() => window.gate!.$blocked.get().length)).toBe(2);

    await p.evaluate(() => window.gate!.acceptAll());
    await waitForRequests(['/t/later-onload.gif', '/t/later-onload.js']);

    await p.evaluate(() => (window.__insertGated as (tag: string) => void)('after'));
    await waitForRequests(['/t/later-after.gif', '/t/later-after.js']);
    await p.waitForFunction(() => (window.__ran ?? []).length === 2);
    await quiet(p);

    expect(requestCounts()).toEqual({ '/t/later-onload.gif': 1, '/t/later-onload.js': 1, '/t/later-after.gif': 1, '/t/later-after.js': 1 });
    expect(await p.evaluate(() => window.__ran)).toEqual(['later-onload', 'later-after']);
  });
});

describe('markup mistakes', () => {
  const mistakes = () => `
<script data-consent="advertising">window.__eager = (Number(window.__eager) || 0) + 1;</script>
<img data-consent="adverts" alt="" data-src="${T}/t/unknown-a.gif">
<img data-consent="adverts" alt="" data-src="${T}/t/unknown-b.gif">
<img data-consent="advertising" alt="" data-src="${T}/t/known.gif">`;

  test('a gated script that is not type="text/plain" is reported once with [consent-gate] and not run a second time', async () => {
    const { page: p, warnings } = await open('/mistake-type.html', page({ body: mistakes() }));
    await p.evaluate(() => window.gate!.acceptAll());
    await waitForRequests(['/t/known.gif']);
    await quiet(p);

    // dist/headless.js loaded with no bundler is a production build: it logs the warning's code
    // (development builds word it; tests/gating/gate.test.ts checks the words).
    expect(warnings.filter((w) => w.includes('script-ran'))).toHaveLength(1);
    expect(await p.evaluate(() => window.__eager)).toBe(1);
    // The same markup also names an unknown category (the next test's subject).
    consoleWatch.expect(/^\[consent-gate\] unknown-category \{"id":"adverts"\}/, { times: 1 });
    expect(consoleWatch.take(/script-ran/)).toHaveLength(1);
  });

  test('an unknown category is reported once and its elements stay inert, even after accepting all', async () => {
    const { page: p, warnings } = await open('/mistake-category.html', page({ body: mistakes() }));
    await p.evaluate(() => window.gate!.acceptAll());
    await waitForRequests(['/t/known.gif']);
    await quiet(p);

    expect(warnings.filter((w) => w.includes('"adverts"'))).toHaveLength(1);
    expect(consoleWatch.take(/unknown-category \{"id":"adverts"\}/)).toHaveLength(1);
    // The same markup also has a script that ran before the gate (the previous test's subject).
    consoleWatch.expect(/^\[consent-gate\] script-ran/, { times: 1 });
    expect(requested()).toEqual(['/t/known.gif']);
    expect(await p.evaluate(() => Array.from(document.querySelectorAll('img[data-consent="adverts"]'), (img) => img.getAttribute('src')))).toEqual([null, null]);
  });
});

describe('Content Security Policy with a nonce', () => {
  /** Gated scripts with and without the page nonce; `necessary` is always allowed, so only the nonce rule can hold it. */
  const nonceMarkup = () => `
<script type="text/plain" data-consent="advertising" nonce="abc">(window.__ran = window.__ran || []).push('nonced-inline');</script>
<script type="text/plain" data-consent="advertising" nonce="abc" src="${T}/t/nonced-external.js"></script>
<script type="text/plain" data-consent="advertising">window.pwned = 'advertising';</script>
<script type="text/plain" data-consent="necessary">window.pwned = 'necessary';</script>
<script type="text/plain" data-consent="advertising" nonce="wrong">window.pwned = 'wrong nonce';</script>
<script type="text/plain" data-consent="advertising" src="${T}/t/injected.js"></script>`;

  async function openWithCsp(path: string, csp: string): Promise<Opened & { violations: () => Promise<string[]> }> {
    const html = page({
      nonce: 'abc',
      options: { nonce: 'abc' },
      head: `<script nonce="abc">window.__violations = []; document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')); });</script>`,
      body: nonceMarkup(),
    });
    const opened = await open(path, html, { 'Content-Security-Policy': csp });
    return { ...opened, violations: () => opened.page.evaluate(() => window.__violations as string[]) };
  }

  test(`under script-src 'nonce-abc' 'strict-dynamic', gated scripts with the nonce run after accept and those without it never run (CSP Level 3 nonces)`, async () => {
    const { page: p, warnings, violations } = await openWithCsp('/csp-strict-dynamic.html', `script-src 'nonce-abc' 'strict-dynamic'; object-src 'none'; base-uri 'none'`);
    await quiet(p);
    expect(await p.evaluate(() => [window.pwned, window.__ran])).toEqual([undefined, undefined]);

    await p.evaluate(() => window.gate!.acceptAll());
    await p.waitForFunction(() => (window.__ran ?? []).length === 2);
    await quiet(p);

    expect(await p.evaluate(() => window.__ran)).toEqual(['nonced-inline', 'nonced-external']);
    expect(await p.evaluate(() => window.pwned)).toBeUndefined();
    expect(requested()).toEqual(['/t/nonced-external.js']);
    expect(warnings.some((w) => w.includes('nonce'))).toBe(true);
    // One warning for each gated script without the page nonce: advertising, necessary, the wrong nonce, the injected tag.
    expect(consoleWatch.take(/script-nonce/)).toHaveLength(4);
    expect(await violations()).toEqual([]);
  });

  test(`under script-src 'nonce-abc' alone, activated scripts carry the nonce over (read through .nonce) and run (CSP Level 3 nonces)`, async () => {
    const { page: p, violations } = await openWithCsp('/csp-nonce.html', `script-src 'nonce-abc'; object-src 'none'; base-uri 'none'`);
    // Nonce hiding: the attribute reads empty, only the property keeps the value.
    expect(await p.evaluate(() => {
      const script = document.querySelector('script[data-consent][src]') as HTMLScriptElement;
      return [script.getAttribute('nonce'), script.nonce];
    })).toEqual(['', 'abc']);

    await p.evaluate(() => window.gate!.acceptAll());
    await p.waitForFunction(() => (window.__ran ?? []).length === 2);
    await quiet(p);

    expect(await p.evaluate(() => window.__ran)).toEqual(['nonced-inline', 'nonced-external']);
    expect(await p.evaluate(() => window.pwned)).toBeUndefined();
    expect(consoleWatch.take(/script-nonce/)).toHaveLength(4);
    expect(await violations()).toEqual([]);
  });
});
