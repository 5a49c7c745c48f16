/**
 * Headless Chromium for the scanner: a system Chrome or Chromium driven by playwright-core (an
 * optional peer dependency), never a browser that playwright downloads.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { importOptional } from '../optional-dependency.js';

/** Where Chrome or Chromium usually is, tried in order after `CHROMIUM_PATH`. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Flags for a quiet browser that only does what the page asks: no sandbox (containers), no GPU,
 * no QUIC, none of Chrome's own background traffic (it would show up as "third-party requests").
 * The real-browser test suites launch with these too.
 */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The scanner's flags: quiet, and with site isolation off so that frames of other sites share
 * the page's renderer, and the page's DevTools session sees their requests and the initiators
 * that lead to them.
 */
export const SCANNER_CHROMIUM_ARGS = [...QUIET_CHROMIUM_ARGS, '--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'];

/** No Chrome or Chromium binary was found. */
export class ChromiumNotFoundError extends Error {
  override readonly name = 'ChromiumNotFoundError';
  constructor(tried: readonly string[]) {
    super(
      `no Chrome or Chromium found (looked at ${tried.join(', ')}). Install one with: sudo apt-get update && sudo apt-get install -y chromium ` +
        '(Debian/Ubuntu; brew install --cask chromium on macOS), or set CHROMIUM_PATH to a Chrome or Chromium binary.',
    );
  }
}

/**
 * The browser binary to drive: `CHROMIUM_PATH` when set (it must exist), else the first of
 * {@link CHROMIUM_CANDIDATES} that exists.
 * @throws {ChromiumNotFoundError} saying how to install one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): string {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (exists(explicit)) return explicit;
    throw new ChromiumNotFoundError([`CHROMIUM_PATH=${explicit}`]);
  }
  const found = CHROMIUM_CANDIDATES.find((file) => exists(file));
  if (!found) throw new ChromiumNotFoundError(CHROMIUM_CANDIDATES);
  return found;
}

/** Options for {@link launchChromium}. */
export interface LaunchOptions {
  /** More command-line flags, e.g. `--host-resolver-rules=…` or `--proxy-server=…`. @default [] */
  args?: readonly string[];
}

/**
 * Launches headless Chromium through playwright-core.
 * @throws {MissingDependencyError} when playwright-core is not installed.
 * @throws {ChromiumNotFoundError} when no browser binary is found.
 */
export async function launchChromium({ args = [] }: LaunchOptions = {}): Promise<Browser> {
  const { chromium } = await importOptional('playwright-core', () => import('playwright-core'), 'consent-gate scan');
  const executablePath = findChromium();
  return chromium.launch({ executablePath, headless: true, args: [...SCANNER_CHROMIUM_ARGS, ...args] });
}
