/**
 * Cookies on other domains than the page's own host, in real Chromium (README, "The consent
 * cookie"):
 * - a `cookie.domain` the browser refuses falls back to a host-only consent cookie, said once;
 * - a consent cookie a sibling subdomain plants on the parent domain is never adopted (cookie
 *   tossing), neither when the page loads nor when another tab announces a change;
 * - withdrawal deletes a declared cookie wherever it lives: host-only, on the host as a domain,
 *   on a parent domain, each on `/` and on a path prefix (RFC 6265 §5.3).
 *
 * The first party runs on `127.0.0.1`, which has no parent domain, so Chromium maps
 * `www.example.test` and `example.test` to it (`--host-resolver-rules`): the page is served at
 * `http://www.example.test:<port>/shop/cart`, and `.example.test` is a real parent domain.
 *
 * Build first: `npm run build`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CleanupReport } from '../../src/types';
import { headlessPage, libraryPage } from './support/pages';
import { settled } from './support/settle';
import { useBrowserSuite } from './support/suite';

const HOST = 'www.example.test';
const PARENT = 'example.test';
/** A sibling subdomain: another site under the same parent (a user's blog, a hacked marketing host). */
const SIBLING = 'a.example.test';

const suite = useBrowserSuite({ launch: { args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP ${PARENT} 127.0.0.1, MAP ${SIBLING} 127.0.0.1`] } });

/** The first party under the mapped host name: `http://www.example.test:<port>`. */
const mapped = () => suite.servers.firstParty.replace('127.0.0.1', HOST);

const paths = () => suite.servers.requests().map((request) => request.path);

describe('a cookie.domain the browser refuses (README, "The consent cookie"; RFC 6265 §5.3)', () => {
  /** The script tag with `cookie.domain` set to a domain that is not a parent of the page's host. */
  function sitePage(): string {
    const config = { mode: 'opt-in', privacyPolicyUrl: '/privacy', cookie: { domain: 'example.org' }, categories: { advertising: {} } };
    return libraryPage({ config, title: 'Domain', body: `<img data-consent="advertising" data-src="${suite.servers.thirdParty}/t/pixel.gif" width="1" height="1" alt="">` });
  }

  it('falls back to a host-only consent cookie, warns once naming the domain, and the decision works and persists', async () => {
    suite.servers.page('/domain', sitePage());
    const page = await suite.context.newPage();
    await page.goto(`${suite.servers.firstParty}/domain`);
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await expect.poll(paths).toEqual(['/t/pixel.gif']);

    const cookies = (await suite.context.cookies()).filter((cookie) => cookie.name === 'consent_gate');
    // Host-only: Chromium reports the bare host (a Domain cookie would read ".127.0.0.1" or ".example.org").
    expect(cookies.map(({ domain, path }) => ({ domain, path }))).toEqual([{ domain: '127.0.0.1', path: '/' }]);
    expect(cookies[0]!.value).toMatch(/\.a0\.advertising\.$/);

    // A second write (another decision) does not warn again.
    await page.evaluate(() => window.consentGate!.rejectAll());
    await expect.poll(async () => (await suite.context.cookies()).find((cookie) => cookie.name === 'consent_gate')?.value).toMatch(/\.r0\.\.advertising$/);
    await page.evaluate(() => window.consentGate!.acceptAll());

    // The decision persists for this host: no banner after a reload, the pixel loads again.
    suite.servers.clearRequests();
    await page.reload();
    await expect.poll(paths).toEqual(['/t/pixel.gif']);
    expect(await page.locator('[data-cg="banner"]').count()).toBe(0);
    expect(await page.evaluate(() => window.consentGate!.get().method)).toBe('accept-all');

    // Said once per page view, naming the refused domain and the host.
    const warnings = suite.console.take(/cookie\.domain/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"example.org"');
    expect(warnings[0]).toContain('127.0.0.1');
  });
});

describe(`a cookie.domain that is a parent of the page's host (${PARENT})`, () => {
  it(`stores the decision on .${PARENT} with no warning, and reset() forgets it there too (RFC 6265 §5.4)`, async () => {
    suite.servers.page('/shop/cart', headlessPage({ config: { cookie: { domain: PARENT }, categories: { advertising: {} } } }));
    const page = await openMapped('/shop/cart');
    await page.evaluate(() => window.gate!.acceptAll());
    const consent = async () => (await suite.context.cookies()).filter((cookie) => cookie.name === 'consent_gate').map(({ domain, path }) => ({ domain, path }));
    expect(await consent()).toEqual([{ domain: `.${PARENT}`, path: '/' }]);
    await page.evaluate(() => window.gate!.reset());
    expect(await consent()).toEqual([]);
  });
});

/** Opens `path` on the mapped host and waits for the headless instance. */
async function openMapped(path: string): Promise<Page> {
  const page = await suite.context.newPage();
  await page.goto(mapped() + path);
  await page.waitForFunction(() => window.gate !== undefined || window.gateError !== undefined);
  const error = await page.evaluate(() => window.gateError);
  if (error) throw new Error(`createConsent failed in the page: ${error}`);
  expect(await page.evaluate(() => location.hostname)).toBe(HOST);
  return page;
}

describe('withdrawal deletes a declared cookie on every domain and path it may live on (RFC 6265 §5.3)', () => {
  it(`host-only, Domain=${HOST} and Domain=${PARENT}, each on / and /shop: all copies are gone, other cookies stay`, async () => {
    suite.servers.page('/shop/cart', headlessPage({ config: { categories: { advertising: { cookies: ['_fbp'] }, social: {} } } }));
    const page = await openMapped('/shop/cart');
    await page.evaluate(() => {
      window.__reports = [];
      window.gate!.on('reload-required', (report) => window.__reports!.push(report));
      window.gate!.acceptAll();
    });

    // What an ad tag might leave behind: the same name in six places, set from the page itself.
    await page.evaluate(
      ({ host, parent }) => {
        for (const path of ['/', '/shop']) {
          document.cookie = `_fbp=host-only${path}; path=${path}`;
          document.cookie = `_fbp=host-domain${path}; domain=${host}; path=${path}`;
          document.cookie = `_fbp=parent${path}; domain=${parent}; path=${path}`;
        }
        // Not declared by any category: must survive.
        document.cookie = `site_pref=dark; domain=${parent}; path=/`;
      },
      { host: HOST, parent: PARENT },
    );
    const copies = async () =>
      (await suite.context.cookies())
        .filter((cookie) => cookie.name === '_fbp')
        .map(({ domain, path, value }) => `${domain} ${path} ${value}`)
        .sort();
    expect(await copies(), 'six copies before withdrawal').toEqual([
      `.${HOST} / host-domain/`,
      `.${HOST} /shop host-domain/shop`,
      `.${PARENT} / parent/`,
      `.${PARENT} /shop parent/shop`,
      `${HOST} / host-only/`,
      `${HOST} /shop host-only/shop`,
    ].sort());

    await page.evaluate(() => window.gate!.set({ advertising: false }));
    await page.waitForFunction(() => window.__reports!.length > 0);

    expect(await copies(), 'no copy left after withdrawal').toEqual([]);
    const report = (await page.evaluate(() => window.__reports![0]!)) as CleanupReport;
    expect(report).toMatchObject({ categories: ['advertising'], deleted: ['_fbp'], remaining: [] });
    expect((await suite.context.cookies()).map((cookie) => `${cookie.name} ${cookie.domain}`).sort()).toEqual([`consent_gate ${HOST}`, `site_pref .${PARENT}`]);
  });
});

describe('cookie tossing: a consent cookie planted on the parent domain by a sibling subdomain', () => {
  const config = { mode: 'opt-in', privacyPolicyUrl: '/privacy', log: { endpoint: '/consent' }, categories: { advertising: {} } };
  const sitePage = () => libraryPage({ config, title: 'Tossing', body: '<h1>Site</h1>' });

  /** Every record the log part posts, by method. */
  async function logged(): Promise<string[]> {
    const methods: string[] = [];
    await suite.context.route('**/consent', async (route) => {
      methods.push((JSON.parse(route.request().postData() ?? '{}') as { method?: string }).method ?? '?');
      await route.fulfill({ status: 204 });
    });
    return methods;
  }

  /** From the sibling host: an accept-all for the same config on Domain=example.test, two minutes ahead. */
  async function plant(visitorValue: string): Promise<string> {
    const parts = visitorValue.split('.');
    const ahead = (Math.floor(Date.now() / 1000) + 120).toString(36);
    const planted = [parts[0], parts[1], ahead, '0b7e1f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b', 'a0', 'advertising', ''].join('.');
    const sibling = await suite.context.newPage();
    await sibling.goto(`${suite.servers.firstParty.replace('127.0.0.1', SIBLING)}/plain`);
    await sibling.evaluate(({ value, parent }) => {
      document.cookie = `consent_gate=${value}; domain=${parent}; path=/; max-age=3600`;
    }, { value: planted, parent: PARENT });
    await sibling.close();
    expect((await suite.context.cookies()).filter((c) => c.name === 'consent_gate').map((c) => c.domain).sort()).toEqual([`.${PARENT}`, HOST]);
    return planted;
  }

  const consentCookies = async () => (await suite.context.cookies()).filter((c) => c.name === 'consent_gate').map((c) => `${c.domain} ${c.value}`);

  it('the visitor who rejected keeps "reject all" on the next page view, and no record is logged for the planted one', async () => {
    suite.servers.page('/tossing', sitePage());
    suite.servers.page('/plain', '<!doctype html><title>Sibling</title>');
    const methods = await logged();
    const page = await suite.context.newPage();
    await page.goto(`${mapped()}/tossing`);
    await page.locator('[data-cg="banner"] [data-cg="reject-all"]').click();
    await expect.poll(() => methods).toEqual(['reject-all']);
    const visitor = (await suite.context.cookies()).find((c) => c.name === 'consent_gate')!.value;
    const id = await page.evaluate(() => window.consentGate!.get().id);

    await plant(visitor);
    await page.reload();
    await page.waitForFunction(() => window.consentGate !== undefined);
    expect(await page.evaluate(() => window.consentGate!.get().method)).toBe('reject-all');
    expect(await page.evaluate(() => window.consentGate!.get().id)).toBe(id);
    expect(await page.locator('[data-cg="banner"]').count()).toBe(0);
    // The planted copy was expired on the parent domain; the visitor's own is untouched.
    expect(await consentCookies()).toEqual([`${HOST} ${visitor}`]);
    // A post would follow the log part's arrival: wait until every part the page asked for has
    // loaded, then for a round trip through the same server, and check it posted nothing new.
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLScriptElement>('script[src*="/dist/parts/"]')].every((script) => performance.getEntriesByName(script.src).length > 0),
    );
    await settled(page, mapped());
    expect(methods).toEqual(['reject-all']);
  });

  it("another tab's announcement adopts what this origin wrote, not a copy planted meanwhile", async () => {
    suite.servers.page('/tossing', sitePage());
    suite.servers.page('/plain', '<!doctype html><title>Sibling</title>');
    const methods = await logged();
    const first = await suite.context.newPage();
    await first.goto(`${mapped()}/tossing`);
    await first.locator('[data-cg="banner"] [data-cg="reject-all"]').click();
    await expect.poll(() => methods).toEqual(['reject-all']);
    const second = await suite.context.newPage();
    await second.goto(`${mapped()}/tossing`);
    await second.waitForFunction(() => window.consentGate?.get().method === 'reject-all');

    await plant((await suite.context.cookies()).find((c) => c.name === 'consent_gate')!.value);
    // The visitor changes their mind in the first tab: the second tab follows that decision.
    await first.evaluate(() => window.consentGate!.set({ advertising: false }));
    await expect.poll(() => second.evaluate(() => window.consentGate!.get().method)).toBe('custom');
    expect(await second.evaluate(() => window.consentGate!.get().id)).toBe(await first.evaluate(() => window.consentGate!.get().id));
    expect(await first.evaluate(() => window.consentGate!.get().method)).toBe('custom');
    // Each tab may deliver the shared queue's record (a replay the receiver answers as one).
    await expect.poll(() => [...new Set(methods)]).toEqual(['reject-all', 'custom']);
  });
});
