/**
 * How the interface looks and sits on the page, measured in real headless Chromium through the
 * script-tag build: the dialog's footer, the switches, hover styles, the floating settings button
 * and the embed placeholders.
 *
 * Standards cited: 11 CCR §7004 (Accept and Reject equally prominent; Save a different kind of
 * act), WCAG 1.4.11 (a switch's boundaries ≥ 3:1 in both states), WCAG 1.4.1 (state not by colour
 * alone), WCAG 1.4.13 (content on hover or focus), WCAG 2.4.11 (nothing fixed hides the page's
 * content for good), CJEU C-40/17 Fashion ID (placeholders).
 *
 * Build first: `npm run build`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BANNER, DIALOG, UI_CONFIG, describeFindings, runAxe, useUiHarness } from '../support/ui-harness';

const ui = useUiHarness();

/** sRGB channels (0–255) of a computed colour: `rgb()`/`rgba()` or `color(srgb …)` (what color-mix() computes to). */
function channels(colour: string): [number, number, number] {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(colour);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255];
  const rgb = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(colour);
  if (!rgb) throw new Error(`unparsed colour ${colour}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

/** WCAG 2.2 contrast ratio of two opaque colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = channels(colour).map((value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

async function openDialog(page: Page): Promise<void> {
  await page.locator(`${BANNER} [data-cg="manage"]`).click();
  await page.locator(DIALOG).waitFor({ state: 'visible' });
}

describe('the dialog\'s footer (11 CCR §7004)', () => {
  test('"Accept all" and "Reject all" are identical filled buttons of one size; "Save choices" is outlined, after them', async () => {
    const { page } = await ui.open();
    await openDialog(page);
    const looks = await page.locator(`${DIALOG} .actions`).evaluate((actions) =>
      [...actions.querySelectorAll('button')].map((button) => {
        const style = getComputedStyle(button);
        const box = button.getBoundingClientRect();
        return {
          hook: button.getAttribute('data-cg'),
          style: { background: style.backgroundColor, color: style.color, fontWeight: style.fontWeight, fontSize: style.fontSize, border: `${style.borderTopWidth} ${style.borderTopColor}` },
          width: box.width,
          height: box.height,
        };
      }),
    );
    expect(looks.map((look) => look.hook)).toEqual(['accept-all', 'reject-all', 'save']);
    const [accept, reject, save] = looks;
    expect(reject!.style, 'Reject all looks exactly like Accept all').toEqual(accept!.style);
    expect(Math.abs(reject!.width - accept!.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(reject!.height - accept!.height)).toBeLessThanOrEqual(1);
    expect(save!.style.background, 'Save choices is not filled like the two choices').not.toBe(accept!.style.background);
    expect(save!.style.color).not.toBe(accept!.style.color);
  });
});

describe('the dialog\'s footer at 320 px in German, the longest labels (11 CCR §7004)', () => {
  test('"Alle akzeptieren" and "Alle ablehnen" are of equal size, side by side or one above the other; "Auswahl speichern" comes after them', async () => {
    const { page } = await ui.open({ config: { ...UI_CONFIG, language: 'de' }, context: { viewport: { width: 320, height: 640 } } });
    await openDialog(page);
    const box = async (hook: string) => (await page.locator(`${DIALOG} [data-cg="${hook}"]`).boundingBox())!;
    const [accept, reject, save] = [await box('accept-all'), await box('reject-all'), await box('save')];
    const aligned = Math.abs(accept.y - reject.y) <= 1 || Math.abs(accept.x - reject.x) <= 1;
    expect(aligned, `one row or one column: ${JSON.stringify({ accept, reject })}`).toBe(true);
    expect(Math.abs(accept.width - reject.width), `equal widths: ${JSON.stringify({ accept, reject })}`).toBeLessThanOrEqual(1);
    expect(Math.abs(accept.height - reject.height)).toBeLessThanOrEqual(1);
    expect(save.y).toBeGreaterThan(accept.y);
  });
});

describe('category switches: enabled in both states (WCAG 1.4.11, 1.4.1)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}: off and on each have boundaries ≥ 3:1 against the card, a thumb ≥ 3:1 against the track, and differ by more than colour`, async () => {
      const { page } = await ui.open({ context: { colorScheme } });
      await openDialog(page);
      await page.locator(`${DIALOG} [data-cg="toggle"][data-category="social"]`).click();
      const look = await page.evaluate(async () => {
        const root = document.getElementById('consent-gate')!.shadowRoot!;
        const of = async (id: string) => {
          const toggle = root.querySelector<HTMLElement>(`[data-cg="toggle"][data-category="${id}"]`)!;
          const thumb = toggle.querySelector<HTMLElement>('.thumb')!;
          await Promise.all(thumb.getAnimations().map((animation) => animation.finished));
          const style = getComputedStyle(toggle);
          const mark = getComputedStyle(thumb, '::after');
          return {
            checked: toggle.getAttribute('aria-checked'),
            card: getComputedStyle(toggle.closest('.category')!).backgroundColor,
            track: style.backgroundColor,
            border: style.borderTopColor,
            thumb: getComputedStyle(thumb).backgroundColor,
            thumbWidth: thumb.getBoundingClientRect().width,
            mark: mark.content !== 'none' && mark.display !== 'none',
          };
        };
        return { off: await of('functional'), on: await of('social') };
      });
      expect(look.off.checked).toBe('false');
      expect(look.on.checked).toBe('true');
      for (const state of ['off', 'on'] as const) {
        const s = look[state];
        expect(contrast(s.border, s.card), `${state}: the switch's outline ${s.border} against the card ${s.card}`).toBeGreaterThanOrEqual(3);
        expect(contrast(s.thumb, s.track), `${state}: the thumb ${s.thumb} against the track ${s.track}`).toBeGreaterThanOrEqual(3);
      }
      // Beyond position and colour: a small plain thumb off, a large one with a check mark on.
      expect(look.on.mark, 'the on thumb carries a check mark').toBe(true);
      expect(look.off.mark, 'the off thumb carries none').toBe(false);
      expect(look.on.thumbWidth - look.off.thumbWidth).toBeGreaterThanOrEqual(4);
    });
  }
});

