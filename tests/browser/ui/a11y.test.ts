/**
 * Accessibility and fairness of the interface in real headless Chromium, through the script-tag
 * build on a realistic article page.
 *
 * Standards cited: WCAG 2.2 A/AA through axe-core (in every UI state, `target-size` enabled
 * explicitly), WCAG 1.4.3/1.4.11 (contrast, light and dark), WCAG 2.5.8 (target size), ePrivacy
 * Art. 5(3) and CJEU C-673/17 Planet49 (nothing pre-ticked, necessary shown as "Always active"),
 * the EDPB cookie banner taskforce report and 11 CCR §7004 (reject as easy and as visible as
 * accept), CJEU C-40/17 Fashion ID (placeholders). Texts are text, never HTML (no XSS).
 *
 * Build first: `npm run build`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BANNER, DIALOG, UI_CONFIG, describeFindings, runAxe, useUiHarness } from '../support/ui-harness';

const ui = useUiHarness();

/** Runs axe and asserts: `target-size` ran, and no violation inside the interface. */
async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const outcome = await runAxe(page);
  expect(outcome.rulesRun, 'axe ran the WCAG 2.2 target-size rule (WCAG 2.5.8; axe-core, WCAG 2.2 A/AA)').toContain('target-size');
  expect(outcome.rulesRun, 'axe ran color-contrast (WCAG 1.4.3/1.4.11)').toContain('color-contrast');
  if (outcome.incomplete.length > 0) console.log(`[a11y] ${state}: axe needs review for ${outcome.incomplete.join(', ')}`);
  expect(outcome.violations, `axe violations in ${state}:\n${describeFindings(outcome.violations)}`).toEqual([]);
}

describe('axe-core finds no WCAG 2.2 A/AA violation in the interface (axe-core, WCAG 2.2 A/AA; WCAG 1.4.3/1.4.11; WCAG 2.5.8)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the opt-in banner, ${colorScheme} scheme`, async () => {
      const { page } = await ui.open({ context: { colorScheme } });
      await expectNoAxeViolations(page, `the opt-in banner (${colorScheme})`);
    });

    test(`the preferences dialog, ${colorScheme} scheme`, async () => {
      const { page } = await ui.open({ context: { colorScheme } });
      await page.locator(`${BANNER} [data-cg="manage"]`).click();
      await page.locator(DIALOG).waitFor({ state: 'visible' });
      // Expanded category details are a UI state too (axe-core, WCAG 2.2 A/AA).
      await page.locator(`${DIALOG} summary`).first().click();
      await expectNoAxeViolations(page, `the preferences dialog (${colorScheme})`);
    });

    test(`the embed placeholder after "Reject all", ${colorScheme} scheme (CJEU C-40/17 Fashion ID)`, async () => {
      const { page } = await ui.open({ context: { colorScheme } });
      await page.locator(`${BANNER} [data-cg="reject-all"]`).click();
      await page.locator(BANNER).waitFor({ state: 'detached' });
      await page.locator('[data-cg="placeholder"]').waitFor({ state: 'visible' });
      await expectNoAxeViolations(page, `the placeholder after reject-all (${colorScheme})`);
    });
  }

  test('the runner sees inside the shadow root: a planted nameless, tiny button is reported', async () => {
    const { page } = await ui.open();
    await page.evaluate(() => {
      const banner = document.querySelector('#consent-gate > [data-cg="banner"]')!;
      const button = document.createElement('button');
      button.style.cssText = 'all:unset;display:inline-block;width:8px;height:8px';
      banner.append(button);
    });
    const outcome = await runAxe(page);
    expect(outcome.violations.map((finding) => finding.id)).toContain('button-name');
  });

  test('the opt-out mode banner', async () => {
    const { page } = await ui.open({ config: { ...UI_CONFIG, mode: 'opt-out' } });
    await expect(page.locator(`${BANNER} [data-cg="acknowledge"]`).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'the opt-out banner');
  });
});

