// End-to-end flows against the built script tag (dist/consent-gate.iife.js), the way a site owner
// uses it: JSON config block, one synchronous <script> in <head>, inert third-party tags.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { libraryPage, scriptTagPage } from './support/pages';
import { settled } from './support/settle';
import { useBrowserSuite } from './support/suite';

const suite = useBrowserSuite();

const CONFIG = { mode: 'opt-in', revision: 1, privacyPolicyUrl: '/privacy', categories: { functional: {}, advertising: { cookies: ['ad_id'] }, social: {} } };

function sitePage({ config = CONFIG as object, head = '', body = '', script = '<script src="/dist/consent-gate.iife.js"></script>' } = {}): string {
  return scriptTagPage({ thirdParty: suite.servers.thirdParty, config, head, body, script, settingsLink: true });
}

async function open(html: string, path = '/'): Promise<Page> {
  suite.servers.page(path, html);
  const page = await suite.context.newPage();
  await page.goto(suite.servers.firstParty + path);
  return page;
}

const paths = () => suite.servers.requests().map((r) => r.path.replace(/\?.*$/, ''));
/** Sync point before checking what did not reach the third party: a sentinel sent to it after the page's pending work has come back. */
const settle = (page: Page) => settled(page, suite.servers.thirdParty);
const consentCookie = async () => (await suite.context.cookies()).find((c) => c.name === 'consent_gate');

