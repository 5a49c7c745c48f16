/**
 * Layout of the interface in real headless Chromium, through the script-tag build on a
 * realistic article page: no layout shift, reflow at 320 CSS px and at 200 % zoom, reduced
 * motion, forced colours, and every built-in language without clipped labels.
 *
 * Standards cited: WCAG 1.4.10 (reflow), 1.4.4 (200 % zoom), 2.2.2 and 2.3.3 (reduced motion),
 * 1.3.1, 4.1.2 and 1.4.1 (switch state not by colour alone, also in forced colours), 3.1.2 (a
 * banner name in the page's language).
 *
 * Build first: `npm run build` (it also puts the locale files in `dist/locales/`).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BANNER, DIALOG, UI_CONFIG, useUiHarness } from '../support/ui-harness';

const ui = useUiHarness();

const BANNER_BUTTONS = ['accept-all', 'reject-all', 'manage'];

/** The page's horizontal overflow: `scrollWidth` of the document against the viewport width. */
const documentWidth = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));

/** Waits until two animation frames have been painted, so layout-shift entries are reported. */
const nextFrames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function expectInside(box: Box | null, outer: Box, what: string): void {
  expect(box, `${what} has a box`).not.toBeNull();
  const b = box!;
  const fits = b.x >= outer.x - 0.5 && b.y >= outer.y - 0.5 && b.x + b.width <= outer.x + outer.width + 0.5 && b.y + b.height <= outer.y + outer.height + 0.5;
  expect(fits, `${what} ${JSON.stringify(b)} lies inside ${JSON.stringify(outer)}`).toBe(true);
}

/** Each banner button, scrolled into view (the banner may scroll), is fully in the viewport and would receive a click. */
async function expectBannerButtonsReachable(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  for (const hook of BANNER_BUTTONS) {
    const button = page.locator(`${BANNER} [data-cg="${hook}"]`);
    await button.scrollIntoViewIfNeeded();
    expectInside(await button.boundingBox(), { x: 0, y: 0, ...viewport }, `the banner's ${hook} button`);
    // Playwright's actionability checks: visible, stable, enabled and the hit target at its centre.
    await button.click({ trial: true, timeout: 2_000 });
  }
}

describe('no layout shift', () => {
  type Shift = { value: number; time: number; hadRecentInput: boolean; sources: string[] };
  type Cls = { total: number; entries: Shift[] };
  /** Records every layout-shift entry, also those right after an input (see below). */
  const OBSERVER = `
    window.__cls = { total: 0, entries: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__cls.total += entry.value;
        window.__cls.entries.push({ value: entry.value, time: Math.round(entry.startTime), hadRecentInput: entry.hadRecentInput,
          sources: (entry.sources || []).map((s) => s.node ? (s.node.nodeName + (s.node.id ? '#' + s.node.id : '')) : '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  `;

  for (const position of ['bottom', 'top'] as const) {
    test(`banner at the ${position}: CLS below 0.01 from load until 1 s after the banner shows, and no shift at all when "Reject all" removes it (the placeholder stays)`, async () => {
      const { page } = await ui.open({ config: { ...UI_CONFIG, position }, initScript: OBSERVER });
      const read = () => page.evaluate(() => (window as unknown as { __cls: Cls }).__cls);

      // "Until 1 s after the banner shows" is a duration to observe, not a wait for a condition.
      await page.waitForTimeout(1_000);
      await nextFrames(page);
      const banner = await read();
      // Soft: a shift at load should not hide whether "Reject all" shifts the page too.
      expect.soft(banner.total, `CLS from load until 1 s after the banner showed; shifts: ${JSON.stringify(banner.entries)}`).toBeLessThan(0.01);

      await page.locator(`${BANNER} [data-cg="reject-all"]`).click();
      await page.locator(BANNER).waitFor({ state: 'detached' });
      await page.locator('[data-cg="placeholder"]').waitFor({ state: 'visible' });
      await nextFrames(page);
      // Watched for a moment, like the second above: a late shift (a transition, a reflow after
      // the removal) announces itself by no event, so this one stays a short bounded wait.
      await page.waitForTimeout(200);
      await nextFrames(page);
      const after = await read();
      // Every entry counts here, also those flagged hadRecentInput: the CLS score leaves out
      // shifts within 500 ms of a click, which is exactly when removing the banner could move
      // the page. The banner is fixed and the placeholder keeps the embed's size, so nothing
      // may move at all: the bound is 0, not a tolerance.
      const shifts = after.entries.slice(banner.entries.length);
      expect(shifts, `layout shifts after "Reject all"`).toEqual([]);
      expect(after.total - banner.total).toBe(0);
    });
  }
});

