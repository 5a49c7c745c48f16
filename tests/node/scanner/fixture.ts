/**
 * A small shop site on loopback for the scanner's tests, and the vendors its tags call. One
 * server answers both: first-party pages on `http://127.0.0.1:<port>`, and vendor hosts that
 * Chromium alone maps to the same port (`--host-resolver-rules`), told apart by the Host header.
 * Vendor hosts are ones Chromium does not force to https (not on its HSTS preload list).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Vendor hosts the pages call, mapped to loopback inside Chromium. */
export const VENDOR_HOSTS = ['static.hotjar.com', 'cdn.segment.com', 'js.hs-scripts.com', 'static.criteo.net', 'cdn.taboola.com', 'snap.licdn.com', 'disqus.com', 'pixel.unknown-tracker.test'];

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const HOTJAR_TAG = '<script src="http://static.hotjar.com/c/hotjar-1.js?sv=6" async></script>';
const CONSENT_GATE = `<script type="application/json" id="consent-gate-config">{"mode":"opt-in","categories":{"analytics":{"cookies":["/^_hj/"]}}}</script>
<script src="/dist/consent-gate.iife.js"></script>`;

function page(title: string, head: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title>\n${head}\n</head>\n<body>\n<h1>${title}</h1>\n${body}\n</body></html>\n`;
}

const LIST = Array.from({ length: 6 }, (_, i) => `<a href="/list/${i + 1}.html">Offer ${i + 1}</a>`).join(' ');

/** First-party pages, by path. */
export const PAGES: Record<string, string> = {
  '/': page(
    'Example Shop',
    `${HOTJAR_TAG}
<script>
  var s = document.createElement('script');
  s.src = 'http://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js';
  document.head.appendChild(s);
</script>
<script src="http://static.criteo.net/js/ld/publishertag.js"></script>`,
    `<nav><a href="/article.html">Article</a> <a href="/privacy.html">Privacy policy</a> <a href="/private/secret.html">Staff only</a> <a href="#top">Top</a></nav>
<p>${LIST}</p>
<img src="http://snap.licdn.com/li.lms-analytics/insight.gif?pid=1" width="1" height="1" alt="">
<img src="http://pixel.unknown-tracker.test/p.gif?id=1" alt="">
<script src="/js/app.js"></script>`,
  ),
  '/article.html': page(
    'An article',
    '<script src="http://js.hs-scripts.com/123.js" defer></script>',
    '<iframe src="http://disqus.com/embed/comments/?id=1" title="Comments"></iframe>\n<a href="/">Home</a>',
  ),
  '/privacy.html': page('Privacy policy', '', '<p>We use cookies.</p><a href="/">Home</a>'),
  '/private/secret.html': page('Secret', '<script src="http://cdn.taboola.com/secret.js"></script>', ''),
  '/leaky.html': page('Leaky', `${CONSENT_GATE}\n${HOTJAR_TAG}`, '<p>A tag that runs before consent.</p>'),
  '/fixed.html': page('Fixed', `${CONSENT_GATE}\n<script type="text/plain" data-consent="analytics" src="http://static.hotjar.com/c/hotjar-1.js?sv=6" async></script>`, '<p>Inert until consent.</p>'),
  '/bare.html': page('Bare', '<script type="text/plain" data-consent="analytics" src="http://static.hotjar.com/c/hotjar-1.js?sv=6"></script>', '<p>No Consent Gate yet.</p>'),
};
/** Consent Gate's script-tag build without a config: the page makes its own (headless) instance. */
const HEADLESS = (exposed: boolean, tags: string) => `<script src="/dist/consent-gate.iife.js"></script>
<script>
  (function () {
    var gate = ConsentGate.createConsent({ mode: 'opt-in', categories: { analytics: { cookies: ['/^_hj/'] } }, log: { endpoint: '/consent' } });
    ${exposed ? 'window.consentGate = gate;' : ''}
    document.addEventListener('click', function (event) { if (event.target.id === 'reject') gate.rejectAll(); });
  })();
</script>
${tags}`;
const GATED_HOTJAR = '<script type="text/plain" data-consent="analytics" src="http://static.hotjar.com/c/hotjar-1.js?sv=6"></script>';
const OPT_OUT = `<script type="application/json" id="consent-gate-config">{"mode":"opt-out","categories":{"advertising":{"vendors":[{"name":"Criteo","domains":["criteo.net"]}]}},"log":{"endpoint":"/consent"}}</script>
<script src="/dist/consent-gate.iife.js"></script>`;
const CRITEO = 'src="http://static.criteo.net/js/ld/publishertag.js"></script>';
const ACCEPT = `<script type="application/json" id="consent-gate-config">{"mode":"opt-in","categories":{"analytics":{"cookies":["/^_hj/"],"vendors":[{"name":"Hotjar","domains":["hotjar.com"]}]}},"log":{"endpoint":"/consent"}}</script>
<script src="/dist/consent-gate.iife.js"></script>`;

/** Pages for `scan --verify` on every kind of site, and hostile ones. */
Object.assign(PAGES, {
  '/headless.html': page('Headless', HEADLESS(true, GATED_HOTJAR), '<button id="reject">No thanks</button>'),
  '/headless-leaky.html': page('Headless, leaky', HEADLESS(true, HOTJAR_TAG), '<button id="reject">No thanks</button>'),
  '/own-buttons.html': page('Own buttons', HEADLESS(false, GATED_HOTJAR), '<button id="reject">No thanks</button>'),
  '/opt-out.html': page('Opt-out', `${OPT_OUT}
<script type="text/plain" data-consent="advertising" ${CRITEO}`, '<p>Tags by design.</p>'),
  '/opt-out-leaky.html': page('Opt-out, leaky', `${OPT_OUT}
<script ${CRITEO}`, '<p>The ad tag is not gated.</p>'),
  '/accept.html': page(
    'Accept',
    `${ACCEPT}
${GATED_HOTJAR}
<script type="text/plain" data-consent="analytics" src="http://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js"></script>`,
    '<p>Segment is not declared.</p>',
  ),
  '/late.html': page('Late', `${CONSENT_GATE}
<script>addEventListener('load', function () { setTimeout(function () { new Image().src = 'http://pixel.unknown-tracker.test/late.gif'; }, 4000); });</script>`, '<p>A tracker 4 s after load.</p>'),
  '/busy.html': page('Busy', `${CONSENT_GATE}
<script>addEventListener('load', function () { setTimeout(function () { for (;;) {} }, 50); });</script>`, '<p>Busy after load.</p>'),
  '/framed.html': page('Framed', CONSENT_GATE, '<iframe src="/private/secret.html" title="Staff"></iframe>'),
  '/declared.html': page(
    'Declared',
    `<script type="application/json" id="consent-gate-config">{"mode":"opt-in","revision":3,"categories":{"analytics":{"cookies":[{"name":"site_pref","purpose":"Remembers the theme"}],"vendors":[{"name":"Our pixel","domains":["unknown-tracker.test"]}]}}}</script>\n${HOTJAR_TAG}`,
    '<img src="http://pixel.unknown-tracker.test/p.gif?id=2" alt="">\n<script src="/js/app.js"></script>',
  ),
});
for (let i = 1; i <= 6; i++) PAGES[`/list/${i}.html`] = page(`Offer ${i}`, '', `<a href="/list/${i + 1}.html">Next</a>`);

const SCRIPTS: Record<string, string> = {
  'static.hotjar.com/c/hotjar-1.js': "document.cookie = '_hjSessionUser_1=abc; path=/; max-age=31536000'; localStorage.setItem('_hjid', 'x');",
  'cdn.segment.com/analytics.js/v1/KEY/analytics.min.js': "document.cookie = 'ajs_anonymous_id=1; path=/; max-age=31536000';",
  'static.criteo.net/js/ld/publishertag.js':
    "document.cookie = 'cto_bundle=1; path=/; max-age=34000000'; var t = document.createElement('script'); t.src = 'http://cdn.taboola.com/libtrc/loader.js'; document.head.appendChild(t);",
  'cdn.taboola.com/libtrc/loader.js': "setTimeout(function () { new Image().src = 'http://cdn.taboola.com/pixel.gif?e=view'; }, 10);",
  'js.hs-scripts.com/123.js': "document.cookie = 'hubspotutk=1; path=/; max-age=15552000';",
  '127.0.0.1/js/app.js': "document.cookie = 'site_pref=dark; path=/; max-age=86400'; document.cookie = 'XSRF-TOKEN=t; path=/'; sessionStorage.setItem('cart_id', '1');",
};

/** What /robots.txt answers: the shop's rules, `Disallow: /`, a 503, or 22 MB (the rules first). */
export type RobotsMode = 'normal' | 'disallow-all' | '503' | 'huge';

/** The size of the `huge` robots.txt. */
export const HUGE_ROBOTS_BYTES = 22 * 1024 * 1024;

/** The fixture server: its origin, the Chromium flag that maps vendor hosts to it, and its log. */
export interface Fixture {
  origin: string;
  /** `--host-resolver-rules=MAP static.hotjar.com 127.0.0.1:<port>, …` */
  resolverRules: string;
  /** Every request, as `host/path?query`. */
  requests: string[];
  /** Consent records that reached the site's log endpoint (POST /consent): its store. */
  records: string[];
  /** What /robots.txt answers from now on. */
  robots: RobotsMode;
  /** Bytes of the last `huge` robots.txt the server managed to send before the client hung up. */
  readonly robotsBytesSent: number;
  close(): Promise<void>;
}

async function hugeRobots(response: import('node:http').ServerResponse, state: { robotsBytesSent: number }): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.write('User-agent: *\nDisallow: /private/\n');
  const line = `# ${'x'.repeat(1021)}\n`;
  state.robotsBytesSent = 0;
  for (; state.robotsBytesSent < HUGE_ROBOTS_BYTES && !response.destroyed; state.robotsBytesSent += line.length) {
    if (response.write(line)) continue;
    await new Promise<void>((resolve) => {
      const done = () => {
        response.off('drain', done).off('close', done);
        resolve();
      };
      response.on('drain', done).on('close', done);
    });
  }
  response.end();
}