describe('the script tag, opt-in mode', () => {
  it('shows the banner and loads nothing gated before a choice (ePrivacy Art. 5(3), GDPR Recital 32)', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"]').waitFor();
    await page.mouse.wheel(0, 400);
    await settle(page);
    expect(paths()).toEqual([]);
    expect(await consentCookie()).toBeUndefined();
  });

  it('accept all: everything loads once, the banner goes, and a reload keeps it (persistence)', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await page.waitForFunction(() => (window as unknown as { __ran?: string[] }).__ran?.includes('ads'));
    await expect.poll(() => paths().sort()).toEqual(['/t/ads.js', '/t/embed.html', '/t/pixel.gif']);
    await expect.poll(() => page.locator('[data-cg="banner"]').count()).toBe(0);
    suite.servers.clearRequests();
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __ran?: string[] }).__ran?.includes('ads'));
    expect(await page.locator('[data-cg="banner"]').count()).toBe(0);
    await expect.poll(() => paths().sort()).toEqual(['/t/ads.js', '/t/embed.html', '/t/pixel.gif']);
  });

  it('reject all: nothing loads, now or after a reload', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"] [data-cg="reject-all"]').click();
    await page.reload();
    await settle(page);
    expect(paths()).toEqual([]);
    expect(await page.locator('[data-cg="banner"]').count()).toBe(0);
    expect((await consentCookie())?.value).toMatch(/^1\.1\..*\.r0\./);
  });

  it('custom choice in the dialog: only social loads (GDPR Art. 4(11))', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="manage"]').click();
    await page.locator('[data-cg="toggle"][data-category="social"]').click();
    await page.locator('[data-cg="save"]').click();
    await expect.poll(() => paths()).toEqual(['/t/embed.html']);
    await settle(page);
    expect(paths()).toEqual(['/t/embed.html']);
    expect((await consentCookie())?.value).toMatch(/\.c0\.social\./);
  });

  it('withdraw from the settings button: the ad cookie is deleted and a reload is offered (GDPR Art. 7(3))', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await page.waitForFunction(() => document.cookie.includes('ads=1'));
    await page.evaluate(() => (document.cookie = 'ad_id=42; path=/'));
    await page.locator('[data-cg="settings-button"]').click();
    await page.locator('[data-cg="toggle"][data-category="advertising"]').click();
    await page.locator('[data-cg="save"]').click();
    await expect.poll(() => page.evaluate(() => document.cookie)).not.toContain('ad_id=');
    // The offer is a visible notice whose "Reload page" button really reloads the page.
    const notice = page.locator('[data-cg="reload-notice"]');
    await notice.waitFor({ state: 'visible' });
    const reload = notice.getByRole('button', { name: 'Reload page', exact: true });
    expect(await reload.isVisible()).toBe(true);
    await page.evaluate(() => ((window as unknown as { __beforeReload?: boolean }).__beforeReload = true));
    suite.servers.clearRequests();
    await Promise.all([page.waitForEvent('load', { timeout: 5_000 }), reload.click()]);
    expect(await page.evaluate(() => (window as unknown as { __beforeReload?: boolean }).__beforeReload), 'a new document').toBeUndefined();
    // After the reload the withdrawn category stays off: the social embed loads, the ad tag and pixel do not.
    await expect.poll(() => paths()).toEqual(['/t/embed.html']);
    await settle(page);
    expect(paths()).toEqual(['/t/embed.html']);
    expect(await page.evaluate(() => document.cookie)).not.toContain('ad_id=');
  });

  it('raising the revision asks again (EDPB Guidelines 05/2020)', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    // What the accepted page loads must reach the server before the count starts again.
    await expect.poll(() => [...paths()].sort()).toEqual(['/t/ads.js', '/t/embed.html', '/t/pixel.gif']);
    await page.close();
    suite.servers.clearRequests();
    const next = await open(sitePage({ config: { ...CONFIG, revision: 2 } }), '/v2');
    await next.locator('[data-cg="banner"]').waitFor();
    await settle(next);
    expect(paths()).toEqual([]);
  });

  it('a tampered cookie means no decision: the banner shows and nothing crashes (RFC 6265 §4.1.1)', async () => {
    await suite.context.addCookies([{ name: 'consent_gate', value: '1.1.zz.not-a-uuid.a0.functional~advertising~social.', url: suite.servers.firstParty }]);
    const errors: string[] = [];
    const page = await suite.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    suite.servers.page('/', sitePage());
    await page.goto(suite.servers.firstParty + '/');
    await page.locator('[data-cg="banner"]').waitFor();
    await settle(page);
    expect(paths()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('an invalid config logs the full error and the page keeps working with everything gated', async () => {
    const messages: string[] = [];
    const page = await suite.context.newPage();
    page.on('console', (message) => messages.push(message.text()));
    suite.servers.page('/', sitePage({ config: { mode: 'opt-inn', categories: { Ads: {} } }, body: '<script>window.pageStillRuns = true</script>' }));
    await page.goto(suite.servers.firstParty + '/');
    await expect.poll(() => messages.some((m) => m.includes('[consent-gate]'))).toBe(true);
    await settle(page);
    const error = messages.find((m) => m.includes('[consent-gate]'));
    expect(error).toContain('mode: "opt-inn" is not allowed');
    expect(error).toContain('categories.Ads');
    expect(suite.console.take(/mode: "opt-inn" is not allowed/)).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { pageStillRuns?: boolean }).pageStillRuns)).toBe(true);
    expect(paths()).toEqual([]);
  });

  it('starts once when included twice', async () => {
    const page = await open(sitePage({ script: '<script src="/dist/consent-gate.iife.js"></script><script src="/dist/consent-gate.iife.js"></script>' }));
    await page.locator('[data-cg="banner"]').waitFor();
    await settle(page);
    expect(await page.locator('#consent-gate').count()).toBe(1);
  });

  it('works with defer too', async () => {
    const page = await open(sitePage({ script: '<script src="/dist/consent-gate.iife.js" defer></script>' }));
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await expect.poll(() => paths().sort()).toEqual(['/t/ads.js', '/t/embed.html', '/t/pixel.gif']);
  });

  it('a single-page app: content rendered after navigation is gated and activated like the first page', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"]').waitFor();
    const tp = suite.servers.thirdParty;
    await page.evaluate((origin) => {
      history.pushState(null, '', '/next');
      const view = document.createElement('section');
      const frame = document.createElement('iframe');
      frame.setAttribute('data-consent', 'social');
      frame.setAttribute('data-src', `${origin}/t/spa-embed.html`);
      view.append(frame);
      document.body.append(view);
    }, tp);
    await settle(page);
    expect(paths()).toEqual([]);
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await expect.poll(() => paths()).toContain('/t/spa-embed.html');
  });

  it('two tabs: a decision in one applies in the other without reload', async () => {
    const first = await open(sitePage());
    const second = await suite.context.newPage();
    await second.goto(suite.servers.firstParty + '/');
    await second.locator('[data-cg="banner"]').waitFor();
    await first.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await expect.poll(() => second.evaluate(() => window.consentGate?.get().decided)).toBe(true);
    await expect.poll(() => second.locator('[data-cg="banner"]').count()).toBe(0);
    // Activation is a part the second tab fetches on its first allowed element: wait for it.
    await expect.poll(() => second.evaluate(() => document.querySelector('iframe')?.getAttribute('src') ?? '')).toContain('/t/embed.html');
  });

  it('a data-consent-open link and the API open the dialog', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"] [data-cg="reject-all"]').click();
    await page.locator('a[data-consent-open]').click();
    await page.locator('[data-cg="preferences"]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-cg="preferences"]').count()).toBe(0);
    await page.evaluate(() => window.consentGate?.showPreferences());
    await page.locator('[data-cg="preferences"]').waitFor();
  });

  it('loads a locale file only for a non-English page, and shows no English first', async () => {
    const html = sitePage({ config: { ...CONFIG, language: 'de' } });
    suite.servers.page('/de', html);
    const page = await suite.context.newPage();
    const titles: string[] = [];
    await page.exposeFunction('reportTitle', (t: string) => titles.push(t));
    await page.addInitScript(() => {
      const seen = () => {
        const host = document.getElementById('consent-gate');
        const title = host?.querySelector('[data-cg="banner"] h2')?.textContent;
        if (title) (window as unknown as { reportTitle(t: string): void }).reportTitle(title);
        else requestAnimationFrame(seen);
      };
      requestAnimationFrame(seen);
    });
    const localeRequests: string[] = [];
    page.on('request', (request) => request.url().includes('/locales/') && localeRequests.push(new URL(request.url()).pathname));
    await page.goto(suite.servers.firstParty + '/de');
    await page.locator('[data-cg="banner"]').waitFor();
    await expect.poll(() => titles.length).toBeGreaterThan(0);
    expect(titles[0]).not.toBe('Cookies on this site');
    // The content-hashed name the main file carries, so a cached main file never meets a newer locale.
    expect(localeRequests).toEqual([expect.stringMatching(/^\/dist\/locales\/de\.[\w-]{8}\.json$/)]);
  });

  it('with the locale file missing, says which file to copy in one line and shows an all-English banner with lang="en"', async () => {
    suite.servers.page('/de-missing', sitePage({ config: { ...CONFIG, language: 'de' } }));
    const page = await suite.context.newPage();
    const browserLines: string[] = [];
    page.on('console', (message) => browserLines.push(message.text()));
    // The site copied consent-gate.iife.js but not dist/locales/: the server answers 404.
    await page.route('**/dist/locales/**', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' }));
    await page.goto(suite.servers.firstParty + '/de-missing');
    await page.locator('[data-cg="banner"]').waitFor();
    await expect.poll(() => suite.console.take(/locales/).length).toBe(1);
    expect(suite.console.take(/locales/)[0]).toMatch(
      /locales\/de\.[\w-]{8}\.json was not found next to the script \(HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/dist\/\): copy the whole dist\/locales\/ folder/,
    );
    // No Subresource Integrity error that reads like an attack.
    expect(browserLines.filter((line) => /integrity|SRI/i.test(line))).toEqual([]);
    const host = page.locator('#consent-gate');
    expect(await host.getAttribute('lang')).toBe('en');
    const banner = page.locator('[data-cg="banner"]');
    expect(await banner.locator('h2').textContent()).toBe('Cookies on this site');
    // English words joined the English way, not "… und …".
    // The banner's words may sit in the host's light DOM or its shadow root: read both.
    const words = await host.evaluate((node) => `${node.textContent ?? ''} ${node.shadowRoot?.textContent ?? ''}`);
    expect(words).toContain('site features, advertising, and social media features');
    expect(words).not.toMatch(/\bund\b/);
    expect(await banner.evaluate((node) => node.closest('[lang]')?.getAttribute('lang'))).toBe('en');
  });
});

