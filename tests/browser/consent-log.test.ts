// Proof of consent end to end (GDPR Art. 7(1)): the script tag's log part posts each decision to a
// real receiver (`consent-gate/receiver` on the embedded store), keeps what the server refused and
// delivers it on the next page view, and the texts hash the browser sends is the one Node
// recomputes from the config and the language. Every decision becomes a record: those made before
// the part arrived, or on a page view where it failed to load, and those made while localStorage
// refuses writes. An endpoint on another origin without CORS gets each record once (its opaque
// reply counts as delivered) and the page says to start the receiver with `--cors`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { watchConsole } from './support/console';
import { libraryPage } from './support/pages';
import { PROJECT_ROOT } from './support/servers';

interface Store {
  history(consentId: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

let browser: Browser;
let context: BrowserContext;
let server: Server;
let origin: string;
/** Another origin (another port) with an endpoint that sends no CORS headers. */
let other: Server;
let otherOrigin: string;
/** What the endpoints that are not the receiver were sent, in arrival order. */
const collected: Array<{ origin: string; method: string; type: string; body: Record<string, unknown> }> = [];
/** While set, the log part is answered only when it resolves. */
let holdPart: Promise<void> | undefined;
/** How many more requests for the log part fail (404). */
let failPart = 0;
let partRequests = 0;
let store: Store;
let dataDir: string;
/** How many more POSTs the endpoint answers 503 before passing them to the receiver. */
let refuse = 0;
const posted: string[] = [];
/** `[consent-gate]` warnings and errors: a test fails on one it did not claim. */
const consoleWatch = watchConsole();

const CONFIG = {
  revision: 2,
  log: { endpoint: '/consent' },
  categories: { analytics: {}, advertising: { vendors: [{ name: 'Ad Network', domains: ['ads.example'] }] } },
};

const page = (config: object = CONFIG) => libraryPage({ config, lang: 'de', title: 'Log', body: '<h1>Seite</h1>' });

/** Records a POSTed record and answers 201 (no CORS headers). */
function collect(request: IncomingMessage, response: ServerResponse, at: string): void {
  let text = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (text += chunk));
  request.on('end', () => {
    if (request.method === 'POST') collected.push({ origin: at, method: String(JSON.parse(text).method), type: request.headers['content-type'] ?? '', body: JSON.parse(text) as Record<string, unknown> });
    response.writeHead(201, { 'content-type': 'application/json' }).end('{}');
  });
}

function serveFile(pathname: string, response: ServerResponse): void {
  try {
    const body = readFileSync(path.join(PROJECT_ROOT, pathname));
    response.writeHead(200, { 'content-type': pathname.endsWith('.json') ? 'application/json' : 'text/javascript' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = mkdtempSync(path.join(tmpdir(), 'consent-gate-log-'));
  const receiverModule = (await import(path.join(PROJECT_ROOT, 'dist/node/receiver.js'))) as {
    openPgliteStore(options: { dataDir: string }): Promise<Store>;
    createReceiver(options: { store: Store; rateLimit: false }): Promise<{ node(req: unknown, res: unknown): void }>;
  };
  store = await receiverModule.openPgliteStore({ dataDir });
  const receiver = await receiverModule.createReceiver({ store, rateLimit: false });
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/collect') {
      collect(request, response, origin);
      return;
    }
    if (url.pathname.startsWith('/dist/parts/log.')) {
      partRequests++;
      if (failPart > 0) {
        failPart--;
        response.writeHead(404).end();
        return;
      }
    }
    if (url.pathname.startsWith('/collecting/')) {
      const endpoint = url.pathname.startsWith('/collecting/other/') ? `${otherOrigin}/collect` : '/collect';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page({ ...CONFIG, log: { endpoint } }));
      return;
    }
    if (url.pathname === '/consent') {
      posted.push(request.method ?? '');
      if (refuse > 0) {
        refuse--;
        response.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
        return;
      }
      receiver.node(request, response);
      return;
    }
    if (url.pathname.startsWith('/dist/')) {
      if (holdPart && url.pathname.startsWith('/dist/parts/log.')) {
        void holdPart.then(() => serveFile(url.pathname, response));
        return;
      }
      serveFile(url.pathname, response);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Like a receiver started without `--cors`: no Access-Control-* header on any answer.
  other = createServer((request, response) => {
    if (request.method === 'OPTIONS') response.writeHead(204).end();
    else collect(request, response, otherOrigin);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  other?.closeAllConnections();
  await new Promise((resolve) => other?.close(resolve));
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  context = await browser.newContext();
  consoleWatch.attach(context);
  posted.length = 0;
  collected.length = 0;
  holdPart = undefined;
  failPart = 0;
  partRequests = 0;
});
afterEach(async () => {
  await context.close();
  consoleWatch.verify();
});

describe('consent records from the browser to the receiver', () => {
  it('a refused record (503) waits in the queue, is delivered after a reload, and is stored once with what the schema asks for', async () => {
    refuse = 1;
    const tab = await context.newPage();
    await tab.goto(`${origin}/artikel?session=secret#kommentare`);
    await tab.locator('[data-cg="accept-all"]').click();
    await expect.poll(() => posted.length).toBe(1);
    const consentId = await tab.evaluate(() => (window as unknown as { consentGate: { get(): { id: string } } }).consentGate.get().id);
    expect(await tab.evaluate(() => localStorage.getItem('consent-gate:log:consent_gate'))).toContain(consentId);
    expect(await store.history(consentId)).toEqual([]);

    await tab.reload();
    await expect.poll(async () => (await store.history(consentId)).length, { timeout: 10_000 }).toBe(1);
    await tab.locator('[data-cg="settings-button"]').waitFor();
    await tab.evaluate(() => (window as unknown as { consentGate: { rejectAll(): void } }).consentGate.rejectAll());
    await expect.poll(async () => (await store.history(consentId)).length, { timeout: 10_000 }).toBe(2);

    const [accepted, rejected] = await store.history(consentId);
    const text = JSON.stringify([accepted, rejected]);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('kommentare');
    const cookie = (await context.cookies()).find((c) => c.name === 'consent_gate')!;
    expect(text).not.toContain(cookie.value);
    expect(accepted).toMatchObject({ method: 'accept-all', revision: 2, language: 'de', mode: 'opt-in', url: `${origin}/artikel` });
    expect(rejected).toMatchObject({ method: 'reject-all', choices: { necessary: true, analytics: false, advertising: false } });
    expect(await tab.evaluate(() => localStorage.getItem('consent-gate:log:consent_gate'))).toBeNull();
  });

  it('the texts hash the browser sends is the one Node recomputes from the config and the language', async () => {
    const tab = await context.newPage();
    await tab.goto(`${origin}/`);
    await tab.locator('[data-cg="reject-all"]').click();
    const consentId = await tab.evaluate(() => (window as unknown as { consentGate: { get(): { id: string } } }).consentGate.get().id);
    await expect.poll(async () => (await store.history(consentId)).length, { timeout: 10_000 }).toBe(1);
    const [record] = await store.history(consentId);
    const { textsHash } = (await import(path.join(PROJECT_ROOT, 'dist/node/server.js'))) as { textsHash(config: object, language: string): Promise<string> };
    expect(record!['textsHash']).toBe(await textsHash(CONFIG, 'de'));
    expect(record!['textsHash']).not.toBe(await textsHash(CONFIG, 'en'));
  });
});

type Gate = { consentGate: { get(): { id: string }; set(changes: object): void; rejectAll(): void } };
const methods = () => collected.map((record) => record.method);

describe('every decision becomes a record', () => {
  it('two decisions made before the log part arrived are two records, in order', async () => {
    let release!: () => void;
    holdPart = new Promise((resolve) => (release = resolve));
    const tab = await context.newPage();
    await tab.goto(`${origin}/collecting/artikel`);
    await tab.locator('[data-cg="accept-all"]').click();
    // The part is on its way (held by the server) when the visitor changes their mind.
    await expect.poll(() => partRequests).toBe(1);
    await tab.evaluate(() => (window as unknown as Gate).consentGate.set({ advertising: false }));
    release();
    await expect.poll(methods, { timeout: 10_000 }).toEqual(['accept-all', 'custom']);
    const consentId = await tab.evaluate(() => (window as unknown as Gate).consentGate.get().id);
    expect(collected.map((record) => record.body['consentId'])).toEqual([consentId, consentId]);
    expect(collected[1]!.body['choices']).toMatchObject({ analytics: true, advertising: false });
    expect(new Set(collected.map((record) => record.body['recordId'])).size).toBe(2);
  });

  it('the decisions of a page view whose log part failed to load are sent on the next page view', async () => {
    failPart = 1;
    consoleWatch.expect(/the log part could not be loaded/, { times: 1 });
    const tab = await context.newPage();
    await tab.goto(`${origin}/collecting/erste-seite`);
    await tab.locator('[data-cg="accept-all"]').click();
    await expect.poll(() => partRequests).toBe(1);
    await tab.evaluate(() => (window as unknown as Gate).consentGate.set({ analytics: false }));
    await tab.goto(`${origin}/collecting/zweite-seite`);
    await expect.poll(methods, { timeout: 10_000 }).toEqual(['accept-all', 'custom']);
    // Each carries the page it was made on.
    expect(collected.map((record) => record.body['url'])).toEqual([`${origin}/collecting/erste-seite`, `${origin}/collecting/erste-seite`]);
  });

  it('with localStorage refusing every write, the record still reaches the endpoint', async () => {
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const tab = await context.newPage();
    await tab.goto(`${origin}/collecting/voll`);
    await tab.locator('[data-cg="accept-all"]').click();
    await expect.poll(methods, { timeout: 10_000 }).toEqual(['accept-all']);

    // And on the next page view (which cannot know what the last one delivered, so may log the
    // decision in force once more: the receiver keeps it per record id, stats per visitor).
    await tab.reload();
    await tab.locator('[data-cg="settings-button"]').waitFor();
    await tab.evaluate(() => (window as unknown as Gate).consentGate.rejectAll());
    await expect.poll(() => methods().at(-1), { timeout: 10_000 }).toBe('reject-all');
    expect(new Set(methods().slice(0, -1))).toEqual(new Set(['accept-all']));
  });
});

describe('an endpoint on another origin that sends no CORS headers (a receiver without --cors)', () => {
  it('gets each record once: the unreadable reply counts as delivered, and the page warns once, naming --cors', async () => {
    const tab = await context.newPage();
    await tab.goto(`${origin}/collecting/other/seite`);
    await tab.locator('[data-cg="accept-all"]').click();
    await expect.poll(methods, { timeout: 10_000 }).toEqual(['accept-all']);
    await expect.poll(() => consoleWatch.lines().filter((line) => line.text.includes('--cors')).length).toBe(1);
    expect(consoleWatch.take(/--cors/)[0]).toContain(`consent-gate records serve --cors ${origin}`);
    expect(collected[0]).toMatchObject({ origin: otherOrigin, type: expect.stringMatching(/^text\/plain/) });
    // Delivered as far as anyone can know: nothing waits for the next page view.
    await expect.poll(() => tab.evaluate(() => localStorage.getItem('consent-gate:log:consent_gate'))).toBeNull();

    // The next page view sends its own decision, and the first record not again (the queue is
    // delivered in order, so a re-sent record would arrive before it).
    await tab.reload();
    await tab.locator('[data-cg="settings-button"]').waitFor();
    await tab.evaluate(() => (window as unknown as Gate).consentGate.rejectAll());
    await expect.poll(methods, { timeout: 10_000 }).toEqual(['accept-all', 'reject-all']);
    expect(new Set(collected.map((record) => record.body['recordId'])).size).toBe(2);
    // One warning for the page view that posted.
    await expect.poll(() => consoleWatch.take(/--cors/).length).toBe(2);
  });
});
