/**
 * A loopback third party that plays several well-known vendors: Chromium resolves their host
 * names to 127.0.0.1 (`--host-resolver-rules`), and one plain-http server answers them all,
 * logging each request with its host. The hosts are catalogued by the vendor catalogue and are
 * on neither Chromium's nor Firefox's HSTS preload list (checked by experiment: Chromium upgrades
 * `connect.facebook.net`, `player.vimeo.com`, `www.youtube.com` and `bat.bing.com` to https, and
 * Firefox `platform.twitter.com`, so they never reach a plain-http server).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SETTLED_PATH } from './settle';

/** Catalogued hosts and the consent category the catalogue gives them. */
export const VENDOR_HOSTS = {
  'static.hotjar.com': 'analytics',
  'cdn.segment.com': 'analytics',
  'js.hs-scripts.com': 'analytics',
  'www.googletagmanager.com': 'analytics',
  'snap.licdn.com': 'advertising',
  'static.criteo.net': 'advertising',
  'ib.adnxs.com': 'advertising',
  'cdn.taboola.com': 'advertising',
  'static.ads-twitter.com': 'advertising',
  'platform-api.sharethis.com': 'social',
  'c.disquscdn.com': 'social',
  'platform.linkedin.com': 'social',
} as const;

export interface VendorRequest {
  host: string;
  path: string;
  time: number;
}

export interface VendorServer {
  port: number;
  /** `http://127.0.0.1:<port>`: the server under no catalogued name, for `settled()`. */
  loopback: string;
  /** `http://<host>:<port>` */
  origin(host: keyof typeof VENDOR_HOSTS): string;
  /** Chromium flag mapping every vendor host to loopback. */
  resolverRules: string;
  requests(): VendorRequest[];
  clear(): void;
  close(): Promise<void>;
}

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Scripts record `<host><path>` in `window.__ran` in the order they run, and what
 * `document.currentScript.src` says in `window.__srcs`; `?delay=N` answers after N ms, so order
 * tests mean something.
 */
function answer(host: string, url: URL): { type: string; body: string | Buffer } {
  if (url.pathname.endsWith('.js')) {
    const name = `${host}${url.pathname}`;
    return {
      type: 'text/javascript',
      body: `(window.__ran = window.__ran || []).push(${JSON.stringify(name)});\n(window.__srcs = window.__srcs || []).push(document.currentScript && document.currentScript.src);\n`,
    };
  }
  if (url.pathname.endsWith('.gif')) return { type: 'image/gif', body: PIXEL };
  if (url.pathname.endsWith('.css')) return { type: 'text/css', body: 'body { --vendor: 1; }' };
  return { type: 'text/html', body: `<!doctype html><title>${host}</title><p>${host}</p>` };
}

export async function startVendorServer(): Promise<VendorServer> {
  let logged: VendorRequest[] = [];
  const server: Server = createServer((request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === SETTLED_PATH) {
      response.writeHead(204, { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
      return void response.end();
    }
    logged.push({ host, path: url.pathname, time: Date.now() });
    const { type, body } = answer(host, url);
    const delay = Number(url.searchParams.get('delay') ?? 0);
    setTimeout(() => {
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
      response.end(body);
    }, delay);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    loopback: `http://127.0.0.1:${port}`,
    origin: (host) => `http://${host}:${port}`,
    resolverRules: `--host-resolver-rules=${Object.keys(VENDOR_HOSTS)
      .map((host) => `MAP ${host} 127.0.0.1`)
      .join(',')}`,
    requests: () => [...logged],
    clear() {
      logged = [];
    },
    close() {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
