/**
 * The banner's first layer as a visitor, a crawler and a regulator's tool see it. Compliance
 * scanners read the page with `document.querySelectorAll` and never enter a shadow root, so the
 * banner's words (the text, the partners, the privacy-policy link) are light-DOM children of the
 * host, slotted into the shadow banner: one copy, shown in the banner.
 *
 * Standards cited: GDPR Art. 13 (before the choice: purposes and the third parties), GDPR Art.
 * 7(3) (how to withdraw), CCPA/CPRA §7025 and Civ. Code §1798.135 (opt-out notice in the law's
 * words: "sell or share"), WCAG 2.1.1, 2.1.2 and 2.4.3 (keyboard), axe-core's WCAG 2.2 A/AA rules.
 *
 * Build first: `npm run build`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ConsentGateConfig } from '../../../src/types';
import { BANNER, UI_CONFIG, describeFindings, focusInfo, pressUntil, runAxe, useUiHarness } from '../support/ui-harness';

const ui = useUiHarness();

/** Five vendors, Meta in two categories, Stripe under necessary (not a partner the banner names). */
const VENDOR_CONFIG: ConsentGateConfig = {
  ...UI_CONFIG,
  categories: {
    necessary: { vendors: [{ name: 'Stripe' }] },
    functional: {},
    advertising: { cookies: ['_fbp'], vendors: [{ name: 'Google' }, { name: 'Meta' }, { name: 'Criteo' }] },
    social: { vendors: [{ name: 'Meta' }, { name: 'LinkedIn' }, { name: 'TikTok' }] },
  },
};

/** What a crawler finds with `document.querySelectorAll` alone, never entering a shadow root. */
function crawl(page: Page) {
  return page.evaluate(() => ({
    text: Array.from(document.querySelectorAll('#consent-gate')).map((host) => host.textContent ?? '').join(''),
    policy: Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]')).find((link) => link.textContent === 'Privacy policy')?.getAttribute('href') ?? null,
  }));
}

/**
 * What a compliance scanner reads: the banner's landmark (role region or dialog, named as the
 * banner is; found even inside shadow roots, to be generous to the scanner) and that element's
 * `textContent`, which does not enter shadow roots. `light` says whether `document.querySelectorAll`
 * alone finds it.
 */
function landmarkText(page: Page, name: string) {
  return page.evaluate((name) => {
    const found: Element[] = [];
    const search = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        const role = element.getAttribute('role') ?? (element.localName === 'section' && element.hasAttribute('aria-label') ? 'region' : element.localName === 'dialog' ? 'dialog' : null);
        if ((role === 'region' || role === 'dialog') && element.getAttribute('aria-label') === name) found.push(element);
        if (element.shadowRoot) search(element.shadowRoot);
      }
    };
    search(document);
    const light = Array.from(document.querySelectorAll('[aria-label]')).filter((element) => element.getAttribute('aria-label') === name);
    return { count: found.length, light: found.length > 0 && light.includes(found[0]!), text: found[0]?.textContent ?? '' };
  }, name);
}

describe('the landmark holds the whole first layer, as a crawler reads it', () => {
  test('the textContent of the element with the banner\'s role and name has the purposes, partners, withdrawal, retention, policy link and every button', async () => {
    const { page } = await ui.open();
    const landmark = await landmarkText(page, 'Cookie consent');
    expect(landmark.count).toBe(1);
    for (const words of [
      'Cookies on this site',
      'We and our partners, including ad and social networks, would like to use cookies',
      'for site features, advertising, and social media features.',
      'You can change or withdraw your choice at any time in “Cookie settings”.',
      'We keep your choice for 6 months.',
      'Privacy policy',
      'Accept all',
      'Reject all',
      'Manage preferences',
    ]) {
      expect(landmark.text).toContain(words);
    }
    expect(landmark.light, 'found by document.querySelectorAll, without entering a shadow root').toBe(true);
  });

  test('in opt-out mode and in German too', async () => {
    const optOut = await landmarkText((await ui.open({ config: { ...UI_CONFIG, mode: 'opt-out', closeButton: true } })).page, 'Cookie consent');
    expect(optOut.text).toContain('may sell or share your personal information');
    for (const words of ['Got it', 'Do not sell or share my personal information', 'Manage preferences', 'Continue without accepting', 'We keep your choice for 6 months.']) expect(optOut.text).toContain(words);
    const german = await landmarkText((await ui.open({ config: { ...UI_CONFIG, language: 'de', cookie: { days: 30 } } })).page, 'Cookie-Einwilligung');
    for (const words of ['Wir und unsere Partner', 'Wir speichern Ihre Wahl 1 Monat lang.', 'Alle akzeptieren', 'Alle ablehnen']) expect(german.text).toContain(words);
  });
});