describe('the script tag, opt-out mode', () => {
  const OPT_OUT = { ...CONFIG, mode: 'opt-out' };

  it('loads allowed categories at once, shows the notice, and "Got it" keeps the state', async () => {
    const page = await open(sitePage({ config: OPT_OUT }));
    await page.locator('[data-cg="banner"] [data-cg="acknowledge"]').waitFor();
    await expect.poll(() => paths().sort()).toEqual(['/t/ads.js', '/t/embed.html', '/t/pixel.gif']);
    await page.locator('[data-cg="acknowledge"]').click();
    expect((await consentCookie())?.value).toMatch(/\.k0\.functional~advertising~social\.$/);
  });

  it('the one-click opt-out denies every optional category', async () => {
    const page = await open(sitePage({ config: { ...OPT_OUT, categories: { advertising: {} } } }));
    // The shared page also has a social embed, which this config leaves out on purpose.
    suite.console.expect(/unknown category "social"/, { times: 1 });
    await page.locator('[data-cg="banner"] [data-cg="reject-all"]').click();
    expect(await page.evaluate(() => window.consentGate?.get().categories)).toEqual({ necessary: true, advertising: false });
  });

  it('with Global Privacy Control, advertising and social stay inert with no pop-up, and the dialog says so (W3C GPC, 11 CCR §7025, 11 CCR §7025(c)(6))', async () => {
    await suite.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const page = await open(sitePage({ config: OPT_OUT }));
    await settle(page);
    expect(paths()).toEqual([]);
    expect(await page.locator('[data-cg="banner"]').count()).toBe(0);
    expect((await consentCookie())?.value).toMatch(/\.g1\./);
    await page.locator('[data-cg="settings-button"]').click();
    await expect.poll(() => page.locator('#consent-gate').evaluate((host) => host.shadowRoot!.textContent)).toContain('Opt-out preference signal honored');
    expect(await page.locator('[data-cg="toggle"][data-category="advertising"]').getAttribute('aria-checked')).toBe('false');
  });
});