describe('reflow at 320 CSS px (WCAG 1.4.10 Reflow)', () => {
  test('320×640: no horizontal scroll, every banner button fully in view and clickable; the dialog fits and "Save choices" is reachable', async () => {
    const { page } = await ui.open({ context: { viewport: { width: 320, height: 640 } } });
    const width = await documentWidth(page);
    expect(width.scrollWidth, 'no horizontal scroll with the banner').toBeLessThanOrEqual(320);
    await expectBannerButtonsReachable(page);

    await page.locator(`${BANNER} [data-cg="manage"]`).click();
    const dialog = page.locator(DIALOG);
    await dialog.waitFor({ state: 'visible' });
    const dialogBox = await dialog.boundingBox();
    expectInside(dialogBox, { x: 0, y: 0, width: 320, height: 640 }, 'the preferences dialog');
    expect((await documentWidth(page)).scrollWidth, 'no horizontal scroll with the dialog').toBeLessThanOrEqual(320);

    const save = page.locator(`${DIALOG} [data-cg="save"]`);
    await save.scrollIntoViewIfNeeded();
    expectInside(await save.boundingBox(), dialogBox!, '"Save choices"');
    await save.click({ trial: true, timeout: 2_000 });
    // The last control of the scrolling body is reachable too.
    const lastToggle = page.locator(`${DIALOG} [data-cg="toggle"]`).last();
    await lastToggle.scrollIntoViewIfNeeded();
    expectInside(await lastToggle.boundingBox(), dialogBox!, 'the last category switch');
    await lastToggle.click({ trial: true, timeout: 2_000 });
  });

  test('200 % zoom (a 640×400 CSS px viewport, device scale 2): no horizontal scroll, every banner button reachable (WCAG 1.4.4)', async () => {
    const { page } = await ui.open({ context: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } });
    expect((await documentWidth(page)).scrollWidth).toBeLessThanOrEqual(640);
    await expectBannerButtonsReachable(page);
  });
});

describe('motion and forced colours (WCAG 2.2.2/2.3.3, WCAG 1.3.1/4.1.2)', () => {
  test('with prefers-reduced-motion: reduce, the switch thumb has transition-duration 0s and nothing in the UI animates', async () => {
    const { page } = await ui.open({ context: { reducedMotion: 'reduce' } });
    const motion = () =>
      page.evaluate(() => {
        const root = document.getElementById('consent-gate')!.shadowRoot!;
        const thumb = root.querySelector('[data-cg="toggle"] .thumb')!;
        const moving = [...root.querySelectorAll('*')]
          .map((element) => ({ element, style: getComputedStyle(element) }))
          .filter(({ style }) => style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || style.animationName !== 'none')
          .map(({ element }) => element.tagName.toLowerCase() + (element.className ? `.${String(element.className)}` : ''));
        return { thumb: getComputedStyle(thumb).transitionDuration, moving };
      });

    await page.locator(`${BANNER} [data-cg="manage"]`).click();
    await page.locator(DIALOG).waitFor({ state: 'visible' });
    const reduced = await motion();
    expect(reduced.thumb).toBe('0s');
    expect(reduced.moving, 'elements that still transition or animate').toEqual([]);

    // Control: without the preference the thumb does move, so the measurement means something.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect((await motion()).thumb).not.toBe('0s');
  });

  test('in forced colours, a switch that is on and one that is off differ by the thumb\'s position', async () => {
    const { page } = await ui.open({ context: { forcedColors: 'active' } });
    await page.locator(`${BANNER} [data-cg="manage"]`).click();
    await page.locator(DIALOG).waitFor({ state: 'visible' });
    await page.locator(`${DIALOG} [data-cg="toggle"][data-category="social"]`).click();

    const offsets = await page.evaluate(async () => {
      const root = document.getElementById('consent-gate')!.shadowRoot!;
      const offset = async (id: string) => {
        const toggle = root.querySelector<HTMLElement>(`[data-cg="toggle"][data-category="${id}"]`)!;
        const thumb = toggle.querySelector('.thumb')!;
        await Promise.all(thumb.getAnimations().map((animation) => animation.finished));
        return { checked: toggle.getAttribute('aria-checked'), x: thumb.getBoundingClientRect().x - toggle.getBoundingClientRect().x };
      };
      return { on: await offset('social'), off: await offset('functional'), forced: matchMedia('(forced-colors: active)').matches };
    });
    expect(offsets.forced, 'forced colours are emulated').toBe(true);
    expect(offsets.on.checked).toBe('true');
    expect(offsets.off.checked).toBe('false');
    expect(Math.abs(offsets.on.x - offsets.off.x), `thumb offsets on ${offsets.on.x} px, off ${offsets.off.x} px`).toBeGreaterThanOrEqual(8);
  });
});

