// The whole product under a strict Content Security Policy with Trusted Types (CSP Level 3
// nonces, Trusted Types; README, "Content Security Policy"): banner, locale, placeholders, the
// dialog, the cookie table, activation of gated scripts, frames and pixels, withdrawal, for the
// script tag and for an npm build, with no `securitypolicyviolation` at all.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryPage } from './support/pages';
import { PROJECT_ROOT } from './support/servers';
import { settled } from './support/settle';
import { useBrowserSuite } from './support/suite';

const suite = useBrowserSuite({
  // Every page reports what the policy refused, for the tests to read.
  prepare: (context) =>
    context.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
    }),
});

const NONCE = 'cG9saWN5LXRlc3Q';
const CONFIG = {
  mode: 'opt-in',
  privacyPolicyUrl: '/privacy',
  categories: {
    advertising: { cookies: ['ads'], vendors: [{ name: 'Ad Network', domains: ['localhost'] }] },
    social: { vendors: [{ name: 'Video Site', domains: ['localhost'] }] },
  },
};
/** Where the npm test app is bundled (served by the test server under /node_modules/). */
const APP_DIR = path.join(PROJECT_ROOT, 'node_modules/.cache/consent-gate-csp-app');

function policy(): string {
  const tp = suite.servers.thirdParty;
  return [
    "default-src 'self'",
    `script-src 'nonce-${NONCE}' 'strict-dynamic'`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types consent-gate',
    `img-src 'self' ${tp}`,
    `frame-src ${tp}`,
  ].join('; ');
}

function gated(): string {
  const tp = suite.servers.thirdParty;
  return `
  <script type="text/plain" data-consent="advertising" src="${tp}/t/ads.js" nonce="${NONCE}"></script>
  <script type="text/plain" data-consent="advertising" nonce="${NONCE}">(window.__ran = window.__ran || []).push('inline');</script>`;
}

function body(): string {
  const tp = suite.servers.thirdParty;
  return `<h1>Nachrichten</h1>
  <iframe data-consent="social" data-src="${tp}/t/embed.html" width="400" height="200" title="Video"></iframe>
  <img data-consent="advertising" data-src="${tp}/t/pixel.gif" width="1" height="1" alt="">
  <div data-consent-cookie-table></div>`;
}