describe('the script tag under a nonce-based CSP (CSP Level 3 nonces)', () => {
  it(`reads its own nonce: under script-src 'nonce-…' 'strict-dynamic' it runs, after consent, the gated scripts carrying that nonce and never those without it or with another`, async () => {
    const nonce = 'c2NyaXB0LXRhZy1ub25jZQ';
    const tp = suite.servers.thirdParty;
    const run = (name: string) => `(window.__ran = window.__ran || []).push('${name}');`;
    // The decoy: a script with another nonce comes first in the page, so a library that took
    // "the first script[nonce]" instead of its own script's nonce would run nothing signed.
    const html = libraryPage({
      config: CONFIG,
      title: 'Nonce',
      nonce,
      headStart: '<script type="application/json" id="decoy" nonce="decoy-nonce">{}</script>',
      head: `<script type="text/plain" data-consent="advertising" nonce="${nonce}" src="${tp}/t/signed.js"></script>
      <script type="text/plain" data-consent="advertising" nonce="${nonce}">${run('signed-inline')}</script>
      <script type="text/plain" data-consent="advertising" src="${tp}/t/unsigned.js"></script>
      <script type="text/plain" data-consent="advertising">window.pwned = 'unsigned inline';</script>
      <script type="text/plain" data-consent="advertising" nonce="decoy-nonce" src="${tp}/t/decoy.js"></script>
      <script type="text/plain" data-consent="necessary">window.pwned = 'unsigned necessary';</script>`,
      body: '<h1>News</h1>',
    });
    suite.servers.page('/nonce', html, { 'Content-Security-Policy': `script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'` });
    await suite.context.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const page = await suite.context.newPage();
    await page.goto(suite.servers.firstParty + '/nonce');
    await page.locator('[data-cg="banner"]').waitFor();
    await settle(page);
    expect(paths()).toEqual([]);
    expect(await page.evaluate(() => [window.__ran, window.pwned])).toEqual([undefined, undefined]);

    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    // Both signed scripts have run, or the wait ends and the next line says what did run.
    await page.waitForFunction(() => (window.__ran ?? []).length >= 2, undefined, { timeout: 5_000 }).catch(() => undefined);
    await settle(page);
    expect(await page.evaluate(() => window.__ran)).toEqual(['signed', 'signed-inline']);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(paths()).toEqual(['/t/signed.js']);
    // The library itself (banner, parts) ran under the policy without a single violation.
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    // Each unsigned gated script is reported once: the unsigned tag, the unsigned inline, the decoy, the necessary one.
    expect(suite.console.take(/without the page nonce is left inert/)).toHaveLength(4);
  });
});

