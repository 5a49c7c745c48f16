// Proof of consent end to end (issues 11 and 13, contract section 5, standards GDPR-14): the
// script tag's log part posts each decision to a real receiver (`consent-gate/receiver` on the
// embedded store), keeps what the server refused and delivers it on the next page view, and the
// texts hash the browser sends is the one Node recomputes from the config and the language.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { watchConsole } from './support/console';
import { PROJECT_ROOT } from './support/servers';

interface Store {
  history(consentId: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

let browser: Browser;
let context: BrowserContext;
let server: Server;
let origin: string;
let store: Store;
let dataDir: string;
/** How many more POSTs the endpoint answers 503 before passing them to the receiver. */
let refuse = 0;
const posted: string[] = [];
/** `[consent-gate]` warnings and errors: a test fails on one it did not claim (issue 9). */
const consoleWatch = watchConsole();

const CONFIG = {
  revision: 2,
  log: { endpoint: '/consent' },
  categories: { analytics: {}, advertising: { vendors: [{ name: 'Ad Network', domains: ['ads.example'] }] } },
};

const page = () => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Log</title>
  <script type="application/json" id="consent-gate-config">${JSON.stringify(CONFIG)}</script>
  <script src="/dist/consent-gate.iife.js"></script></head><body><h1>Seite</h1></body></html>`;

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
      try {
        const body = readFileSync(path.join(PROJECT_ROOT, url.pathname));
        response.writeHead(200, { 'content-type': url.pathname.endsWith('.json') ? 'application/json' : 'text/javascript' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  context = await browser.newContext();
  consoleWatch.attach(context);
  posted.length = 0;
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
