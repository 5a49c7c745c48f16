/**
 * The script-tag build (`dist/consent-gate.iife.js`): reads the JSON config, starts once per
 * page, exposes `window.consentGate`. The only file allowed side effects at load.
 * The interface arrives with the UI; until then this starts the headless core.
 */
import { createConsent } from './create-consent';
import { ConsentGateConfigError } from './config/errors';
import type { ConsentGateConfig } from './types';

declare global {
  interface Window {
    consentGate?: ReturnType<typeof createConsent>;
    ConsentGateConfig?: ConsentGateConfig;
  }
}

function readConfig(): ConsentGateConfig | undefined {
  const block = document.getElementById('consent-gate-config');
  if (block?.textContent) return JSON.parse(block.textContent) as ConsentGateConfig;
  return window.ConsentGateConfig;
}

function start(): void {
  if (window.consentGate) return;
  try {
    const script = document.currentScript as HTMLScriptElement | null;
    window.consentGate = createConsent(readConfig(), { nonce: script?.nonce || undefined });
  } catch (error) {
    // The page keeps working; everything gated stays inert.
    console.error('[consent-gate]', error instanceof ConsentGateConfigError ? error.message : error);
  }
}

start();

export { createConsent, ConsentGateConfigError };