/** Records every policy violation from the very start of the page, and the console's complaints. */
async function watched(page: Page): Promise<{ violations: () => Promise<string[]>; errors: string[] }> {
  const errors: string[] = [];
  page.on('console', (message) => {
    // The browser's own favicon request is not the library's.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || /Trusted Type|Content Security Policy/i.test(message.text())) errors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    errors,
  };
}

/** Every step a visitor takes: banner, dialog, a save, accept all, withdrawal. */
async function walkThrough(page: Page): Promise<void> {
  const banner = page.locator('[data-cg="banner"]');
  await banner.waitFor();
  // German page: the locale file was loaded before anything was shown.
  expect(await banner.getAttribute('aria-label')).toBe('Cookie-Einwilligung');
  await page.locator('[data-cg="placeholder"]').first().waitFor();
  await page.locator('table.consent-gate-cookie-table').waitFor();
  await page.locator('[data-cg="manage"]').click();
  await page.locator('[data-cg="preferences"]').waitFor();
  await page.locator('[data-cg="toggle"][data-category="social"]').click();
  await page.locator('[data-cg="save"]').click();
  await page.locator('iframe[src]').waitFor();
  await page.locator('[data-cg="settings-button"]').click();
  await page.locator('[data-cg="preferences"] [data-cg="accept-all"]').click();
  await page.waitForFunction(() => {
    const ran = (window as unknown as { __ran?: string[] }).__ran ?? [];
    return ran.includes('ads') && ran.includes('inline');
  });
  await expect.poll(() => suite.servers.requests().map((r) => r.path).sort()).toEqual(['/t/ads.js', '/t/embed.html', '/t/pixel.gif']);
  // Withdrawal: the reload notice appears, nothing breaks.
  await page.evaluate(() => (window as unknown as { consentGate?: { rejectAll(): void } }).consentGate?.rejectAll());
  await page.locator('[data-cg="reload-notice"]').waitFor();
}

beforeAll(async () => {
  rmSync(APP_DIR, { recursive: true, force: true });
  mkdirSync(APP_DIR, { recursive: true });
  // An npm consumer's production bundle: ESM with the library's parts as split chunks.
  await build({
    stdin: {
      contents: `import { createConsentGate } from ${JSON.stringify(path.join(PROJECT_ROOT, 'dist/index.js'))};
        window.consentGate = createConsentGate(${JSON.stringify(CONFIG)}, { nonce: ${JSON.stringify(NONCE)} });`,
      resolveDir: PROJECT_ROOT,
      loader: 'js',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: APP_DIR,
    entryNames: 'app',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
});
afterAll(() => {
  rmSync(APP_DIR, { recursive: true, force: true });
});

describe('under a strict CSP with Trusted Types enforced', () => {
  it('the script tag: the whole flow runs with zero policy violations', async () => {
    suite.servers.page(
      '/csp-script-tag',
      libraryPage({ config: CONFIG, lang: 'de', title: 'CSP', nonce: NONCE, head: gated(), body: body() }),
      { 'Content-Security-Policy': policy() },
    );
    const page = await suite.context.newPage();
    const watch = await watched(page);
    await page.goto(`${suite.servers.firstParty}/csp-script-tag`);
    await walkThrough(page);
    expect(await watch.violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('an npm build (ESM with split chunks): the whole flow runs with zero policy violations', async () => {
    suite.servers.page(
      '/csp-npm',
      // No config block and no script tag: the bundled app starts the library itself.
      libraryPage({
        lang: 'de',
        title: 'CSP',
        script: '',
        head: gated(),
        body: `${body()}
      <script type="module" src="/node_modules/.cache/consent-gate-csp-app/app.js" nonce="${NONCE}"></script>`,
      }),
      { 'Content-Security-Policy': policy() },
    );
    const page = await suite.context.newPage();
    const watch = await watched(page);
    await page.goto(`${suite.servers.firstParty}/csp-npm`);
    await walkThrough(page);
    expect(await watch.violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('markup injected through a text sink stays inert, even in the necessary category (no script gadget)', async () => {
    suite.servers.page(
      '/csp-injection',
      libraryPage({
        config: CONFIG,
        title: 'Injection',
        nonce: NONCE,
        body: `<div id="comments"></div>
      <script nonce="${NONCE}">
        // A comment field rendered with a text-to-HTML sink, as a vulnerable template would.
        const html = '<script type="text/plain" data-consent="necessary">window.__injected = 1;<' + '/script>'
          + '<script type="text/plain" data-consent="advertising" src="${suite.servers.thirdParty}/t/injected.js"><' + '/script>';
        document.getElementById('comments').setHTMLUnsafe
          ? document.getElementById('comments').setHTMLUnsafe(html)
          : document.getElementById('comments').append(document.createRange().createContextualFragment(html));
      </script>`,
      }),
      { 'Content-Security-Policy': policy().replace("require-trusted-types-for 'script'; ", '') },
    );
    const page = await suite.context.newPage();
    await page.goto(`${suite.servers.firstParty}/csp-injection`);
    await page.locator('[data-cg="accept-all"]').click();
    // default-src 'self': the sentinel goes to the first party.
    await settled(page, suite.servers.firstParty);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(suite.servers.requests().map((r) => r.path)).not.toContain('/t/injected.js');
    // Both injected scripts are reported as lacking the page nonce.
    expect(suite.console.take(/without the page nonce is left inert/)).toHaveLength(2);
  });

  it('without any nonce on the page, an injected inline script in necessary stays inert too', async () => {
    suite.servers.page(
      '/no-nonce-injection',
      libraryPage({
        config: CONFIG,
        title: 'Injection',
        body: `<div id="comments"></div>
      <script>
        document.getElementById('comments').append(document.createRange().createContextualFragment(
          '<script type="text/plain" data-consent="necessary">window.__injected = 1;<' + '/script>'));
      </script>`,
      }),
    );
    const page = await suite.context.newPage();
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await page.goto(`${suite.servers.firstParty}/no-nonce-injection`);
    await page.locator('[data-cg="banner"]').waitFor();
    await expect.poll(() => messages.some((m) => m.includes('without a page nonce'))).toBe(true);
    expect(suite.console.take(/without a page nonce/)).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  });
});

describe('no script gadget without a nonce (README "Nonces and injected markup")', () => {
  /**
   * A site with `script-src 'self'` and no nonce, and a DOM sink in its own first-party script
   * that writes `location.hash` into the page: what the browser would refuse as a plain
   * `<script src>` (innerHTML never runs scripts) must not run through the gate either.
   */
  it('an injected external script in necessary, pointing at a same-origin JSONP URL, is neither fetched nor run', async () => {
    suite.servers.page('/jsonp', 'window.__jsonp = (window.__jsonp || 0) + 1;', { 'Content-Type': 'text/javascript; charset=utf-8' });
    suite.servers.page('/sink.js', "document.getElementById('out').innerHTML = decodeURIComponent(location.hash.slice(1));", {
      'Content-Type': 'text/javascript; charset=utf-8',
    });
    suite.servers.page(
      '/gadget',
      libraryPage({ config: CONFIG, title: 'Gadget', body: '<div id="out"></div><script src="/sink.js"></script>' }),
      { 'Content-Security-Policy': "script-src 'self'; object-src 'none'; base-uri 'none'" },
    );
    const page = await suite.context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const payload = '<script type="text/plain" data-consent="necessary" src="/jsonp?cb=alert"></script>';
    await page.goto(`${suite.servers.firstParty}/gadget#${encodeURIComponent(payload)}`);
    await page.locator('[data-cg="banner"]').waitFor();
    // The sink did write the payload, and the gate saw it and said why it stays inert.
    expect(await page.locator('#out script[data-consent="necessary"]').count()).toBe(1);
    await expect.poll(() => suite.console.take(/necessary category stays inert/).length).toBe(1);
    expect(fetched).not.toContain('/jsonp');
    expect(await page.evaluate(() => (window as unknown as { __jsonp?: number }).__jsonp)).toBeUndefined();
  });
});

describe('Trusted Types: the consent-gate policy passes only the text the parser wrote', () => {
  it('text a page script appends to an inert necessary script is refused, not run through the policy', async () => {
    suite.servers.page(
      '/tt-append',
      libraryPage({
        config: CONFIG,
        title: 'TT',
        nonce: NONCE,
        body: `<script type="text/plain" data-consent="necessary" nonce="${NONCE}">(window.__ran = window.__ran || []).push('site');</script>
      <script nonce="${NONCE}">
        // Trusted Types refuses this string as script.text; appended as a text node, it would
        // only run if something passed the inert script's text through a policy unchecked.
        document.currentScript.previousElementSibling.append(document.createTextNode(';window.__tt = 1;'));
        try { document.createElement('script').text = 'window.__direct = 1'; } catch { window.__directRefused = true; }
      </script>`,
      }),
      { 'Content-Security-Policy': policy() },
    );
    const page = await suite.context.newPage();
    await page.goto(`${suite.servers.firstParty}/tt-append`);
    await page.locator('[data-cg="banner"]').waitFor();
    // Trusted Types is enforced on this page: the direct assignment was refused.
    expect(await page.evaluate(() => (window as unknown as { __directRefused?: boolean }).__directRefused)).toBe(true);
    await expect.poll(() => suite.console.take(/could not activate a gated script/).length).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __tt?: number }).__tt)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran)).toBeUndefined();
  });
});