describe('reject is exactly as prominent as accept on the first layer (EDPB cookie banner taskforce, 11 CCR §7004)', () => {
  test('"Accept all" and "Reject all" are buttons of equal size with identical font, border and background', async () => {
    const { page } = await ui.open();
    const measure = (hook: string) =>
      page.locator(`${BANNER} [data-cg="${hook}"]`).evaluate((element) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          tag: element.tagName.toLowerCase(),
          type: element.getAttribute('type'),
          box: { x: box.x, y: box.y, width: box.width, height: box.height },
          style: {
            fontFamily: style.fontFamily,
            fontWeight: style.fontWeight,
            fontSize: style.fontSize,
            color: style.color,
            padding: style.padding,
            border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor} / ${style.borderRightWidth} ${style.borderBottomWidth} ${style.borderLeftWidth} / ${style.borderRadius}`,
            background: `${style.backgroundColor} ${style.backgroundImage}`,
            textDecoration: style.textDecorationLine,
          },
        };
      });
    const accept = await measure('accept-all');
    const reject = await measure('reject-all');

    expect(accept.tag).toBe('button');
    expect(reject.tag).toBe('button');
    const sameContainer = await page.locator(`${BANNER} [data-cg="accept-all"]`).evaluate((accept) => accept.parentElement!.querySelector(':scope > [data-cg="reject-all"]') !== null);
    expect(sameContainer, 'both in one container').toBe(true);
    expect(reject.style, 'identical computed font, padding, border and background').toEqual(accept.style);
    expect(Math.abs(reject.box.height - accept.box.height)).toBeLessThanOrEqual(1);
    // At 1280 px both sit on one row: equal widths too.
    expect(Math.abs(reject.box.y - accept.box.y), 'on one row at 1280 px').toBeLessThanOrEqual(1);
    expect(Math.abs(reject.box.width - accept.box.width)).toBeLessThanOrEqual(1);
  });
});

describe('the preferences dialog on a fresh visit (ePrivacy Art. 5(3): strictly necessary, CJEU C-673/17 Planet49)', () => {
  test('every category switch is off and "necessary" shows the visible words "Always active"', async () => {
    const { page } = await ui.open();
    await page.locator(`${BANNER} [data-cg="manage"]`).click();
    const dialog = page.locator(DIALOG);
    await dialog.waitFor({ state: 'visible' });

    const toggles = dialog.locator('[data-cg="toggle"]');
    const states = await toggles.evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-category'), element.getAttribute('aria-checked')]));
    expect(states.map(([id]) => id).sort()).toEqual(['advertising', 'functional', 'social']);
    for (const [id, checked] of states) expect(checked, `${id} starts off`).toBe('false');
    expect(await dialog.locator('[data-cg="toggle"][data-category="necessary"]').count(), 'necessary is not a switch').toBe(0);

    const always = dialog.getByText('Always active', { exact: true });
    await expect(always.count()).resolves.toBe(1);
    expect(await always.isVisible(), '"Always active" is visible').toBe(true);
  });
});

describe('configuration texts are rendered as text, never HTML (no XSS)', () => {
  test('an HTML payload in texts.en.bannerTitle shows literally and runs nothing', async () => {
    const payload = '<img src=x onerror=window.pwned=1>';
    const { page } = await ui.open({ config: { ...UI_CONFIG, texts: { en: { bannerTitle: payload } } } });

    const result = await page.evaluate(() => {
      const host = document.getElementById('consent-gate')!;
      return {
        title: host.querySelector('[data-cg="banner"] h2')?.textContent ?? null,
        images: host.querySelectorAll('img').length + host.shadowRoot!.querySelectorAll('img').length,
        pwned: (window as unknown as { pwned?: unknown }).pwned,
      };
    });
    expect(result.title).toBe(payload);
    expect(result.images).toBe(0);
    expect(result.pwned).toBeUndefined();
  });
});
