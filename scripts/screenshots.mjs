// Screenshots of what visitors see, for the README: banner (box, bar, top, with its partners
// listed) and dialog on desktop, on phones (320 and 390 px, also in German), in dark mode and in
// Japanese; a placeholder, the privacy page's cookie table and the settings button. Uses the demo
// site and the built script tag.
// Run: npm run build && node scripts/screenshots.mjs [name …] (only those named, else all)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemo } from '../demo/serve.mjs';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const shots = [
  { name: 'banner-desktop', viewport: { width: 1280, height: 720 } },
  { name: 'banner-bar-desktop', viewport: { width: 1280, height: 720 }, page: '/?layout=bar' },
  { name: 'banner-top-dark-de', viewport: { width: 1280, height: 720 }, colorScheme: 'dark', page: '/?position=top&lang=de' },
  { name: 'dialog-desktop', viewport: { width: 1280, height: 800 }, open: true },
  { name: 'banner-320', viewport: { width: 320, height: 640 } },
  { name: 'dialog-320', viewport: { width: 320, height: 640 }, open: true },
  { name: 'banner-dark', viewport: { width: 1280, height: 720 }, colorScheme: 'dark' },
  { name: 'dialog-dark', viewport: { width: 1280, height: 800 }, colorScheme: 'dark', open: true },
  { name: 'banner-ja', viewport: { width: 1280, height: 720 }, page: '/?lang=ja' },
  { name: 'dialog-ja', viewport: { width: 1280, height: 800 }, page: '/?lang=ja', open: true },
  { name: 'placeholder', viewport: { width: 1280, height: 900 }, page: '/article.html', placeholder: true },
  { name: 'banner-390', viewport: { width: 390, height: 844 }, touch: true },
  { name: 'banner-de-320', viewport: { width: 320, height: 640 }, page: '/?lang=de', touch: true },
  { name: 'banner-partners', viewport: { width: 1280, height: 720 }, partners: true },
  { name: 'privacy-320', viewport: { width: 320, height: 640 }, page: '/privacy.html', touch: true, table: true },
  { name: 'settings-320', viewport: { width: 320, height: 640 }, page: '/article.html', touch: true, placeholder: true },
  { name: 'dialog-de-320', viewport: { width: 320, height: 640 }, page: '/?lang=de', touch: true, open: true },
  // The page's end after a choice: the footer's links clear of the settings button.
  { name: 'settings-end-390', viewport: { width: 390, height: 844 }, touch: true, end: true },
];
const only = process.argv.slice(2);

const demo = await startDemo({ port: 0, thirdPartyPort: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (const shot of shots.filter((shot) => only.length === 0 || only.includes(shot.name))) {
    const touch = shot.touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {};
    const context = await browser.newContext({ viewport: shot.viewport, colorScheme: shot.colorScheme ?? 'light', locale: shot.locale ?? 'en-US', ...touch });
    const page = await context.newPage();
    await page.goto(demo.origin + (shot.page ?? '/'));
    if (shot.placeholder) {
      await page.locator('[data-cg="banner"] [data-cg="reject-all"]').click();
      const placeholder = page.locator('[data-cg="placeholder"]').first();
      await placeholder.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(out, `${shot.name}.png`) });
    } else if (shot.end) {
      await page.locator('[data-cg="banner"] [data-cg="accept-all"]').click();
      await page.locator('[data-cg="settings-button"]').waitFor();
      await page.waitForFunction(() => document.documentElement.style.paddingBottom !== '');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.screenshot({ path: path.join(out, `${shot.name}.png`) });
    } else if (shot.table) {
      const table = page.locator('[data-consent-cookie-table] table');
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(out, `${shot.name}.png`) });
    } else {
      await page.locator('[data-cg="banner"]').waitFor();
      // The first layer's other partners, listed in place.
      if (shot.partners) await page.locator('[data-cg="banner"] > button[aria-expanded]').click();
      if (shot.open) {
        await page.locator('[data-cg="manage"]').click();
        await page.locator('[data-cg="preferences"]').waitFor();
      }
      await page.screenshot({ path: path.join(out, `${shot.name}.png`) });
    }
    console.log(`wrote docs/screenshots/${shot.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await demo.close();
}
