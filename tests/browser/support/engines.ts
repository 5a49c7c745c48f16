/**
 * The browsers a cross-engine suite runs in, behind one small interface: Chromium through
 * playwright-core (always), and Firefox through puppeteer-core and WebDriver BiDi when Debian's
 * `firefox-esr` (`FIREFOX_PATH`) and the `puppeteer-core` package are installed; otherwise its
 * tests are skipped with the reason. Both map the given host names to loopback: Chromium with
 * `--host-resolver-rules`, Firefox with its `network.dns.localDomains` preference.
 */
import { existsSync } from 'node:fs';
import { launchBrowser } from './browser';

/** A page, as much of it as the suites use. */
export interface Tab {
  goto(url: string): Promise<unknown>;
  evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>>;
  waitForFunction(fn: () => unknown): Promise<unknown>;
  click(selector: string): Promise<void>;
  /** Console messages: their text and their arguments' values. */
  onConsole(listener: (text: string, args: unknown[]) => void): void;
}

export interface Engine {
  newTab(): Promise<Tab>;
  /** Closes every tab (each test starts with fresh cookies). */
  closeTabs(): Promise<void>;
  close(): Promise<void>;
}

interface AnyMessage {
  text(): string;
  args(): Array<{ jsonValue(): Promise<unknown> }>;
}
interface AnyPage {
  goto(url: string): Promise<unknown>;
  evaluate(fn: unknown, arg?: unknown): Promise<unknown>;
  waitForFunction(fn: unknown): Promise<unknown>;
  click(selector: string): Promise<void>;
  on(event: 'console', listener: (message: AnyMessage) => void): unknown;
}

function tab(page: AnyPage): Tab {
  return {
    goto: (url) => page.goto(url),
    evaluate: (fn, arg) => page.evaluate(fn, arg) as never,
    waitForFunction: (fn) => page.waitForFunction(fn),
    click: (selector) => page.click(selector),
    onConsole(listener) {
      page.on('console', (message) => {
        void Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => undefined))).then((args) => listener(message.text(), args));
      });
    },
  };
}

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

async function chromium(hosts: string[]): Promise<Engine> {
  const browser = await launchBrowser({ args: [`--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1`).join(',')}`] });
  let context = await browser.newContext();
  return {
    newTab: async () => tab((await context.newPage()) as unknown as AnyPage),
    async closeTabs() {
      await context.close();
      context = await browser.newContext();
    },
    close: () => browser.close(),
  };
}

/** puppeteer-core is optional (not a dependency): loaded by a name the type checker does not follow. */
const PUPPETEER = 'puppeteer-core';

interface Puppeteer {
  launch(options: object): Promise<{ createBrowserContext(): Promise<{ newPage(): Promise<unknown>; close(): Promise<void> }>; close(): Promise<void> }>;
}

async function firefox(hosts: string[]): Promise<Engine> {
  const { default: puppeteer } = (await import(/* @vite-ignore */ PUPPETEER)) as { default: Puppeteer };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: { 'network.dns.localDomains': hosts.join(','), 'network.proxy.type': 0 },
  });
  let context = await browser.createBrowserContext();
  return {
    newTab: async () => tab((await context.newPage()) as unknown as AnyPage),
    async closeTabs() {
      await context.close();
      context = await browser.createBrowserContext();
    },
    close: () => browser.close(),
  };
}

async function hasPuppeteer(): Promise<boolean> {
  try {
    await import(/* @vite-ignore */ PUPPETEER);
    return true;
  } catch {
    return false;
  }
}

/**
 * The engines to run: Chromium, and Firefox (Debian's firefox-esr, installed by .ci/run, driven by
 * the puppeteer-core dev dependency). A missing Firefox fails the suite with the install command,
 * as a missing Chromium does: a second engine that silently does not run proves nothing.
 */
export async function engineList(): Promise<Array<{ name: string; launch: (hosts: string[]) => Promise<Engine>; skip: false }>> {
  const missing = !existsSync(FIREFOX_PATH)
    ? `Firefox not found at ${FIREFOX_PATH}: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH)`
    : !(await hasPuppeteer())
      ? 'puppeteer-core is not installed: run npm ci (it is a dev dependency)'
      : null;
  const firefoxOrExplain = missing
    ? async () => {
        throw new Error(missing);
      }
    : firefox;
  return [
    { name: 'Chromium', launch: chromium, skip: false },
    { name: 'Firefox', launch: firefoxOrExplain, skip: false },
  ];
}
