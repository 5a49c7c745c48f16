/** `consent-gate scan` over the project's own demo site (served as `npm run demo` serves it): under a minute. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownReport } from '../../../src/node/scanner/report-markdown.js';
import { scanSite } from '../../../src/node/scanner/scan.js';
import { requireBuild } from './support.js';

interface Demo {
  origin: string;
  close(): Promise<void>;
}

let demo: Demo;
beforeAll(async () => {
  requireBuild();
  // demo/serve.mjs is plain JavaScript; its shape is the small interface above.
  const { startDemo } = (await import('../../../demo/serve.mjs' as string)) as { startDemo(options: object): Promise<Demo> };
  demo = await startDemo({ port: 0, thirdPartyPort: 0 });
});
afterAll(() => demo?.close());

describe('consent-gate scan on the demo site', () => {
  it('crawls every linked page in under a minute; no tag to make inert, cookies only where opt-out mode sets them', async () => {
    const started = Date.now();
    const { report, draft } = await scanSite({ url: `${demo.origin}/`, delayMs: 0 });
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(60);
    const paths = report.pages.map((page) => new URL(page.finalUrl).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/', '/article.html', '/privacy.html']));
    expect(report.pages.every((page) => page.status === 200)).toBe(true);
    // The demo writes its tags inert: no tag to fix. Its "ad network" is another port of the
    // same loopback host, so first party by the rule for IP addresses.
    expect(report.findings.tags).toEqual([]);
    // Only the demo's opt-out pages (reached through its mode switch links, ?mode=opt-out) set
    // cookies before any decision, as opt-out mode means. They are in no catalogue, but the
    // demo's own config declares them: the scan starts from it and keeps them where it put them.
    const optOut = report.pages.filter((page) => page.url.includes('mode=opt-out')).map((page) => page.finalUrl);
    expect(optOut.length).toBeGreaterThan(0);
    expect(report.findings.cookies.map((cookie) => [cookie.name, cookie.category]).sort()).toEqual([
      ['demo_ad_id', 'advertising'],
      ['demo_stats', 'analytics'],
    ]);
    for (const cookie of report.findings.cookies) expect(optOut).toEqual(expect.arrayContaining(cookie.pages));
    expect(draft.config.categories?.analytics?.cookies).toEqual([{ name: 'demo_stats', purpose: 'Counts visits', lifetime: '30 days', provider: 'Example Stats' }]);
    expect(draft.config.categories?.advertising?.cookies).toContainEqual({ name: 'demo_ad_id', purpose: 'Ad measurement', lifetime: '30 days', provider: 'Example Ads' });
    // Query variants of a page are one row of the Pages table.
    const rows = markdownReport(report).split('## Pages')[1]!;
    expect(rows.match(/^\| \/ \|/gm)).toHaveLength(1);
    expect(draft.config.privacyPolicyUrl).toBe('/privacy.html');
    expect(draft.problems).toEqual([]);
  }, 60_000);
});
