/**
 * The script-tag build (`dist/consent-gate.iife.js`): reads the JSON config, starts once per
 * page, exposes `window.consentGate` (the instance) and `window.ConsentGate` (the factories).
 * The factories are assigned as a plain object rather than through esbuild's `globalName`,
 * whose module-namespace helpers cost every first view about 0.2 KiB. With the drop-in entries
 * that import it (`auto-*.ts`) and the modules only they import (./autoblock/script-tag,
 * ./script-tag/with-google-consent-mode), the only code with side effects at load. It carries the
 * first view only; parts and locales are fetched from its own directory when a page or a visitor
 * needs them.
 */
import { ConsentGateConfigError } from './config/errors';
import { resolveConfig } from './config/normalize';
import { consentFromResolved, featureFields } from './create-consent';
import { startConsentGate, type ConsentGateOptions } from './create-consent-gate';
import type { CategoryOf, ConsentGate, ConsentOptions } from './consent-gate';
import { scriptLocaleLoader } from './script-tag/locale-loader';
import { base, nonce, parts, PREFIX, readConfig, wordingLogger } from './script-tag/voice';
import { startFeatures } from './script-tag/start-features';
import type { ConsentGateConfig } from './types';

/** `window.ConsentGate`: the factories, for pages that create their instance themselves. */
export interface ScriptTagFactories {
  createConsentGate: typeof createConsentGate;
  createConsent: typeof createConsent;
  ConsentGateConfigError: typeof ConsentGateConfigError;
}

declare global {
  interface Window {
    consentGate?: ConsentGate;
    ConsentGate?: ScriptTagFactories;
    ConsentGateConfig?: ConsentGateConfig;
  }
}

/** A config error in full words: the messages part explains what the compact check found. */
function report(error: unknown): void {
  if (!(error instanceof ConsentGateConfigError) || error.config === undefined) {
    console.error(PREFIX, error instanceof Error ? error.message : error);
    return;
  }
  parts('messages').then(
    ({ validateConfig }) => console.error(PREFIX, new ConsentGateConfigError(validateConfig(error.config, featureFields(startFeatures))).message),
    () => console.error(PREFIX, error.message),
  );
}

/**
 * Creates Consent Gate with its interface, loading parts and locales from the script's own
 * directory (the script-tag flavour of the npm `createConsentGate`).
 */
function createConsentGate<const C extends ConsentGateConfig>(config: C, options: ConsentGateOptions = {}): ConsentGate<CategoryOf<C>> {
  return startConsentGate(config, { nonce, logger: wordingLogger(), features: startFeatures, ...options }, { loadLocale: scriptLocaleLoader(base), parts, activation: () => parts('activation') });
}

/**
 * Creates a headless instance, loading activation and the catalogue from the script's own
 * directory (the script-tag flavour of `consent-gate/headless`'s `createConsent`).
 */
function createConsent<const C extends ConsentGateConfig>(config: C, options: ConsentOptions = {}): ConsentGate<CategoryOf<C>> {
  const catalogue = () => parts('catalogue').then((part) => part.catalogue());
  return consentFromResolved(resolveConfig(config, featureFields(startFeatures)), { nonce, logger: wordingLogger(), catalogue, features: startFeatures, ...options }, () => parts('activation')) as ConsentGate<CategoryOf<C>>;
}

function start(): void {
  // Included twice, it still starts once.
  if (window.consentGate) return;
  try {
    const config = readConfig();
    // No config on the page: the page creates its instance itself with ConsentGate.createConsentGate.
    if (config === undefined) return;
    window.consentGate = createConsentGate(config);
  } catch (error) {
    // The page keeps working; everything gated stays inert.
    report(error);
  }
}

// The factories first: a page can use them even when the config on the page is broken.
window.ConsentGate = { createConsentGate, createConsent, ConsentGateConfigError };
start();
