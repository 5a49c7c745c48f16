/**
 * Keyboard-only use of the interface in real headless Chromium, through the script-tag build on
 * a realistic article page: the banner comes first in the tab order and does not trap focus, the
 * preferences dialog is modal (focus moves in, Tab and Shift+Tab stay inside, Escape closes and
 * returns focus), a custom choice can be saved and withdrawn from the keyboard alone, and the
 * page's focused element is never hidden behind the banner.
 *
 * Standards cited: WAI-ARIA APG dialog pattern and WCAG 2.4.3 (focus management), WCAG
 * 2.1.1/2.1.2 (everything by keyboard, no trap in the banner), WCAG 2.4.11 (Focus Not Obscured),
 * WCAG 4.1.3 (status message after save), WCAG 1.3.2 (the banner first in the tab sequence), GDPR
 * Recital 32 (closing records nothing), GDPR Art. 7(3) (re-open controls).
 *
 * Build first: `npm run build`.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BANNER, DIALOG, focusInfo, pressUntil, useUiHarness, type FocusInfo } from '../support/ui-harness';

const ui = useUiHarness();

const consentCookie = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name === 'consent_gate');

const toggleState = (page: Page, category: string) => page.locator(`${DIALOG} [data-cg="toggle"][data-category="${category}"]`).getAttribute('aria-checked');

/** Presses `key` `times` times; after each press focus must be inside the open dialog. */
async function expectFocusTrapped(page: Page, key: 'Tab' | 'Shift+Tab', times: number): Promise<FocusInfo[]> {
  const seen: FocusInfo[] = [];
  for (let press = 1; press <= times; press++) {
    await page.keyboard.press(key);
    const focus = await focusInfo(page);
    expect(focus.inHost && focus.inDialog, `${key} #${press}: focus stays inside the dialog, found ${JSON.stringify(focus)}`).toBe(true);
    seen.push(focus);
  }
  return seen;
}

