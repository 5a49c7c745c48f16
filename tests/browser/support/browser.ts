/**
 * Headless Chromium for the real-browser suites: the system Chromium through playwright-core,
 * never a downloaded browser. One browser per test file, a fresh context per test.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { QUIET_CHROMIUM_ARGS } from '../../../src/node/scanner/chromium';

/** Where Chromium is expected unless `CHROMIUM_PATH` names another Chromium/Chrome binary. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, deterministic browser: the scanner's, so every request the servers see comes from the page. */
export const CHROMIUM_ARGS = ['--headless', ...QUIET_CHROMIUM_ARGS];

/** The Chromium binary to drive: `CHROMIUM_PATH` when set, else `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

export interface LaunchOptions {
  /**
   * Flags added to `CHROMIUM_ARGS`, e.g.
   * `--host-resolver-rules=MAP www.example.test 127.0.0.1` to serve a page under a host name
   * with parent domains (loopback has none).
   */
  args?: string[];
}

/**
 * Launches headless Chromium, with `args` added to {@link CHROMIUM_ARGS} (for example
 * `--host-resolver-rules` to play well-known hosts on loopback).
 * @throws {Error} saying how to install Chromium when the binary is missing.
 */
export async function launchBrowser({ args = [] }: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with: sudo apt-get update && sudo apt-get install -y chromium (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium/Chrome binary.`,
    );
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...args] });
}
