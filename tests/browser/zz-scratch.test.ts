import { test } from 'vitest';
import { launchBrowser } from './support/browser';
import { startServers, PROJECT_ROOT } from './support/servers';
import { headlessPage } from './support/pages';

test('scratch', async () => {
  const s = await startServers({ projectRoot: PROJECT_ROOT });
  const b = await launchBrowser();
  const ctx = await b.newContext();
  const page = await ctx.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e));
  const T = s.thirdParty;
  s.page('/a.html', headlessPage({ config: { categories: { advertising: {}, social: {} } }, body: `
<img data-consent="advertising" data-src="${T}/t/pixel.gif" data-srcset="${T}/t/pixel-1x.gif 1x">
<video data-consent="advertising" preload="auto"><source data-src="${T}/t/clip.mp4" type="video/mp4"></video>
<link rel="stylesheet" data-consent="advertising" data-href="${T}/t/style.css">
<iframe data-consent="social" data-src="${T}/t/social.html"></iframe>
<script type="text/plain" data-consent="advertising" src="${T}/t/slow-a.js"></script>
` }));
  const t0 = Date.now();
  await page.goto(s.firstParty + '/a.html');
  await page.waitForFunction(() => window.gate || window.gateError);
  console.log('ready', Date.now() - t0, await page.evaluate(() => window.gateError));
  await page.waitForTimeout(500);
  console.log(s.requests());
  await page.evaluate(() => window.gate!.acceptAll());
  await page.waitForTimeout(1500);
  console.log(s.requests(), await page.evaluate(() => [window.__ran, document.cookie]));
  console.log(await ctx.cookies());
  await ctx.addCookies([{ name: 'x', value: '1', url: s.firstParty + '/sub/' }]);
  await ctx.addCookies([{ name: 'y', value: '1', domain: '127.0.0.1', path: '/sub' }]);
  console.log(await ctx.cookies());
  await b.close(); await s.close();
});
