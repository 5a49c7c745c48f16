/** The scanner's small parts: robots.txt, sites, inert markup, escaping, finding Chromium. */
import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium } from '../../../src/node/scanner/chromium.js';
import { describeLifetime } from '../../../src/node/scanner/classify.js';
import { inertMarkup, originalMarkup } from '../../../src/node/scanner/markup.js';
import { escapeHtml, html } from '../../../src/node/scanner/report-html.js';
import { cell, fence } from '../../../src/node/scanner/report-markdown.js';
import { parseRobots, robotsFromResponse } from '../../../src/node/scanner/robots.js';
import { importOptionals, MissingDependencyError } from '../../../src/node/optional-dependency.js';
import { companyOf, familyOf } from '../../../src/node/scanner/config-draft.js';
import { DeadlineError, parseDuration, withDeadline } from '../../../src/node/scanner/deadline.js';
import { isConsentRecord } from '../../../src/node/scanner/interceptor.js';
import { noTagsNote, pageGroups, type ScanReport } from '../../../src/node/scanner/report-model.js';
import { compareBaseline } from '../../../src/node/scanner/verify-report.js';
import { loadSiteRules } from '../../../src/node/scanner/site.js';
import { inlineScriptAt, inlineScripts } from '../../../src/node/scanner/source.js';

describe('robots.txt', () => {
  const robots = `# comment
User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/open

User-agent: consent-gate
User-agent: other
Disallow: /no-scanners
`;
  it('uses the group naming the scanner, else *', () => {
    expect(parseRobots(robots).allowed('/no-scanners/x')).toBe(false);
    expect(parseRobots(robots).allowed('/private/x')).toBe(true);
    const star = parseRobots(robots, 'somebot');
    expect(star.allowed('/private/x')).toBe(false);
    expect(star.allowed('/private/open/page')).toBe(true); // the longest rule wins
    expect(star.allowed('/file.pdf')).toBe(false);
    expect(star.allowed('/file.pdf?x=1')).toBe(true); // $ anchors the end
    expect(parseRobots('').allowed('/anything')).toBe(true);
  });
});

describe('sites', () => {
  it('compares registrable domains, and whole hosts for IPs and localhost', async () => {
    const site = await loadSiteRules();
    expect(site.siteOf('https://shop.example.co.uk/x')).toBe('example.co.uk');
    expect(site.sameSite('https://a.example.com/', 'http://b.example.com:8080/')).toBe(true);
    expect(site.sameSite('https://alice.github.io/', 'https://bob.github.io/')).toBe(false);
    expect(site.sameSite('http://127.0.0.1:1/', 'http://127.0.0.1:2/')).toBe(true);
    expect(site.sameSite('http://127.0.0.1/', 'http://127.0.0.2/')).toBe(false);
    expect(site.siteOf('.static.hotjar.com')).toBe('hotjar.com');
  });
});

describe('inert markup', () => {
  it('makes scripts text/plain, keeps module type in data-type, moves src of frames and images', () => {
    expect(inertMarkup({ kind: 'script', attributes: [['type', 'module'], ['src', 'https://x/a.js']], url: 'https://x/a.js' }, ['analytics'])).toBe(
      '<script type="text/plain" data-consent="analytics" data-type="module" src="https://x/a.js"></script>',
    );
    expect(inertMarkup({ kind: 'img', attributes: [['src', 'https://x/p.gif'], ['srcset', 'https://x/p2.gif 2x'], ['alt', '']] }, ['advertising', 'analytics'])).toBe(
      '<img data-consent="advertising analytics" data-src="https://x/p.gif" data-srcset="https://x/p2.gif 2x" alt="">',
    );
    expect(inertMarkup({ kind: 'iframe', attributes: [['src', 'https://v/e'], ['allowfullscreen', '']] }, [])).toBe('<iframe data-consent="CATEGORY" data-src="https://v/e" allowfullscreen></iframe>');
  });

  it('escapes attribute values so a page cannot close the tag', () => {
    expect(originalMarkup({ kind: 'img', attributes: [['src', 'x" onerror="alert(1)'], ['alt', 'a&b']] })).toBe('<img src="x&quot; onerror=&quot;alert(1)" alt="a&amp;b">');
  });

  it('finds the inline script at a DevTools position', () => {
    const source = '<html><head>\n<script src="a.js"></script>\n<script async>\n  go();\n</script>\n</head></html>';
    const scripts = inlineScripts(source);
    expect(scripts).toHaveLength(1);
    expect(inlineScriptAt(source, scripts, 3, 2)).toMatchObject({ kind: 'inline-script', attributes: [['async', '']], text: '\n  go();\n', line: 3 });
    expect(inlineScriptAt(source, scripts, 0, 0)).toBeUndefined();
  });
});