describe('the first layer is in the light DOM (GDPR Art. 13)', () => {
  test('document.querySelectorAll finds the text with purposes, partners and withdrawal, and the privacy-policy link', async () => {
    const { page } = await ui.open({ config: VENDOR_CONFIG });
    const found = await crawl(page);
    expect(found.policy).toBe('/privacy');
    expect(found.text).toContain('We and our partners, including Google, Meta, and 3 others, would like to use cookies for site features, advertising, and social media features.');
    expect(found.text).toContain('You can change or withdraw your choice at any time in “Cookie settings”.');
    expect(found.text).not.toContain('Stripe');
  });

  test('the words are shown inside the banner, once, and leave the light DOM with it', async () => {
    const { page } = await ui.open({ config: VENDOR_CONFIG });
    const shown = await page.evaluate((banner) => {
      const host = document.getElementById('consent-gate')!;
      const section = host.querySelector(banner)!;
      const range = document.createRange();
      range.selectNodeContents(section.querySelector('span')!);
      const words = range.getBoundingClientRect();
      const box = section.getBoundingClientRect();
      return {
        onlyChild: host.childNodes.length === 1 && host.firstChild === section,
        assigned: section.querySelector('span')!.assignedSlot !== null,
        copiesInShadow: [host.shadowRoot!, section.shadowRoot!].some((root) => root.textContent!.includes('We and our partners')),
        inside: words.height > 0 && words.top >= box.top && words.bottom <= box.bottom && words.left >= box.left && words.right <= box.right,
      };
    }, BANNER);
    expect(shown).toEqual({ onlyChild: true, assigned: true, copiesInShadow: false, inside: true });
    await page.locator(`${BANNER} [data-cg="reject-all"]`).click();
    await page.locator(BANNER).waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.getElementById('consent-gate')!.childNodes.length)).resolves.toBe(0);
  });

  test('page CSS cannot hide, move or restyle the banner or its words, even with !important in a cascade layer', async () => {
    const { page } = await ui.open({ config: VENDOR_CONFIG });
    const hostile = 'section, [role=region], h2, span, a, button { display: none !important; position: static !important; color: red !important; font-size: 40px !important }';
    await page.addStyleTag({ content: `@layer page { ${hostile} } ${hostile}` });
    const styles = await page.evaluate((banner) => {
      const section = document.querySelector(`#consent-gate > ${banner}`)!;
      return [section, ...section.querySelectorAll('*')].map((element) => {
        const { display, position, color, fontSize } = getComputedStyle(element);
        return { tag: element.localName, display, position, red: color === 'rgb(255, 0, 0)', big: fontSize === '40px' };
      });
    }, BANNER);
    expect(styles.map((style) => style.tag)).toEqual(['section', 'h2', 'span', 'button', 'span', 'a', 'button', 'button', 'button']);
    expect(styles[0]).toMatchObject({ display: 'block', position: 'fixed' });
    for (const style of styles) expect(style).toMatchObject({ red: false, big: false });
    expect(styles.filter((style) => style.display === 'none')).toEqual([]);
  });

  test('the other partners are one press away: Tab reaches "3 others", Enter lists them, Enter again folds them', async () => {
    const { page } = await ui.open({ config: VENDOR_CONFIG });
    const presses = await pressUntil(page, 'Tab', (focus) => focus.inBanner && focus.text === '3 others', 6);
    expect(presses).toBeLessThanOrEqual(2);
    const more = page.getByRole('button', { name: '3 others' });
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('Enter');
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
    expect((await crawl(page)).text).toContain('including Google, Meta, and 3 others (Criteo, LinkedIn, and TikTok), would like');
    expect((await focusInfo(page)).text).toBe('3 others');
    await page.keyboard.press('Enter');
    expect((await crawl(page)).text).not.toContain('Criteo');
  });

  for (const mode of ['opt-in', 'opt-out'] as const) {
    test(`axe finds no violation with the partners listed, ${mode} (axe-core, WCAG 2.2 A/AA)`, async () => {
      const { page } = await ui.open({ config: { ...VENDOR_CONFIG, mode } });
      await page.getByRole('button', { name: '3 others' }).click();
      const outcome = await runAxe(page);
      expect(outcome.violations, describeFindings(outcome.violations)).toEqual([]);
    });
  }

  test('opt-out mode says it in the words US state privacy laws use ("sell or share", Civ. Code §1798.135)', async () => {
    const { page } = await ui.open({ config: { ...VENDOR_CONFIG, mode: 'opt-out' } });
    expect((await crawl(page)).text).toContain(
      'use cookies for site features, advertising, and social media features, and may sell or share your personal information. You can opt out at any time, here or in “Cookie settings”.',
    );
    await expect(page.locator(`${BANNER} [data-cg="reject-all"]`).textContent()).resolves.toBe('Do not sell or share my personal information');
  });

  test('"Got it" is still described by the slotted text in the accessibility tree (WCAG 2.5.3)', async () => {
    const { page } = await ui.open({ config: { ...VENDOR_CONFIG, mode: 'opt-out' } });
    await page.locator(`${BANNER} [data-cg="acknowledge"]`).waitFor();
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value: string }; name?: { value: string }; description?: { value: string } }> };
    const gotIt = nodes.find((node) => node.role?.value === 'button' && node.name?.value === 'Got it');
    // Chromium puts a space after the inline "3 others" button; screen readers do not read it.
    const description = gotIt?.description?.value.replace(/ ,/g, ',');
    expect(description).toContain('We and our partners, including Google, Meta, and 3 others, use cookies for site features');
    expect(description).toContain('You can opt out at any time');
  });

  test('the words carry the banner language for screen readers, on a page in another language', async () => {
    const { page } = await ui.open({ config: { ...VENDOR_CONFIG, language: 'de' }, lang: 'fr' });
    const found = await page.evaluate(() => ({ lang: document.getElementById('consent-gate')!.lang, text: document.getElementById('consent-gate')!.textContent }));
    expect(found.lang).toBe('de');
    expect(found.text).toContain('Wir und unsere Partner, darunter Google, Meta und 3 weitere, möchten Cookies');
  });
});