describe('hover styles only where there is hover', () => {
  test('every :hover rule of the interface (banner, settings button, dialog, placeholder) is inside @media (hover: hover), so a tap leaves nothing behind', async () => {
    const { page } = await ui.open();
    await openDialog(page);
    const rules = await page.evaluate(() => {
      const roots = [document.getElementById('consent-gate')!.shadowRoot!, ...[...document.querySelectorAll('[data-cg="placeholder"]')].map((host) => host.shadowRoot!)];
      const sheets = new Set(roots.flatMap((root) => [...root.adoptedStyleSheets, ...root.styleSheets]));
      const found: Array<{ selector: string; media: string | null }> = [];
      const walk = (list: CSSRuleList, media: string | null) => {
        for (const rule of list) {
          if (rule instanceof CSSMediaRule) walk(rule.cssRules, rule.conditionText);
          else if (rule instanceof CSSStyleRule && rule.selectorText.includes(':hover')) found.push({ selector: rule.selectorText, media });
        }
      };
      for (const sheet of sheets) walk(sheet.cssRules, null);
      return { found, placeholders: roots.length - 1 };
    });
    expect(rules.placeholders, 'the placeholder was drawn, so its CSS is checked too').toBeGreaterThan(0);
    expect(rules.found.length, 'the interface does style hover').toBeGreaterThan(0);
    expect(rules.found.filter((rule) => !/\(hover: ?hover\)/.test(rule.media ?? '')), 'hover rules outside (hover: hover)').toEqual([]);
  });
});

/** A page whose last content is a footer link in the bottom-left corner, where the button sits. */
const LONG_PAGE = `<main>${'<p>A paragraph of the article, long enough to take a line or two on a phone.</p>'.repeat(40)}</main>
<footer style="max-width:none;margin:0;padding:0 16px 24px;font:14px system-ui"><a href="/privacy" id="privacy">Privacy</a> · <a href="#" data-consent-open>Cookie settings</a></footer>`;

