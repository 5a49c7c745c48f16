/**
 * `consent-gate scan` over a fixture shop whose tags call well-known vendor hosts, mapped to
 * loopback inside Chromium only: the config draft, the declaration, the replacement markup,
 * robots.txt, the page limit, and the command as a real process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/messages.js';
import type { ConsentGateConfig, CookieDescription } from '../../../src/types.js';
import { startFixture, type Fixture } from './fixture.js';
import { cli, DIST } from './support.js';

let fixture: Fixture;
let dir: string;
let config: ConsentGateConfig;
let report: string;
let stderr: string;

beforeAll(async () => {
  fixture = await startFixture(DIST);
  dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-scan-'));
  const result = await cli('scan', `${fixture.origin}/`, '--delay', '0', `--browser-arg=${fixture.resolverRules}`, '--out', path.join(dir, 'config.json'), '--report', path.join(dir, 'report.md'));
  expect(result.code, result.stderr).toBe(0);
  stderr = result.stderr;
  config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as ConsentGateConfig;
  report = readFileSync(path.join(dir, 'report.md'), 'utf8');
}, 90_000);

afterAll(async () => {
  await fixture?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cookieNames = (id: string) => (config.categories?.[id]?.cookies ?? []).map((c) => (c as CookieDescription).name);
const vendorNames = (id: string) => (config.categories?.[id]?.vendors ?? []).map((v) => `${v.name} ${v.domains?.join(',')}`);

describe('consent-gate scan on the fixture shop', () => {
  it('drafts an opt-in config that validates, with the cookies and vendors in the right categories', () => {
    expect(validateConfig(config)).toEqual([]);
    expect(config.mode).toBe('opt-in');
    expect(config.privacyPolicyUrl).toBe('/privacy.html');
    expect(Object.keys(config.categories!).sort()).toEqual(['advertising', 'analytics', 'necessary', 'social']);
    // A numbered family is declared as its pattern, not as the one member seen.
    expect(cookieNames('analytics').sort()).toEqual(['/^_hjSessionUser_/', 'ajs_anonymous_id', 'hubspotutk']);
    expect(cookieNames('advertising')).toEqual(['cto_bundle']);
    expect(cookieNames('necessary')).toEqual(['XSRF-TOKEN']);
    expect(config.categories!.analytics!.storage).toEqual(['_hjid']);
    expect(vendorNames('analytics').sort()).toEqual(['Hotjar hotjar.com', 'HubSpot hs-scripts.com', 'Segment segment.com']);
    // Vendors are named as companies: "LinkedIn", not the product "LinkedIn Ads".
    expect(vendorNames('advertising').sort()).toEqual(['Criteo criteo.net', 'LinkedIn licdn.com', 'Taboola taboola.com']);
    expect(vendorNames('social')).toEqual(['Disqus disqus.com']);
    // Unknown things are not guessed into the config.
    expect(JSON.stringify(config)).not.toMatch(/site_pref|cart_id|unknown-tracker/);
  });

  it('writes the declaration with lifetimes, parties and flags as the cookie store has them', () => {
    expect(report).toMatch(/\| `_hjSessionUser_1` \| Hotjar \| Visitor ID \| 1 year \| 127\.0\.0\.1 \| first \| SameSite=Lax \|/);
    expect(report).toMatch(/\| `XSRF-TOKEN` \| – \| .* \| Session \|/);
    expect(report).toContain('| disqus.com | Disqus | social | 2 | /article.html |');
  });

  it('lists each tag to make inert with its exact replacement markup', () => {
    expect(report).toContain('<script type="text/plain" data-consent="analytics" src="http://static.hotjar.com/c/hotjar-1.js?sv=6" async></script>');
    expect(report).toContain('<script type="text/plain" data-consent="analytics" src="http://js.hs-scripts.com/123.js" defer></script>');
    expect(report).toContain('<img data-consent="advertising" data-src="http://snap.licdn.com/li.lms-analytics/insight.gif?pid=1" width="1" height="1" alt="">');
    expect(report).toContain('<iframe data-consent="social" data-src="http://disqus.com/embed/comments/?id=1" title="Comments"></iframe>');
    expect(report).toContain("<script type=\"text/plain\" data-consent=\"analytics\">\n  var s = document.createElement('script');");
    // An unknown host's tag is listed, with the category left for the owner.
    expect(report).toContain('<img data-consent="CATEGORY" data-src="http://pixel.unknown-tracker.test/p.gif?id=1" alt="">');
  });

  it('follows initiator chains: a script that loaded a script that loaded a pixel', () => {
    expect(report).toContain('- `http://static.criteo.net/js/ld/publishertag.js` → `http://cdn.taboola.com/libtrc/loader.js` → `http://cdn.taboola.com/pixel.gif?e=view`');
    expect(report).toContain('<script type="text/plain" data-consent="advertising" src="http://static.criteo.net/js/ld/publishertag.js"></script>');
    // The iframe's own requests are traced to the iframe.
    expect(report).toContain('- `http://disqus.com/embed/comments/?id=1` → `http://disqus.com/pixel.gif`');
  });

  it('lists what no catalogue knows, with the pages where it was seen', () => {
    const unclassified = report.slice(report.indexOf('## Unclassified'));
    expect(unclassified).toContain('| cookie | site_pref | 127.0.0.1 (24 hours) | / |');
    expect(unclassified).toContain('| storage key | cart_id | sessionStorage | / |');
    expect(unclassified).toContain('| host | pixel.unknown-tracker.test | 1 requests | / |');
  });

  it('respects robots.txt and reports progress on standard error', () => {
    expect(report).toContain('Not scanned (robots.txt): /private/secret.html.');
    expect(fixture.requests.some((request) => request.includes('/private/'))).toBe(false);
    expect(fixture.requests.some((request) => request.startsWith('cdn.taboola.com/secret'))).toBe(false);
    expect(stderr).toMatch(/^\[1\/20\] http:\/\/127\.0\.0\.1:\d+\/ \(200\): \d+ cookies, \d+ third-party hosts so far$/m);
    expect(stderr).toContain('10 pages scanned, 6 cookies, 2 storage keys, 8 third-party hosts, 7 tags to make inert, 3 unclassified.');
  });
});

describe('consent-gate scan of a page with its own config', () => {
  it('starts from it: its declarations are kept as written, only what is new is added', async () => {
    const out = path.join(dir, 'declared.json');
    const md = path.join(dir, 'declared.md');
    const result = await cli('scan', `${fixture.origin}/declared.html`, '--pages', '1', '--delay', '0', `--browser-arg=${fixture.resolverRules}`, '--out', out, '--report', md);
    expect(result.code, result.stderr).toBe(0);
    const draft = JSON.parse(readFileSync(out, 'utf8')) as ConsentGateConfig;
    expect(validateConfig(draft)).toEqual([]);
    expect(draft.revision).toBe(3);
    const analytics = draft.categories!.analytics!;
    expect(analytics.cookies![0]).toEqual({ name: 'site_pref', purpose: 'Remembers the theme' });
    expect(analytics.cookies!.slice(1)).toEqual([{ name: '/^_hjSessionUser_/', purpose: 'Visitor ID', lifetime: '1 year', provider: 'Hotjar' }]);
    expect(analytics.vendors).toEqual([
      { name: 'Our pixel', domains: ['unknown-tracker.test'] },
      { name: 'Hotjar', domains: ['hotjar.com'] },
    ]);
    const unclassified = readFileSync(md, 'utf8').split('## Unclassified')[1]!;
    expect(unclassified).not.toMatch(/site_pref|unknown-tracker/);
  }, 60_000);
});

describe('bin/consent-gate.mjs scan (built, a real process)', () => {
  it('stops at --pages and writes an HTML report with every value escaped', async () => {
    const file = path.join(dir, 'report.html');
    const { stderr: progress } = await promisify(execFile)(
      process.execPath,
      ['bin/consent-gate.mjs', 'scan', `${fixture.origin}/`, '--pages', '3', '--delay', '0', `--browser-arg=${fixture.resolverRules}`, '--report', file],
      { timeout: 60_000 },
    );
    expect(progress).toContain('[3/3]');
    expect(progress).not.toContain('[4/');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('3 pages scanned');
    expect(html).toContain('&lt;script type=&quot;text/plain&quot; data-consent=&quot;analytics&quot; src=&quot;http://static.hotjar.com/c/hotjar-1.js?sv=6&quot; async&gt;&lt;/script&gt;');
    // The page's own markup never appears as markup in the report.
    expect(html).not.toMatch(/<(script|img|iframe)\b/i);
  }, 60_000);
});