describe('themes (dark mode by prefers-color-scheme or "theme")', () => {
  for (const [theme, colorScheme] of [
    ['light', 'dark'],
    ['dark', 'light'],
  ] as const) {
    test(`with "theme": "${theme}" on a ${colorScheme} system, the embed placeholder uses the same theme as the banner`, async () => {
      const { page } = await ui.open({ config: { ...UI_CONFIG, theme }, context: { colorScheme } });
      await page.locator('[data-cg="placeholder"]').waitFor({ state: 'visible' });
      const colours = await page.evaluate(() => {
        const banner = document.querySelector('#consent-gate > [data-cg="banner"]')!;
        const placeholder = document.querySelector('[data-cg="placeholder"]')!.shadowRoot!.querySelector('.placeholder')!;
        // The placeholder's card is tinted from the theme's background: compare the theme itself.
        const of = (element: Element) => ({ background: getComputedStyle(element).getPropertyValue('--bg').trim(), text: getComputedStyle(element).color });
        return { banner: of(banner), placeholder: of(placeholder) };
      });
      expect(colours.placeholder, `placeholder colours vs banner colours`).toEqual(colours.banner);
    });
  }
});

describe('every built-in language renders without overflow (WCAG 1.4.10)', () => {
  const LANGUAGES = ['en', 'es', 'it', 'de', 'pt', 'fr', 'ru', 'ja'] as const;

  test.each(LANGUAGES)('%s: banner labels not clipped and no horizontal scroll at 320×640 and 1280×720; the banner is named in that language', async (language) => {
    if (language !== 'en') {
      const url = `${ui.servers.firstParty}/dist/locales/${language}.json`;
      const response = await fetch(url);
      expect(response.status, `dist/locales/${language}.json must exist: the script-tag build (src/auto.ts) fetches it for "language": "${language}"`).toBe(200);
      const locale = (await response.json()) as Record<string, string>;
      expect(typeof locale.bannerLabel, `dist/locales/${language}.json has a bannerLabel`).toBe('string');
    }

    const { page } = await ui.open({ config: { ...UI_CONFIG, language }, context: { viewport: { width: 1280, height: 720 } } });
    const banner = page.locator(BANNER);
    const label = await banner.getAttribute('aria-label');
    expect(label, 'the banner has an accessible name').toBeTruthy();
    if (language === 'en') expect(label).toBe('Cookie consent');
    else expect(label, `the banner's name is in "${language}", not English`).not.toBe('Cookie consent');
    expect(await page.evaluate(() => document.getElementById('consent-gate')!.shadowRoot!.querySelector('.cg, [lang]')?.getAttribute('lang'))).toBe(language);

    for (const viewport of [
      { width: 320, height: 640 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(viewport);
      await nextFrames(page);
      const clipped = await banner.evaluate((element) =>
        [...element.querySelectorAll<HTMLElement>('button')]
          .filter((control) => control.scrollWidth > control.clientWidth)
          .map((control) => `${control.getAttribute('data-cg')} "${control.textContent}" scrollWidth ${control.scrollWidth} > clientWidth ${control.clientWidth}`),
      );
      expect(clipped, `clipped button labels at ${viewport.width}×${viewport.height}`).toEqual([]);
      expect((await documentWidth(page)).scrollWidth, `no horizontal scroll at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(viewport.width);
    }
  });
});

describe('banner layouts: "box" and "bar"', () => {
  /** The banner's box, whether it is framed on all sides (a card), its choices, and the page's scroll padding. */
  const measure = (page: Page) =>
    page.evaluate((banner) => {
      const section = document.querySelector(`#consent-gate > ${banner}`)!;
      const rect = (element: Element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x, y, width, height };
      };
      return {
        banner: rect(section),
        framed: getComputedStyle(section).borderLeftStyle !== 'none',
        buttons: Array.from(section.querySelectorAll('[slot=actions]')).map(rect),
        padding: getComputedStyle(document.documentElement).scrollPaddingBottom,
      };
    }, BANNER);

  for (const layout of [undefined, 'bar'] as const) {
    test(`${layout ?? 'default layout'}, 320×640, English: at most 40 % of the viewport's height, every choice on screen without scrolling inside it`, async () => {
      const config = layout ? { ...UI_CONFIG, layout } : UI_CONFIG;
      const { page } = await ui.open({ config, context: { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true } });
      const banner = (await page.locator(BANNER).boundingBox())!;
      expect(banner.height / 640, `banner height ${banner.height}px`).toBeLessThanOrEqual(0.4);
      expect(banner.width, 'a bar on phones').toBe(320);
      expect(await page.locator(BANNER).evaluate((node) => node.scrollHeight > node.clientHeight + 1), 'the banner scrolls inside itself').toBe(false);
      for (const hook of BANNER_BUTTONS) expectInside(await page.locator(`${BANNER} [data-cg="${hook}"]`).boundingBox(), { x: 0, y: 0, width: 320, height: 640 }, `the banner's ${hook} button`);
    });
  }

  test('box, 1280×800: a framed card of at most 400 px in the bottom end corner, its choices inside; a top corner with "position": "top"', async () => {
    const bottom = await measure((await ui.open({ context: { viewport: { width: 1280, height: 800 } } })).page);
    expect(bottom.framed).toBe(true);
    expect(bottom.banner.width).toBeLessThanOrEqual(400);
    expect(bottom.banner.x + bottom.banner.width).toBeCloseTo(1280 - 16, 0);
    expect(bottom.banner.y + bottom.banner.height).toBeCloseTo(800 - 16, 0);
    for (const button of bottom.buttons) expectInside(button, bottom.banner, 'a banner choice');

    const top = await measure((await ui.open({ config: { ...UI_CONFIG, position: 'top' }, context: { viewport: { width: 1280, height: 800 } } })).page);
    expect(top.banner.y).toBeCloseTo(16, 0);
    expect(top.banner.x + top.banner.width).toBeCloseTo(1280 - 16, 0);
  });

  test('bar, 1280×800: the full width at the bottom, with a rule on top only', async () => {
    const m = await measure((await ui.open({ config: { ...UI_CONFIG, layout: 'bar' }, context: { viewport: { width: 1280, height: 800 } } })).page);
    expect(m.banner).toMatchObject({ x: 0, width: 1280 });
    expect(m.banner.y + m.banner.height).toBeCloseTo(800, 0);
    expect(m.framed).toBe(false);
  });

  for (const layout of ['box', 'bar'] as const) {
    test(`${layout}, 1280×800: the scroll padding covers the banner and its gap, and the page's end scrolls out from under it (WCAG 2.4.11)`, async () => {
      const body = `<main><p style="height:1500px">Long story.</p><p><a id="last" href="/end">The last link</a></p></main>`;
      const { page } = await ui.open({ config: { ...UI_CONFIG, layout }, body, context: { viewport: { width: 1280, height: 800 } } });
      await expect.poll(async () => (await measure(page)).padding).not.toBe('auto');
      const m = await measure(page);
      expect(parseFloat(m.padding)).toBeGreaterThanOrEqual(800 - m.banner.y - 0.5);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const last = await page.locator('#last').boundingBox();
      expect(last!.y + last!.height, 'the last link ends above the banner').toBeLessThanOrEqual(m.banner.y);
    });
  }
});