describe('the floating settings button', () => {
  for (const width of [390, 1280]) {
    test(`at ${width} px, the page's last link is clear of it once the page is scrolled to its end (WCAG 2.4.11)`, async () => {
      const { page } = await ui.open({ body: LONG_PAGE, context: { viewport: { width, height: 700 } } });
      await page.locator(`${BANNER} [data-cg="accept-all"]`).click();
      const button = page.locator('#consent-gate [data-cg="settings-button"]');
      await button.waitFor({ state: 'visible' });
      // The room after the page's end follows the button's size (a ResizeObserver): wait for it,
      // for a while (without it, the check below says what covers the link).
      await page.waitForFunction(() => document.documentElement.style.paddingBottom !== '', undefined, { timeout: 3_000 }).catch(() => undefined);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const hit = await page.evaluate(() => {
        const link = document.getElementById('privacy')!;
        const box = link.getBoundingClientRect();
        const at = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return { id: at?.id ?? at?.tagName ?? null, box: { x: box.x, bottom: box.bottom }, viewport: innerHeight };
      });
      expect(hit.id, `what is at the centre of the "Privacy" link ${JSON.stringify(hit)}`).toBe('privacy');
    });
  }

  test('sits in the corner "settingsButton": { "position" } names', async () => {
    const corner = async (position: 'bottom-left' | 'bottom-right') => {
      const { page } = await ui.open({ config: { ...UI_CONFIG, settingsButton: { position } }, context: { viewport: { width: 800, height: 600 } } });
      await page.locator(`${BANNER} [data-cg="accept-all"]`).click();
      const box = (await page.locator('#consent-gate [data-cg="settings-button"]').boundingBox())!;
      return { left: box.x, right: 800 - box.x - box.width, bottom: 600 - box.y - box.height };
    };
    const left = await corner('bottom-left');
    const right = await corner('bottom-right');
    expect(left.left).toBe(12);
    expect(right.right).toBe(12);
    expect([left.bottom, right.bottom]).toEqual([12, 12]);
  });

  test('shows its name as a tooltip on keyboard focus, hidden again by Escape (WCAG 1.4.13); the name stays its aria-label', async () => {
    const { page } = await ui.open({ config: { ...UI_CONFIG, settingsButton: { position: 'bottom-right' } } });
    await page.locator(`${BANNER} [data-cg="accept-all"]`).click();
    const button = page.locator('#consent-gate [data-cg="settings-button"]');
    await button.waitFor({ state: 'visible' });
    const tooltip = () =>
      button.evaluate((element) => {
        const after = getComputedStyle(element, '::after');
        return { display: after.display, content: after.content };
      });
    expect((await tooltip()).display).toBe('none');
    // Keyboard focus (focus-visible): focus the button before it and Tab to it.
    await page.evaluate(() => {
      const before = document.createElement('button');
      before.id = 'before';
      before.textContent = 'before';
      document.body.prepend(before);
      before.focus();
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('consent-gate')!.shadowRoot!.activeElement?.getAttribute('data-cg'))).toBe('settings-button');
    const shown = await tooltip();
    expect(shown.display).toBe('block');
    expect(shown.content).toContain('Cookie settings');
    // The tooltip of a button in the right-hand corner opens towards the page, inside the viewport.
    await page.keyboard.press('Escape');
    expect((await tooltip()).display).toBe('none');
    expect(await button.getAttribute('aria-label')).toBe('Cookie settings');
  });
});

describe('placeholders (CJEU C-40/17 Fashion ID)', () => {
  const WIDGETS = `<p>Like this story: <iframe id="like" data-consent="social" data-src="${'%TP%'}/t/like.html" width="150" height="28" title="Like"></iframe></p>
<div><iframe id="one" data-consent="social" data-src="${'%TP%'}/t/a.html" width="400" height="200" title="A"></iframe></div>
<div><iframe id="two" data-consent="social" data-src="${'%TP%'}/t/b.html" width="400" height="200" title="B"></iframe></div>`;

  test('a 150×28 like button gets a compact placeholder about its size; stacked placeholders keep a gap', async () => {
    const { page } = await ui.open({ body: WIDGETS.replaceAll('%TP%', ui.servers.thirdParty) });
    await page.locator(`${BANNER} [data-cg="reject-all"]`).click();
    await page.locator('[data-cg="placeholder"]').nth(2).waitFor({ state: 'visible' });
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-cg="placeholder"]')].map((host) => {
        const box = host.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, width: box.width, height: box.height, text: host.shadowRoot!.textContent };
      }),
    );
    const [like, one, two] = boxes;
    expect(like!.height, `the like button's placeholder ${JSON.stringify(like)}`).toBeLessThanOrEqual(32);
    expect(like!.width).toBeLessThanOrEqual(200);
    expect(like!.text).toContain('Allow Social media');
    expect(two!.top - one!.bottom, 'the gap between two stacked placeholders').toBeGreaterThanOrEqual(8);
    // The compact form's small button still meets WCAG 2.5.8 and 1.4.3 (axe target-size, color-contrast).
    const outcome = await runAxe(page);
    expect(outcome.violations, describeFindings(outcome.violations)).toEqual([]);
  });
});
