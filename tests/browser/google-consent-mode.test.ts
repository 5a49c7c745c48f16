// Google Consent Mode v2 in real Chromium: the gcm drop-in build pushes `consent default` before
// the page's own gtag calls, then updates after a click, after a withdrawal, and for a returning
// visitor before the page's `gtag('js')` runs; every entry is an `arguments` object, as gtag.js
// reads them. The default build carries none of it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { libraryPage } from './support/pages';
import { useBrowserSuite } from './support/suite';

const suite = useBrowserSuite();

const CONFIG = { googleConsentMode: true, categories: { analytics: {}, advertising: {} } };

function sitePage(script = '/dist/consent-gate.gcm.iife.js', config: object = CONFIG): string {
  return libraryPage({
    config,
    title: 'GCM',
    headStart: `<script>window.dataLayer = [{ event: 'pushed-before' }];</script>`,
    script: `<script src="${script}"></script>`,
    head: `<script>
    function gtag(){ dataLayer.push(arguments); }
    gtag('js', new Date());
    gtag('config', 'G-TEST');
  </script>`,
    body: '<p>Page</p>',
  });
}

/** The dataLayer, each gtag call as ['args', …] and whether it was an arguments object. */
async function layer(page: Page): Promise<unknown[]> {
  return page.evaluate(() =>
    (window as unknown as { dataLayer: unknown[] }).dataLayer.map((entry) => {
      if (Object.prototype.toString.call(entry) !== '[object Arguments]') return entry;
      const [kind, name, params] = Array.from(entry as ArrayLike<unknown>);
      return ['args', kind, kind === 'js' ? 'date' : name, params];
    }),
  );
}

// The page has no functional category: functionality_storage counts as necessary, and
// personalization_storage follows "every optional category allowed", so nothing is stuck.
const DENIED = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', functionality_storage: 'granted', personalization_storage: 'denied', security_storage: 'granted' };
const GRANTED = { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted', security_storage: 'granted' };

describe('Google Consent Mode v2 with the gcm build', () => {
  it('default comes after what the page pushed and before its gtag calls; update after a click and after a withdrawal', async () => {
    suite.servers.page('/gcm', sitePage());
    const page = await suite.context.newPage();
    await page.goto(`${suite.servers.firstParty}/gcm`);
    await page.locator('[data-cg="banner"]').waitFor();
    expect(await layer(page)).toEqual([
      { event: 'pushed-before' },
      ['args', 'consent', 'default', DENIED],
      ['args', 'js', 'date', undefined],
      ['args', 'config', 'G-TEST', undefined],
    ]);
    await page.locator('[data-cg="accept-all"]').click();
    await page.evaluate(() => (window as unknown as { consentGate: { set(c: object): void } }).consentGate.set({ advertising: false }));
    const after = (await layer(page)).slice(4);
    expect(after).toEqual([
      ['args', 'consent', 'update', GRANTED],
      { event: 'consent_gate_update', consent_gate: { categories: { necessary: true, analytics: true, advertising: true }, method: 'accept-all' } },
      ['args', 'consent', 'update', { ...GRANTED, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', personalization_storage: 'denied' }],
      { event: 'consent_gate_update', consent_gate: { categories: { necessary: true, analytics: true, advertising: false }, method: 'custom' } },
    ]);
  });

  it("a returning visitor's update follows the default at once, before the page's gtag('js')", async () => {
    suite.servers.page('/gcm-return', sitePage());
    const page = await suite.context.newPage();
    await page.goto(`${suite.servers.firstParty}/gcm-return`);
    await page.locator('[data-cg="accept-all"]').click();
    await page.reload();
    await page.locator('[data-cg="settings-button"]').waitFor();
    const entries = await layer(page);
    expect(entries.slice(0, 5)).toEqual([
      { event: 'pushed-before' },
      ['args', 'consent', 'default', DENIED],
      ['args', 'consent', 'update', GRANTED],
      expect.objectContaining({ event: 'consent_gate_update' }),
      ['args', 'js', 'date', undefined],
    ]);
  });

  it('the default build knows nothing of Consent Mode: the config is reported and everything stays gated', async () => {
    suite.servers.page('/gcm-default-build', sitePage('/dist/consent-gate.iife.js'));
    const page = await suite.context.newPage();
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await page.goto(`${suite.servers.firstParty}/gcm-default-build`);
    await expect.poll(() => messages.some((m) => m.includes('consent-gate.gcm.iife.js'))).toBe(true);
    expect(suite.console.take(/consent-gate\.gcm\.iife\.js/)).toHaveLength(1);
    expect((await layer(page)).some((entry) => Array.isArray(entry) && entry[1] === 'consent')).toBe(false);
  });
});
