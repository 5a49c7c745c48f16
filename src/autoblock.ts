/**
 * `consent-gate/autoblock`: automatic blocking for bundlers. Pure to import; `installAutoBlock`
 * patches the page, so it must run before any other script (make it the first import of your entry,
 * ahead of tag managers and SDKs), then connect the instance.
 */
import { createLogger } from './core/logger';
import { autoBlockFeature, startAutoBlock, type AutoBlocker, type AutoBlockInstallOptions, type AutoBlockSettings } from './autoblock/install';
import { installFeature } from './features';
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
 * runs. It also adds automatic blocking to the features of the `createConsentGate` and
 * `createConsent` instances later created on that window: they accept the `autoBlock` key, and
 * one whose config sets it connects by itself (`connect` stays for an instance made otherwise).
 * Development builds run the diagnostics: vendor markup that came too late to stop, and the
 * third-party hosts that loaded and are in no category.
 * Installed once per window; a second call returns the first blocker.
 * @example
 * const blocker = installAutoBlock(config);
 * blocker.connect(createConsentGate(config));
 */
export function installAutoBlock(config: ConsentGateConfig, options: AutoBlockInstallOptions = {}): AutoBlocker {
  const settings = npmSettings(options);
  const blocker = startAutoBlock(config, settings);
  installFeature(settings.window ?? window, autoBlockFeature(settings, blocker));
  return blocker;
}

function npmSettings(options: AutoBlockInstallOptions): AutoBlockSettings {
  return { logger: createLogger(), debug: developmentBuild(), report: () => import('./parts/autoblock-report'), ...options };
}

/**
 * @deprecated `installAutoBlock` does this: makes the npm instances created on this window
 * accept the `autoBlock` key (without installing the interceptor).
 */
export function acceptAutoBlock(view: Window = window): void {
  installFeature(view, autoBlockFeature(npmSettings({ window: view })));
}

export type { AutoBlocker, AutoBlockInstallOptions };
export { refusal } from './autoblock/network';
export type { Verdict } from './autoblock/classify';
export type { AutoBlockOptions } from './types';
