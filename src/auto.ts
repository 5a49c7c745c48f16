/**
 * The script-tag build (`dist/consent-gate.iife.js`): reads the JSON config, starts once per
 * page, exposes `window.consentGate` (the instance) and `window.ConsentGate` (the factories).
 * The only file allowed side effects at load. English is built in; another language is
 * fetched as `locales/<lang>.json` from the script's own directory, only when needed.
 */
import { ConsentGateConfigError } from './config/errors';
import { catalogue } from './cookies/catalogue';
import { createConsent } from './create-consent';
import { startConsentGate } from './create-consent-gate';
import type { LocaleLoader } from './i18n/load-locale';
import type { ConsentGate } from './consent-gate';
import type { ConsentGateConfig } from './types';

declare global {
  interface Window {
    consentGate?: ConsentGate;
    ConsentGateConfig?: ConsentGateConfig;
  }
}

function readConfig(): ConsentGateConfig | undefined {
  const block = document.getElementById('consent-gate-config');
  if (block?.textContent) return JSON.parse(block.textContent) as ConsentGateConfig;
  return window.ConsentGateConfig;
}

function localeLoader(script: HTMLScriptElement | null): LocaleLoader {
  const base = script?.src ? new URL('.', script.src).href : `${location.origin}/`;
  return async (language) => {
    const response = await fetch(`${base}locales/${language}.json`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as Record<string, string>;
  };
}

function start(): void {
  // Included twice, it still starts once.
  if (window.consentGate) return;
  const script = document.currentScript as HTMLScriptElement | null;
  try {
    window.consentGate = startConsentGate(readConfig() ?? {}, { nonce: script?.nonce || undefined, catalogue: catalogue() }, localeLoader(script));
  } catch (error) {
    // The page keeps working; everything gated stays inert.
    console.error('[consent-gate]', error instanceof ConsentGateConfigError ? error.message : error);
  }
}

start();

export { createConsent, ConsentGateConfigError };
