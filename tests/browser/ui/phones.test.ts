/**
 * Phones: the script-tag build on touch screens of 320×640 and 390×844 CSS px, on a page with
 * everything the library renders into it: the banner, a placeholder for a blocked video, the cookie
 * declaration table, and, after a withdrawal, the reload notice beside the settings button.
 *
 * Standards cited: WCAG 1.4.10 (reflow: nothing scrolls sideways at 320 px), WCAG 2.5.8 (targets:
 * the primary buttons at 44×44). Our own budget, so the page stays readable behind the banner:
 * at the bottom, at most a third of the viewport's height at 390×844 in English, fully on screen
 * at 320×640 in every language.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ConsentGateConfig } from '../../../src/types';
import { articleBody, BANNER, UI_CONFIG, useUiHarness } from '../support/ui-harness';

const ui = useUiHarness();

/** The test page's config, with declared cookies long enough to make a wide table. */
const CONFIG: ConsentGateConfig = {
  ...UI_CONFIG,
  categories: {
    functional: { cookies: [{ name: 'session_preferences_v2', purpose: 'Remembers the text size and the region you chose', lifetime: '1 year', provider: 'Example News' }] },
    advertising: { cookies: [{ name: '_fbp', purpose: 'Delivers and measures ads on this site and elsewhere', lifetime: '3 months' }, '_gcl_au'] },
    social: {},
  },
};

const PHONES = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
];

const LANGUAGES = ['en', 'es', 'it', 'de', 'pt', 'fr', 'ru', 'ja'];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const body = (thirdParty: string) => `${articleBody(thirdParty)}
<section aria-labelledby="cookies-title"><h2 id="cookies-title">Cookies we use</h2><div data-consent-cookie-table></div></section>`;

/** Opens the page on a touch phone of the given size. */
function openPhone(viewport: { width: number; height: number }, options: { lang?: string; waitFor?: 'banner' | 'host'; config?: ConsentGateConfig } = {}) {
  return ui.open({ config: { ...(options.config ?? CONFIG), language: options.lang ?? 'en' }, lang: options.lang ?? 'en', body: body(ui.servers.thirdParty), waitFor: options.waitFor, context: { viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } });
}

/** The document's width against the layout viewport: more means the page scrolls sideways. */
const sideways = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));

const inside = (box: Box, outer: Box) => box.x >= outer.x - 0.5 && box.y >= outer.y - 0.5 && box.x + box.width <= outer.x + outer.width + 0.5 && box.y + box.height <= outer.y + outer.height + 0.5;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).boundingBox();
  expect(box, `${selector} is rendered`).not.toBeNull();
  return box!;
}

/**
 * Every banner button (the choices and "Manage preferences"; "3 others" is a control inside a
 * sentence, which WCAG 2.5.8 exempts): inside the viewport without scrolling, at least 44×44, and
 * the element a tap at its centre hits.
 */
async function expectTappableButtons(page: Page, what: string): Promise<void> {
  const viewport = { x: 0, y: 0, ...page.viewportSize()! };
  const buttons = page.locator(`${BANNER} button[data-cg]`);
  expect(await buttons.count()).toBeGreaterThanOrEqual(3);
  for (const button of await buttons.all()) {
    const box = (await button.boundingBox())!;
    const name = await button.textContent();
    expect(inside(box, viewport), `${what}: "${name}" ${JSON.stringify(box)} lies inside the viewport`).toBe(true);
    expect(box.width >= 44 && box.height >= 44, `${what}: "${name}" is at least 44×44 (${box.width}×${box.height})`).toBe(true);
    await button.tap({ trial: true, timeout: 2_000 });
  }
}

describe('phones with touch: nothing scrolls sideways (WCAG 1.4.10 Reflow)', () => {
  for (const viewport of PHONES) {
    test(`${viewport.width}×${viewport.height}: with the banner, a placeholder and the cookie table, the page is no wider than the screen`, async () => {
      const { page } = await openPhone(viewport);
      await page.locator('[data-cg="placeholder"]').waitFor();
      await page.locator('[data-consent-cookie-table] table').waitFor();
      const { scrollWidth, viewport: width } = await sideways(page);
      expect(scrollWidth, 'the document scrolls sideways').toBeLessThanOrEqual(width);
      const table = await boxOf(page, '[data-consent-cookie-table] table');
      expect(table.x + table.width, 'the cookie table fits its column').toBeLessThanOrEqual(width);
      const placeholder = await boxOf(page, '[data-cg="placeholder"]');
      expect(placeholder.x + placeholder.width, 'the placeholder fits its column').toBeLessThanOrEqual(width);
    });
  }

  test('320×640: the cookie table stacks each cookie, every value labelled with its column', async () => {
    const { page } = await openPhone(PHONES[0]!);
    const row = page.locator('[data-consent-cookie-table] tbody tr').first();
    await row.waitFor();
    const cells = await row.locator('td').evaluateAll((tds) => tds.map((td) => ({ display: getComputedStyle(td).display, label: getComputedStyle(td, '::before').content })));
    expect(cells.every((cell) => cell.display === 'block')).toBe(true);
    expect(cells[0]!.label).toContain('Category');
  });
});

