/**
 * Two real HTTP servers on loopback, ports chosen by the OS:
 * - the first party, `http://127.0.0.1:<A>`: registered pages, the built `dist/` and
 *   `node_modules/` (for the import map), so the page loads the library exactly as a site would;
 * - the third party, `http://localhost:<B>` (another host, so another origin): answers any path
 *   and logs every request, so a test can prove that nothing gated was fetched (ePrivacy Art. 5(3)).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETTLED_PATH } from './settle';

/** One request that reached the third party. */
export interface LoggedRequest {
  /** Path and query, e.g. `/t/pixel.gif`. */
  path: string;
  /** When it arrived (`Date.now()`). */
  time: number;
}

export interface Servers {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  firstParty: string;
  /** `http://localhost:<port>`, no trailing slash. */
  thirdParty: string;
  /** Serves `html` at `path` on the first party, with extra response headers (e.g. a CSP). */
  page(path: string, html: string, headers?: Record<string, string>): void;
  /** Third-party requests, in arrival order. */
  requests(): LoggedRequest[];
  /** Forgets the logged third-party requests. */
  clearRequests(): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** The smallest transparent GIF (1x1). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Third-party scripts named `*slow*` answer after this delay, so order tests mean something. */
export const SLOW_SCRIPT_DELAY_MS = 300;

const NO_STORE = { 'Cache-Control': 'no-store' };

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...NO_STORE, 'Content-Type': type, ...headers });
  response.end(body);
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

function pathnameOf(request: IncomingMessage): string {
  try {
    return decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  } catch {
    return '/';
  }
}

/** A file under `root` (never outside it), or null. */
async function fileUnder(root: string, relative: string): Promise<Buffer | null> {
  const file = resolve(root, `.${relative}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, host, () => done((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

/**
 * The third party's answer for `/t/<name>.<ext>`: scripts record that they ran in
 * `window.__ran` and set a cookie named after themselves on the page they run in, as an ad tag
 * sets `_fbp`; pixels are GIFs, frames small pages; anything else is an empty 200.
 */
async function thirdPartyResponse(path: string, response: ServerResponse): Promise<void> {
  const match = /^\/t\/([\w.-]+)\.(js|gif|html|css)$/.exec(path);
  if (!match) return send(response, 200, 'text/plain; charset=utf-8', '');
  const [, name, ext] = match as unknown as [string, string, string];
  if (ext === 'js') {
    if (name.includes('slow')) await delay(SLOW_SCRIPT_DELAY_MS);
    const js = `(window.__ran = window.__ran || []).push(${JSON.stringify(name)});\ndocument.cookie = ${JSON.stringify(`${name}=1; path=/`)};\n`;
    return send(response, 200, CONTENT_TYPES['.js']!, js);
  }
  if (ext === 'gif') return send(response, 200, 'image/gif', PIXEL);
  if (ext === 'css') return send(response, 200, CONTENT_TYPES['.css']!, `/* ${name} */ body { --third-party: 1; }\n`);
  return send(response, 200, CONTENT_TYPES['.html']!, `<!doctype html><title>${name}</title><p>third-party ${name}</p>`);
}

/** Starts both servers. `projectRoot` holds `dist/` and `node_modules/`. */
export async function startServers({ projectRoot }: { projectRoot: string }): Promise<Servers> {
  const dist = resolve(projectRoot, 'dist');
  const nodeModules = resolve(projectRoot, 'node_modules');
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  let logged: LoggedRequest[] = [];

  const first = createServer((request, response) => {
    void (async () => {
      const path = pathnameOf(request);
      if (path === SETTLED_PATH) return send(response, 204, 'text/plain; charset=utf-8', '');
      const page = pages.get(path);
      if (page) return send(response, 200, CONTENT_TYPES['.html']!, page.html, page.headers);
      for (const [prefix, root] of [['/dist/', dist], ['/node_modules/', nodeModules]] as const) {
        if (!path.startsWith(prefix)) continue;
        const body = await fileUnder(root, path.slice(prefix.length - 1));
        if (body) return send(response, 200, CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', body);
      }
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
    })().catch((error: unknown) => send(response, 500, 'text/plain; charset=utf-8', String(error)));
  });

  const third = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x');
    if (path.pathname === SETTLED_PATH) return send(response, 204, 'text/plain; charset=utf-8', '');
    logged.push({ path: path.pathname + path.search, time: Date.now() });
    thirdPartyResponse(path.pathname, response).catch((error: unknown) => send(response, 500, 'text/plain; charset=utf-8', String(error)));
  });

  const firstPort = await listen(first, '127.0.0.1');
  const thirdPort = await listen(third, '127.0.0.1');

  return {
    firstParty: `http://127.0.0.1:${firstPort}`,
    thirdParty: `http://localhost:${thirdPort}`,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
    },
    requests: () => [...logged],
    clearRequests() {
      logged = [];
    },
    async close() {
      await Promise.all([closeServer(first), closeServer(third)]);
    },
  };
}

/** The project root, two folders above this file's folder. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
