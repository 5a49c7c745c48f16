/** The scanner's small parts: robots.txt, sites, inert markup, escaping, finding Chromium. */
import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium } from '../../../src/node/scanner/chromium.js';
import { describeLifetime } from '../../../src/node/scanner/classify.js';
import { inertMarkup, originalMarkup } from '../../../src/node/scanner/markup.js';
import { escapeHtml, html } from '../../../src/node/scanner/report-html.js';
import { cell, fence } from '../../../src/node/scanner/report-markdown.js';
import { parseRobots } from '../../../src/node/scanner/robots.js';
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