describe('the banner on phones (WCAG 2.5.8)', () => {
  test('390×844, English: at most a third of the viewport\'s height, every button tappable', async () => {
    const { page } = await openPhone(PHONES[1]!);
    const banner = await boxOf(page, BANNER);
    expect(banner.height, `banner height ${banner.height} of 844`).toBeLessThanOrEqual(844 / 3);
    await expectTappableButtons(page, '390×844 en');
  });

  test('390×844, English, five partners named, the others listed: still at most a third', async () => {
    const categories: ConsentGateConfig['categories'] = {
      ...CONFIG.categories,
      advertising: { ...CONFIG.categories!.advertising, vendors: [{ name: 'Google' }, { name: 'Meta' }, { name: 'Criteo' }] },
      social: { vendors: [{ name: 'LinkedIn' }, { name: 'TikTok' }] },
    };
    const { page } = await openPhone(PHONES[1]!, { config: { ...CONFIG, categories } });
    await page.getByRole('button', { name: '3 others' }).tap();
    await expect(page.evaluate(() => document.getElementById('consent-gate')!.textContent)).resolves.toContain('(Criteo, LinkedIn, and TikTok)');
    const banner = await boxOf(page, BANNER);
    expect(banner.height, `banner height ${banner.height} of 844`).toBeLessThanOrEqual(844 / 3);
    await expectTappableButtons(page, '390×844 en, five partners');
  });

  for (const lang of LANGUAGES) {
    test(`320×640, ${lang}: fully on screen without scrolling inside it, every button tappable`, async () => {
      const { page } = await openPhone(PHONES[0]!, { lang });
      const banner = await boxOf(page, BANNER);
      expect(inside(banner, { x: 0, y: 0, width: 320, height: 640 }), `banner ${JSON.stringify(banner)}`).toBe(true);
      const scrolls = await page.locator(BANNER).evaluate((node) => node.scrollHeight > node.clientHeight + 1);
      expect(scrolls, 'the banner scrolls inside itself: part of it is off screen').toBe(false);
      await expectTappableButtons(page, `320×640 ${lang}`);
    });
  }
});

describe('no two pieces of the interface overlap', () => {
  for (const viewport of PHONES) {
    test(`${viewport.width}×${viewport.height}: after a withdrawal, the reload notice, the settings button and the banner are apart, all on screen`, async () => {
      const { page } = await openPhone(viewport);
      await page.locator(`${BANNER} [data-cg="accept-all"]`).tap();
      await page.locator('[data-cg="settings-button"]').waitFor();
      await page.evaluate(() => (window as unknown as { consentGate: { set(c: Record<string, boolean>): void } }).consentGate.set({ advertising: false }));
      await page.locator('[data-cg="reload-notice"]').waitFor();
      const screen = { x: 0, y: 0, ...viewport };
      const notice = await boxOf(page, '[data-cg="reload-notice"]');
      const settings = await boxOf(page, '[data-cg="settings-button"]');
      expect(inside(notice, screen), `notice ${JSON.stringify(notice)} on screen`).toBe(true);
      expect(overlap(notice, settings), `notice ${JSON.stringify(notice)} and settings button ${JSON.stringify(settings)}`).toBe(false);
      expect(settings.width >= 44 && settings.height >= 44, 'the settings button is at least 44×44').toBe(true);
      for (const button of await page.locator('[data-cg="reload-notice"] button').all()) {
        const box = (await button.boundingBox())!;
        expect(box.height, 'reload notice buttons are at least 44 px tall').toBeGreaterThanOrEqual(44);
      }
      // Reset brings the banner back while the notice is still up: they must not cover each other.
      await page.evaluate(() => (window as unknown as { consentGate: { reset(): void } }).consentGate.reset());
      await page.locator(BANNER).waitFor();
      const banner = await boxOf(page, BANNER);
      const again = await boxOf(page, '[data-cg="reload-notice"]');
      expect(overlap(again, banner), `notice ${JSON.stringify(again)} and banner ${JSON.stringify(banner)}`).toBe(false);
      expect(inside(again, screen), `notice ${JSON.stringify(again)} on screen`).toBe(true);
    });
  }
});
