/**
 * `consent-gate/autoblock`: automatic blocking for bundlers. Pure to import; `installAutoBlock`
 * patches the page, so it must run before any other script (make it the first import of your entry,
 * ahead of tag managers and SDKs), then connect the instance.
 */
import { createLogger } from './core/logger';
import { acceptAutoBlock, startAutoBlock, type AutoBlocker, type AutoBlockInstallOptions } from './autoblock/install';
import type { ConsentGateConfig } from './types';

function developmentBuild(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false; // no bundler replaced process.env and there is no `process`: production
  }
}

/**
 * Installs automatic blocking: elements that scripts insert towards a vendor of a category the
 * visitor has not allowed are held, and `fetch`, `XMLHttpRequest` and `sendBeacon` towards one
 * are refused, until `connect`ed consent allows the category. Call it before any other script
 * runs. It also makes `createConsentGate` and `createConsent` accept the `autoBlock` key.
 * Development builds run the diagnostics: vendor markup that came too late to stop, and the
 * third-party hosts that loaded and are in no category.
 * Installed once per window; a second call returns the first blocker.
 * @example
 * const blocker = installAutoBlock(config);
 * blocker.connect(createConsentGate(config));
 */
export function installAutoBlock(config: ConsentGateConfig, options: AutoBlockInstallOptions = {}): AutoBlocker {
  return startAutoBlock(config, { logger: createLogger(), debug: developmentBuild(), report: () => import('./parts/autoblock-report'), ...options });
}

export { acceptAutoBlock, type AutoBlocker, type AutoBlockInstallOptions };
export { refusal } from './autoblock/network';
export type { Verdict } from './autoblock/classify';
export type { AutoBlockOptions } from './types';