describe('window.ConsentGate, the factories of the script tag', () => {
  it('exposes createConsentGate and createConsent', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"]').waitFor();
    expect(await page.evaluate(() => {
      const api = (window as unknown as { ConsentGate?: Record<string, unknown> }).ConsentGate;
      return { createConsentGate: typeof api?.createConsentGate, createConsent: typeof api?.createConsent };
    })).toEqual({ createConsentGate: 'function', createConsent: 'function' });
  });

  it('createConsentGate works on a page with no config block: one interface, and its decisions gate the page', async () => {
    const tp = suite.servers.thirdParty;
    const html = libraryPage({
      title: 'Own start',
      body: `<h1>News</h1>
      <img data-consent="advertising" data-src="${tp}/t/own-pixel.gif" width="1" height="1" alt="">
      <script>
        window.mine = window.ConsentGate.createConsentGate({ mode: 'opt-in', privacyPolicyUrl: '/privacy', categories: { advertising: {} } });
      </script>`,
    });
    const page = await open(html, '/own-start');
    await page.locator('[data-cg="banner"]').first().waitFor();
    await settle(page);
    expect(await page.locator('#consent-gate').count(), 'one interface on the page').toBe(1);
    expect(await page.locator('[data-cg="banner"]').count(), 'one banner').toBe(1);
    expect(paths()).toEqual([]);

    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await expect.poll(() => paths()).toEqual(['/t/own-pixel.gif']);
    expect(await page.evaluate(() => (window as unknown as { mine: { get(): { categories: Record<string, boolean> } } }).mine.get().categories)).toEqual({ necessary: true, advertising: true });
    expect((await consentCookie())?.value).toMatch(/\.a0\.advertising\.$/);
  });

  it('createConsent (headless) works on a page with no config block: no interface, the API gates the page', async () => {
    const tp = suite.servers.thirdParty;
    const html = libraryPage({
      title: 'Headless',
      body: `<h1>News</h1>
      <iframe data-consent="social" data-src="${tp}/t/own-embed.html" width="400" height="200" title="Video"></iframe>
      <script>
        window.mine = window.ConsentGate.createConsent({ mode: 'opt-in', categories: { social: {} } });
      </script>`,
    });
    const page = await open(html, '/own-headless');
    await settle(page);
    expect(await page.locator('[data-cg="banner"]').count(), 'no banner from the headless factory').toBe(0);
    expect(paths()).toEqual([]);
    await page.evaluate(() => (window as unknown as { mine: { set(c: Record<string, boolean>): void } }).mine.set({ social: true }));
    await expect.poll(() => paths()).toEqual(['/t/own-embed.html']);
  });
});