/** Starts the fixture; `dist` is served under /dist/ for the pages that use Consent Gate. */
export async function startFixture(dist: string): Promise<Fixture> {
  const requests: string[] = [];
  const records: string[] = [];
  const state = { robots: 'normal' as RobotsMode, robotsBytesSent: 0 };
  const server = createServer((request, response) => {
    void (async () => {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(request.url ?? '/', 'http://x');
      requests.push(`${host}${url.pathname}${url.search}`);
      const send = (type: string, body: string | Buffer, status = 200) => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(body);
      };
      const script = SCRIPTS[`${host}${url.pathname}`];
      if (script) return send('text/javascript', script);
      if (host !== '127.0.0.1') {
        if (url.pathname.startsWith('/embed/')) return send('text/html', '<!doctype html><title>Comments</title><img src="http://disqus.com/pixel.gif" alt="">');
        return send('image/gif', PIXEL);
      }
      if (url.pathname === '/robots.txt') {
        if (state.robots === 'huge') return hugeRobots(response, state);
        if (state.robots === '503') return send('text/plain', 'maintenance', 503);
        return send('text/plain', state.robots === 'disallow-all' ? 'User-agent: *\nDisallow: /\n' : 'User-agent: *\nDisallow: /private/\n');
      }
      if (url.pathname === '/consent' && request.method === 'POST') {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        return request.on('end', () => {
          records.push(body);
          send('text/plain', '', 204);
        });
      }
      if (url.pathname === '/go') {
        response.writeHead(302, { location: '/private/secret.html' });
        return response.end();
      }
      if (url.pathname.startsWith('/dist/')) {
        const file = path.resolve(dist, `.${url.pathname.slice(5)}`);
        const body = file.startsWith(dist + path.sep) ? await readFile(file).catch(() => null) : null;
        if (body) return send(file.endsWith('.json') ? 'application/json' : 'text/javascript', body);
      }
      const html = PAGES[url.pathname];
      if (html) return send('text/html; charset=utf-8', html);
      send('text/plain', 'not found', 404);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    resolverRules: `--host-resolver-rules=${VENDOR_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`,
    requests,
    records,
    get robots() {
      return state.robots;
    },
    set robots(mode: RobotsMode) {
      state.robots = mode;
    },
    get robotsBytesSent() {
      return state.robotsBytesSent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
