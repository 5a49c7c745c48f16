/**
 * The hooks of a real-browser suite over the script tag or the npm build: the two servers and one
 * Chromium for the whole file, a fresh context per test with the console watch attached and the
 * request log cleared, and after each test its contexts closed and the console checked (a
 * `[consent-gate]` warning or error the test did not claim fails it).
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, type LaunchOptions } from './browser';
import { watchConsole, type ConsoleWatch } from './console';
import { PROJECT_ROOT, startServers, type Servers } from './servers';

export interface BrowserSuiteOptions {
  /** Flags for Chromium (e.g. host-resolver rules). */
  launch?: LaunchOptions;
  /** Runs on each fresh context before the test (e.g. an init script). */
  prepare?: (context: BrowserContext) => Promise<unknown>;
}

/** What the tests of a suite use; each getter throws outside a test. */
export interface BrowserSuite {
  readonly browser: Browser;
  readonly servers: Servers;
  /** This test's context. */
  readonly context: BrowserContext;
  /** Claim expected console lines with `take(/…/)` or `expect(/…/)`. */
  readonly console: ConsoleWatch;
  /** Another context for this test (its own viewport, colour scheme…), watched and closed like the test's own. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Registers the suite's hooks and returns what its tests use. */
export function useBrowserSuite({ launch, prepare }: BrowserSuiteOptions = {}): BrowserSuite {
  let browser: Browser | undefined;
  let servers: Servers | undefined;
  let context: BrowserContext | undefined;
  let more: BrowserContext[] = [];
  const consoleWatch = watchConsole();
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`the suite's ${what} is not started yet: use it inside tests or hooks`);
    return value;
  };

  beforeAll(async () => {
    browser = await launchBrowser(launch);
    servers = await startServers({ projectRoot: PROJECT_ROOT });
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });
  beforeEach(async () => {
    context = await started(browser, 'browser').newContext();
    consoleWatch.attach(context);
    await prepare?.(context);
    started(servers, 'servers').clearRequests();
  });
  afterEach(async () => {
    const closing = [context, ...more];
    more = [];
    // Once its pages are closed, every console line of the test has arrived.
    await Promise.all(closing.map((open) => open?.close()));
    consoleWatch.verify();
  });

  return {
    get browser() {
      return started(browser, 'browser');
    },
    get servers() {
      return started(servers, 'servers');
    },
    get context() {
      return started(context, 'context');
    },
    console: consoleWatch,
    async newContext(options) {
      const extra = await started(browser, 'browser').newContext(options);
      more.push(extra);
      consoleWatch.attach(extra);
      await prepare?.(extra);
      return extra;
    },
  };
}
