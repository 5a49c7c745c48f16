// End-to-end flows against the built script tag (dist/consent-gate.iife.js), the way a site owner
// uses it: JSON config block, one synchronous <script> in <head>, inert third-party tags.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { PROJECT_ROOT, startServers, type Servers } from './support/servers';

let browser: Browser;
let servers: Servers;
let context: BrowserContext;

const CONFIG = { mode: 'opt-in', revision: 1, privacyPolicyUrl: '/privacy', categories: { functional: {}, advertising: { cookies: ['ad_id'] }, social: {} } };

function sitePage({ config = CONFIG as object, head = '', body = '', script = '<script src="/dist/consent-gate.iife.js"></script>' } = {}): string {
  const tp = servers.thirdParty;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title>
  <script type="application/json" id="consent-gate-config">${JSON.stringify(config)}</script>
  ${script}
  <script type="text/plain" data-consent="advertising" src="${tp}/t/ads.js"></script>
  ${head}</head><body>
  <h1>News</h1><p>Text</p>
  <iframe data-consent="social" data-src="${tp}/t/embed.html" width="400" height="200" title="Video"></iframe>
  <img data-consent="advertising" data-src="${tp}/t/pixel.gif" width="1" height="1" alt="">
  <a href="#" data-consent-open>Cookie settings</a>
  ${body}</body></html>`;
}

async function open(html: string, path = '/'): Promise<Page> {
  servers.page(path, html);
  const page = await context.newPage();
  await page.goto(servers.firstParty + path);
  return page;
}

const paths = () => servers.requests().map((r) => r.path.replace(/\?.*$/, ''));
const settle = (page: Page, ms = 600) => page.waitForTimeout(ms);
const consentCookie = async () => (await context.cookies()).find((c) => c.name === 'consent_gate');

beforeAll(async () => {
  browser = await launchBrowser();
  servers = await startServers({ projectRoot: PROJECT_ROOT });
});
afterAll(async () => {
  await browser?.close();
  await servers?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  servers.clearRequests();
});
afterEach(async () => {
  await context.close();
});

describe('the script tag, opt-in mode', () => {
  it('shows the banner and loads nothing gated before a choice (GDPR-1, GDPR-5)', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"]').waitFor();
    await page.mouse.wheel(0, 400);
    await settle(page, 800);
    expect(paths()).toEqual([]);
    expect(await consentCookie()).toBeUndefined();
  });

  it('accept all: everything loads once, the banner goes, and a reload keeps it (persistence)', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await page.waitForFunction(() => (window as unknown as { __ran?: string[] }).__ran?.includes('ads'));
    await expect.poll(() => paths().sort()).toEqual(['/t/ads.js', '/t/embed.html', '/t/pixel.gif']);
    await expect.poll(() => page.locator('[data-cg="banner"]').count()).toBe(0);
    servers.clearRequests();
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

  it('custom choice in the dialog: only social loads (GDPR-8)', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="manage"]').click();
    await page.locator('[data-cg="toggle"][data-category="social"]').click();
    await page.locator('[data-cg="save"]').click();
    await expect.poll(() => paths()).toEqual(['/t/embed.html']);
    await settle(page);
    expect(paths()).toEqual(['/t/embed.html']);
    expect((await consentCookie())?.value).toMatch(/\.c0\.social\./);
  });

  it('withdraw from the settings button: the ad cookie is deleted and a reload is offered (GDPR-10, GDPR-11)', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await page.waitForFunction(() => document.cookie.includes('ads=1'));
    await page.evaluate(() => (document.cookie = 'ad_id=42; path=/'));
    await page.locator('[data-cg="settings-button"]').click();
    await page.locator('[data-cg="toggle"][data-category="advertising"]').click();
    await page.locator('[data-cg="save"]').click();
    await expect.poll(() => page.evaluate(() => document.cookie)).not.toContain('ad_id=');
    await expect(page.getByText('Reload page')).toBeDefined();
    expect(await page.locator('#consent-gate').evaluate((host) => host.shadowRoot!.textContent)).toContain('Reload page');
  });

  it('raising the revision asks again (GDPR-13)', async () => {
    const page = await open(sitePage());
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await page.close();
    servers.clearRequests();
    const next = await open(sitePage({ config: { ...CONFIG, revision: 2 } }), '/v2');
    await next.locator('[data-cg="banner"]').waitFor();
    await settle(next);
    expect(paths()).toEqual([]);
  });

  it('a tampered cookie means no decision: the banner shows and nothing crashes (CK-5)', async () => {
    await context.addCookies([{ name: 'consent_gate', value: '1.1.zz.not-a-uuid.a0.functional~advertising~social.', url: servers.firstParty }]);
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    servers.page('/', sitePage());
    await page.goto(servers.firstParty + '/');
    await page.locator('[data-cg="banner"]').waitFor();
    await settle(page);
    expect(paths()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('an invalid config logs the full error and the page keeps working with everything gated', async () => {
    const messages: string[] = [];
    const page = await context.newPage();
    page.on('console', (message) => messages.push(message.text()));
    servers.page('/', sitePage({ config: { mode: 'opt-inn', categories: { Ads: {} } }, body: '<script>window.pageStillRuns = true</script>' }));
    await page.goto(servers.firstParty + '/');
    await settle(page);
    const error = messages.find((m) => m.includes('[consent-gate]'));
    expect(error).toContain('mode: "opt-inn" is not allowed');
    expect(error).toContain('categories.Ads');
    expect(await page.evaluate(() => (window as unknown as { pageStillRuns?: boolean }).pageStillRuns)).toBe(true);
    expect(paths()).toEqual([]);
  });

  it('starts once when included twice', async () => {
    const page = await open(sitePage({ script: '<script src="/dist/consent-gate.iife.js"></script><script src="/dist/consent-gate.iife.js"></script>' }));
    await page.locator('[data-cg="banner"]').waitFor();
    await settle(page, 200);
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
    const tp = servers.thirdParty;
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

  it('two tabs: a decision in one applies in the other without reload (contract section 5)', async () => {
    const first = await open(sitePage());
    const second = await context.newPage();
    await second.goto(servers.firstParty + '/');
    await second.locator('[data-cg="banner"]').waitFor();
    await first.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await expect.poll(() => second.evaluate(() => window.consentGate?.get().decided)).toBe(true);
    await expect.poll(() => second.locator('[data-cg="banner"]').count()).toBe(0);
    expect(await second.evaluate(() => document.querySelector('iframe')?.getAttribute('src'))).toContain('/t/embed.html');
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
    servers.page('/de', html);
    const page = await context.newPage();
    const titles: string[] = [];
    await page.exposeFunction('reportTitle', (t: string) => titles.push(t));
    await page.addInitScript(() => {
      const seen = () => {
        const host = document.getElementById('consent-gate');
        const title = host?.shadowRoot?.querySelector('[data-cg="banner"] h2')?.textContent;
        if (title) (window as unknown as { reportTitle(t: string): void }).reportTitle(title);
        else requestAnimationFrame(seen);
      };
      requestAnimationFrame(seen);
    });
    const localeRequests: string[] = [];
    page.on('request', (request) => request.url().includes('/locales/') && localeRequests.push(new URL(request.url()).pathname));
    await page.goto(servers.firstParty + '/de');
    await page.locator('[data-cg="banner"]').waitFor();
    await expect.poll(() => titles.length).toBeGreaterThan(0);
    expect(titles[0]).not.toBe('Cookies on this site');
    // The content-hashed name the main file carries, so a cached main file never meets a newer locale.
    expect(localeRequests).toEqual([expect.stringMatching(/^\/dist\/locales\/de\.[\w-]{8}\.json$/)]);
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
    await page.locator('[data-cg="banner"] [data-cg="reject-all"]').click();
    expect(await page.evaluate(() => window.consentGate?.get().categories)).toEqual({ necessary: true, advertising: false });
  });

  it('with Global Privacy Control, advertising and social stay inert with no pop-up, and the dialog says so (GPC-1/2/3)', async () => {
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
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
