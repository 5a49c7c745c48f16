/**
 * The script tag's start, shared by the drop-in entries (`auto.ts` and `auto-*.ts`, each
 * listing its features): reads the JSON config, starts once per page, exposes
 * `window.consentGate` (the instance) and `window.ConsentGate` (the factories). The factories are
 * assigned as a plain object rather than through esbuild's `globalName`, whose module-namespace
 * helpers cost every first view about 0.2 KiB.
 */
import { ConsentGateConfigError } from '../config/errors';
import { resolveConfig } from '../config/normalize';
import { consentFromResolved } from '../create-consent';
import { startConsentGate, type ConsentGateOptions } from '../create-consent-gate';
import type { CategoryOf, ConsentGate, ConsentOptions } from '../consent-gate';
import { scriptLocaleLoader } from './locale-loader';
import { base, nonce, parts, PREFIX, readConfig, wordingLogger } from './voice';
import type { Feature } from '../features';
import type { ConsentGateConfig } from '../types';

/** `window.ConsentGate`: the factories, for pages that create their instance themselves. */
export interface ScriptTagFactories {
  createConsentGate<const C extends ConsentGateConfig>(config: C, options?: ConsentGateOptions): ConsentGate<CategoryOf<C>>;
  createConsent<const C extends ConsentGateConfig>(config: C, options?: ConsentOptions): ConsentGate<CategoryOf<C>>;
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
function report(error: unknown, features: readonly Feature[]): void {
  if (!(error instanceof ConsentGateConfigError) || error.config === undefined) {
    console.error(PREFIX, error instanceof Error ? error.message : error);
    return;
  }
  parts('messages').then(
    ({ validateConfig }) => console.error(PREFIX, new ConsentGateConfigError(validateConfig(error.config, features)).message),
    () => console.error(PREFIX, error.message),
  );
}

/**
 * Starts the script tag with the features its drop-in entry lists: each one's `install` runs
 * first (synchronously, before any later script), then the instance is created with them all.
 */
export function startScriptTag(features: readonly Feature[]): void {
  // The factories first: a page can use them even when the config on the page is broken.
  window.ConsentGate = {
    // The script-tag flavour of the npm `createConsentGate`: parts and locales from the script's own directory.
    createConsentGate: (config, options = {}) =>
      startConsentGate(config, { nonce, logger: wordingLogger(), features, ...options }, { loadLocale: scriptLocaleLoader(base), parts, activation: () => parts('activation') }),
    // The script-tag flavour of `consent-gate/headless`'s `createConsent`.
    createConsent: (config, options = {}) =>
      consentFromResolved(resolveConfig(config, features), { nonce, logger: wordingLogger(), catalogue: () => parts('catalogue').then((part) => part.catalogue()), features, ...options }, () => parts('activation')) as ConsentGate<CategoryOf<typeof config>>,
    ConsentGateConfigError,
  };
  // Included twice, it still starts once.
  if (window.consentGate) return;
  try {
    const config = readConfig();
    // No config on the page: the page creates its instance itself with ConsentGate.createConsentGate.
    if (config === undefined) return;
    for (const feature of features) feature.install?.(window, config);
    window.consentGate = window.ConsentGate.createConsentGate(config);
  } catch (error) {
    // The page keeps working; everything gated stays inert.
    report(error, features);
  }
}