describe('reports', () => {
  it('escape every value in HTML and in Markdown tables and fences', () => {
    expect(html`<td>${'<img src=x onerror=alert(1)>'}</td>`.value).toBe('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
    expect(cell('a|b\n<c>')).toBe('a\\|b &lt;c>');
    expect(fence('x ``` y')).toBe('````html\nx ``` y\n````');
  });

  it('words lifetimes', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(describeLifetime(-1, now)).toBe('Session');
    expect(describeLifetime(now / 1000 + 86_400 * 30, now)).toBe('30 days');
    expect(describeLifetime(now / 1000 + 86_400 * 395, now)).toBe('13 months');
    expect(describeLifetime(now / 1000 + 86_400 * 730, now)).toBe('2 years');
  });
});

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH, else the usual places, else says how to install one', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, (file) => file === '/opt/chrome')).toBe('/opt/chrome');
    expect(findChromium({}, (file) => file === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(() => findChromium({}, () => false)).toThrow(ChromiumNotFoundError);
    expect(() => findChromium({}, () => false)).toThrow('sudo apt-get install -y chromium');
    expect(() => findChromium({ CHROMIUM_PATH: '/nope' }, () => true && false)).toThrow('CHROMIUM_PATH=/nope');
  });
});

describe('robots.txt responses (RFC 9309 2.3.1)', () => {
  it('2xx: its rules; 4xx: everything allowed; 5xx or unreachable: nothing allowed', () => {
    expect(robotsFromResponse({ status: 200, text: 'User-agent: *\nDisallow: /a' }).allowed('/a')).toBe(false);
    expect(robotsFromResponse({ status: 404, text: '' }).allowed('/a')).toBe(true);
    expect(robotsFromResponse({ status: 503, text: '' }).allowed('/')).toBe(false);
    expect(robotsFromResponse({ status: 0, text: '' }).allowed('/')).toBe(false);
  });
});

describe('config drafts', () => {
  it('name vendors as companies', () => {
    expect(companyOf('Google Tag Manager')).toBe('Google');
    expect(companyOf('Meta Pixel')).toBe('Meta');
    expect(companyOf('YouTube')).toBe('Google');
    expect(companyOf('Hotjar')).toBe('Hotjar');
  });

  it('suggest a pattern for numbered or suffixed cookie families, none for plain names', () => {
    expect(familyOf('_ga_ABC123XYZ')).toBe('/^_ga_/');
    expect(familyOf('_hjSession_123456')).toBe('/^_hjSession_/');
    expect(familyOf('_pk_id.1.a1b2')).toBe('/^_pk_id\\./');
    for (const plain of ['site_pref', 'XSRF-TOKEN', 'ajs_anonymous_id', 'hubspotutk', 'AMP_TOKEN', 'session_ACTIVE']) expect(familyOf(plain)).toBeUndefined();
  });
});

describe('scan reports', () => {
  const report = (pages: string[], hosts: Array<{ host: string; category?: string }>): ScanReport => ({
    start: 'http://a.test/',
    scannedAt: '',
    pages: pages.map((url) => ({ url, finalUrl: url, status: 200 })),
    disallowed: [],
    findings: { cookies: [], storage: [], tags: [], hosts: hosts.map((h) => ({ ...h, requests: 1, pages: [] })) },
  });

  it('group query variants of a page', () => {
    expect(pageGroups(report(['http://a.test/', 'http://a.test/?mode=opt-out', 'http://a.test/?lang=de', 'http://a.test/b'], []))).toEqual([
      { page: '/', variants: ['?mode=opt-out', '?lang=de'], status: '200' },
      { page: '/b', variants: [], status: '200' },
    ]);
  });

  it('never say nothing loads a third party above a table of third-party requests', () => {
    expect(noTagsNote(report([], []).findings)).toBe('None: no tag in the pages loads a third party before consent.');
    expect(noTagsNote(report([], [{ host: 'x.test' }, { host: 'y.test', category: 'advertising' }]).findings)).toMatch(/^None traced to a tag .* but 2 third-party hosts above were requested before consent/);
  });
});

describe('scan --verify parts', () => {
  it('recognise a consent record by its schema fields', () => {
    expect(isConsentRecord(JSON.stringify({ schemaVersion: 1, recordId: 'r', consentId: 'c' }))).toBe(true);
    expect(isConsentRecord('{"event":"pageview"}')).toBe(false);
    expect(isConsentRecord('not json')).toBe(false);
    expect(isConsentRecord(undefined)).toBe(false);
  });

  it('read durations', () => {
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1500')).toBe(1500);
    expect(parseDuration('ten')).toBeUndefined();
  });

  it('end work at its deadline from outside, whatever the work does', async () => {
    let abandoned = false;
    const never = new Promise<never>(() => undefined);
    await expect(withDeadline(50, () => never, async () => void (abandoned = true))).rejects.toBeInstanceOf(DeadlineError);
    expect(abandoned).toBe(true);
    await expect(withDeadline(1000, async () => 7, async () => undefined)).resolves.toBe(7);
  });

  it('compare a run with its baseline', () => {
    expect(compareBaseline(['a', 'b'], ['b', 'c'])).toEqual({ appeared: ['c'], disappeared: ['a'] });
  });
});

describe('optional dependencies', () => {
  it('are all named in one message', async () => {
    const missing = (name: string) => async () => {
      throw Object.assign(new Error(`Cannot find package '${name}' imported from x`), { code: 'ERR_MODULE_NOT_FOUND' });
    };
    const error = await importOptionals(
      [
        { name: 'tldts', load: missing('tldts') },
        { name: 'playwright-core', load: missing('playwright-core') },
        { name: 'present', load: async () => ({}) },
      ],
      'consent-gate scan',
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MissingDependencyError);
    expect((error as Error).message).toBe('consent-gate scan needs tldts and playwright-core, which are not installed. Run: npm install tldts playwright-core');
  });
});