describe('keyboard only, from a fresh visit to a saved custom choice and back (WAI-ARIA APG dialog, WCAG 2.4.3; WCAG 2.1.1/2.1.2; WCAG 4.1.3; WCAG 1.3.2)', () => {
  test('banner first, no trap; dialog modal with Escape and focus return; save, re-open from the settings button and the footer link', async () => {
    const { page, context } = await ui.open();

    // WCAG 1.3.2: the host is the first element of <body>, so the banner comes first in the tab
    // order.
    expect(await page.evaluate(() => document.body.firstElementChild?.id)).toBe('consent-gate');
    const toBanner = await pressUntil(page, 'Tab', (focus) => focus.inBanner && focus.tag === 'button', 3);
    expect(toBanner, 'Tab presses to reach a banner button').toBeLessThanOrEqual(3);

    // WCAG 2.1.1/2.1.2: the banner is not modal, Tab leaves it for the page.
    await pressUntil(page, 'Tab', (focus) => !focus.inHost, 6);
    const outside = await focusInfo(page);
    expect(outside.href, 'a page link has focus after leaving the banner').not.toBeNull();

    // Back into the banner to "Manage preferences"; Enter opens the dialog with focus inside.
    await pressUntil(page, 'Shift+Tab', (focus) => focus.cg === 'manage', 6);
    await page.keyboard.press('Enter');
    await page.locator(DIALOG).waitFor({ state: 'visible' });
    const opened = await focusInfo(page);
    expect(opened.inDialog, `focus moved into the dialog, found ${JSON.stringify(opened)}`).toBe(true);
    expect(await page.locator(DIALOG).evaluate((dialog) => (dialog as HTMLDialogElement).open && dialog.matches(':modal'))).toBe(true);

    // WAI-ARIA APG dialog, WCAG 2.4.3: Tab and Shift+Tab wrap inside the dialog.
    const forward = await expectFocusTrapped(page, 'Tab', 20);
    const backward = await expectFocusTrapped(page, 'Shift+Tab', 20);
    for (const seen of [forward, backward]) {
      const hooks = new Set(seen.map((focus) => focus.cg));
      expect([...hooks], 'the whole cycle was visited, so it wrapped').toEqual(expect.arrayContaining(['close', 'toggle', 'save', 'accept-all', 'reject-all']));
    }

    // Space switches social on in the draft.
    await pressUntil(page, 'Tab', (focus) => focus.cg === 'toggle' && focus.category === 'social', 12);
    await page.keyboard.press('Space');
    expect(await toggleState(page, 'social')).toBe('true');

    // Escape discards the draft, records nothing (GDPR Recital 32) and returns focus to "Manage
    // preferences".
    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    await page.locator(BANNER).waitFor({ state: 'visible' });
    expect(await consentCookie(context), 'Escape records nothing').toBeUndefined();
    await page.waitForFunction(() => document.getElementById('consent-gate')?.shadowRoot?.activeElement?.getAttribute('data-cg') === 'manage', undefined, { timeout: 2_000 }).catch(() => undefined);
    const afterEscape = await focusInfo(page);
    expect(afterEscape.inBanner && afterEscape.cg === 'manage', `focus back on the banner's Manage button, found ${JSON.stringify(afterEscape)}`).toBe(true);

    // Re-open, switch social on, Tab to "Save choices", Enter.
    await page.keyboard.press('Enter');
    await page.locator(DIALOG).waitFor({ state: 'visible' });
    expect(await toggleState(page, 'social'), 'the discarded draft is gone').toBe('false');
    await pressUntil(page, 'Tab', (focus) => focus.cg === 'toggle' && focus.category === 'social', 12);
    await page.keyboard.press('Space');
    expect(await toggleState(page, 'social')).toBe('true');
    await pressUntil(page, 'Tab', (focus) => focus.cg === 'save', 12);
    await page.keyboard.press('Enter');
    await page.locator(DIALOG).waitFor({ state: 'detached' });

    // WCAG 4.1.3: the polite live region says so; social is allowed, so the embed loads; a record
    // exists.
    await expect(page.locator('[data-cg="live"]').textContent({ timeout: 2_000 })).resolves.toMatch(/saved/i);
    await page.waitForFunction(() => !!document.querySelector('iframe[data-consent="social"]')?.getAttribute('src'), undefined, { timeout: 3_000 });
    expect(await page.locator('iframe[data-consent="social"]').getAttribute('src')).toBe(`${ui.servers.thirdParty}/t/embed.html`);
    expect(await consentCookie(context), 'the consent cookie is written').toBeDefined();

    // GDPR Art. 7(3): the floating settings button appears and is reachable by keyboard.
    const settings = page.locator('[data-cg="settings-button"]');
    await settings.waitFor({ state: 'visible' });
    // The host is the first element of <body>: from the page's first link, Shift+Tab reaches it.
    await page.focus('header.site a.logo');
    await pressUntil(page, 'Shift+Tab', (focus) => focus.cg === 'settings-button', 2);
    await page.keyboard.press('Enter');
    await page.locator(DIALOG).waitFor({ state: 'visible' });
    expect(await toggleState(page, 'social'), 'the saved choice is shown').toBe('true');
    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.getElementById('consent-gate')?.shadowRoot?.activeElement?.getAttribute('data-cg') === 'settings-button', undefined, { timeout: 2_000 }).catch(() => undefined);
    const afterSettings = await focusInfo(page);
    expect(afterSettings.cg, `focus back on the settings button, found ${JSON.stringify(afterSettings)}`).toBe('settings-button');

    // The footer's data-consent-open link opens the dialog; focus returns to it on close.
    await page.focus('a[data-consent-open]');
    await page.keyboard.press('Enter');
    await page.locator(DIALOG).waitFor({ state: 'visible' });
    expect((await focusInfo(page)).inDialog, 'focus moved into the dialog').toBe(true);
    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-consent-open') === true, undefined, { timeout: 2_000 }).catch(() => undefined);
    const afterFooter = await focusInfo(page);
    expect(afterFooter.consentOpen, `focus back on the footer link, found ${JSON.stringify(afterFooter)}`).toBe(true);
  });

  test('"Reject all" works from the keyboard alone (WCAG 2.1.1/2.1.2)', async () => {
    const { page, context } = await ui.open();
    await pressUntil(page, 'Tab', (focus) => focus.cg === 'reject-all' && focus.inBanner, 4);
    await page.keyboard.press('Enter');
    await page.locator(BANNER).waitFor({ state: 'detached' });
    expect(await consentCookie(context)).toBeDefined();
    expect(await page.evaluate(() => window.consentGate!.get().categories)).toEqual({ necessary: true, functional: false, advertising: false, social: false });
  });
});

describe('the banner never hides the focused element of the page (WCAG 2.4.11 Focus Not Obscured)', () => {
  test('at 1280×600, tabbing through at least 10 of the page\'s own controls, none is entirely covered by the banner', async () => {
    const { page } = await ui.open({ context: { viewport: { width: 1280, height: 600 } } });
    const covered: string[] = [];
    let stops = 0;
    for (let press = 0; press < 60 && stops < 14; press++) {
      await page.keyboard.press('Tab');
      const check = await page.evaluate(() => {
        const top = document.activeElement as HTMLElement | null;
        // The host and its light-DOM children (the banner's words) are the banner's, not the page's.
        if (!top || top === document.body || top.closest('#consent-gate')) return null;
        let element: HTMLElement = top;
        while (element.shadowRoot?.activeElement) element = element.shadowRoot.activeElement as HTMLElement;
        const banner = document.querySelector('#consent-gate > [data-cg="banner"]')!.getBoundingClientRect();
        const box = element.getBoundingClientRect();
        const inside = box.left >= banner.left && box.right <= banner.right && box.top >= banner.top && box.bottom <= banner.bottom;
        return {
          label: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
          box: [box.left, box.top, box.right, box.bottom].map(Math.round),
          banner: [banner.left, banner.top, banner.right, banner.bottom].map(Math.round),
          inside,
        };
      });
      if (!check) continue;
      stops++;
      if (check.inside) covered.push(`${check.label} at ${JSON.stringify(check.box)} under the banner ${JSON.stringify(check.banner)}`);
    }
    expect(stops, 'focus stops on the page outside the banner').toBeGreaterThanOrEqual(10);
    expect(covered, 'focused elements entirely covered by the banner').toEqual([]);
  });
});
