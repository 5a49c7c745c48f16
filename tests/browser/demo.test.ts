// The demo site as a newcomer tries it (demo/serve.mjs, as `npm run demo` serves it): its status
// panel tells the truth about the page view in front of them, and its pages fit a 320 px phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from './support/suite';

interface Demo {
  origin: string;
  close(): Promise<void>;
}

const suite = useBrowserSuite();
let demo: Demo;

beforeAll(async () => {
  // demo/serve.mjs is plain JavaScript; its shape is the small interface above.
  const { startDemo } = (await import('../../demo/serve.mjs' as string)) as { startDemo(options: object): Promise<Demo> };
  demo = await startDemo({ port: 0, thirdPartyPort: 0 });
}, 60_000);
afterAll(() => demo?.close());

/** The panel's count once it has polled the server after `action` (it polls every second). */
async function panelAfter(page: Page, action: () => Promise<unknown>): Promise<{ count: string; listed: string[] }> {
  const polled = page.waitForResponse((response) => response.url().includes('/demo/requests'));
  await action();
  await polled;
  // One more poll, so the panel has drawn what the server said after the action's effects.
  await page.waitForResponse((response) => response.url().includes('/demo/requests'));
  return page.evaluate(() => ({
    count: document.getElementById('status-count')!.textContent ?? '',
    listed: Array.from(document.querySelectorAll('#status-requests li'), (item) => item.textContent ?? ''),
  }));
}

describe('the demo', () => {
  it('lists only this page view\'s third-party requests: none after "forget my choice" and "Reject all"', async () => {
    const page = await suite.context.newPage();
    await page.goto(`${demo.origin}/`);
    await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
    await expect.poll(async () => Number(await page.locator('#status-count').textContent()), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('#status-requests li').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/\/ads\.js$/)]));

    // "forget my choice" reloads the page without a decision; the visitor then rejects everything.
    await page.locator('a[href="?mode=reset"]').click();
    await page.locator('[data-cg="banner"]').waitFor();
    const after = await panelAfter(page, () => page.locator('[data-cg="banner"] [data-cg="reject-all"]').click());
    expect(after).toEqual({ count: '0', listed: [] });
  }, 30_000);

  it('lets npm.html fit a 320 px wide phone: no sideways scrolling', async () => {
    const context = await suite.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${demo.origin}/npm.html`);
    await expect.poll(() => page.locator('#state').textContent()).toMatch(/^\{/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.locator('#accept').click();
    await expect.poll(() => page.locator('#state').textContent()).toContain('"accept-all"');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  }, 30_000);
});
