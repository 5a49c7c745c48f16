/**
 * What every script-tag build shares from the running script: its directory and nonce, the
 * part loader, and the console voice. Production builds log codes, and the messages part turns
 * them into words (loaded only when there is something to say).
 */
import type { Logger } from '../core/logger';
import type { PartLoader } from '../parts/loader';
import type { ConsentGateConfig } from '../types';
import { scriptPartLoader } from './part-loader';

export const PREFIX = '[consent-gate]';
const CONFIG_ID = 'consent-gate-config';
const script = document.currentScript as HTMLScriptElement | null;
/** The script's own directory, where its parts and locales are. */
export const base = script?.src ? new URL('.', script.src).href : new URL('.', document.baseURI).href;
/** The page's nonce, from the script tag. */
export const nonce = script?.nonce || undefined;
let loader: PartLoader | undefined;
/** Made on first use: a copy of this file included a second time never starts, so never replaces the first one's part registry. */
export const parts: PartLoader = (name) => (loader ??= scriptPartLoader(document, base, nonce))(name);

/**
 * The console voice of the script tag: production builds log codes, and the messages part
 * turns them into words (loaded only when there is something to say).
 */
export function wordingLogger(): Logger {
  const said = new Set<string>();
  const print = (method: 'warn' | 'error', [first, ...rest]: unknown[]) =>
    parts('messages').then(
      ({ word }) => console[method](PREFIX, typeof first === 'string' ? word(first) : first, ...rest),
      () => console[method](PREFIX, first, ...rest),
    );
  return {
    warnOnce(key, ...details) {
      if (said.has(key)) return;
      said.add(key);
      void print('warn', details);
    },
    error: (...details) => void print('error', details),
  };
}

/** The config from `#consent-gate-config`, else `window.ConsentGateConfig`; undefined when neither is there. */
export function readConfig(): ConsentGateConfig | undefined {
  const block = document.getElementById(CONFIG_ID);
  if (!block?.textContent) return window.ConsentGateConfig;
  try {
    return JSON.parse(block.textContent) as ConsentGateConfig;
  } catch (error) {
    throw new SyntaxError(`the JSON in <script id="${CONFIG_ID}"> is not valid: ${(error as Error).message}. Check quotes, commas and braces there.`);
  }
}

