/**
 * `consent-gate`: the full library for bundlers: the headless core plus the interface.
 * Pure: importing it touches no `window` or `document`; creating an instance does.
 */
import type { CategoryOf, ConsentGate } from './consent-gate';
import { npmFeatures } from './create-consent';
import { startConsentGate, type ConsentGateOptions } from './create-consent-gate';
import * as activation from './gating/activation';
import { importLocale } from './i18n/load-locale';
import { npmParts } from './ui/npm-parts';
import type { ConsentGateConfig } from './types';

/**
 * Creates Consent Gate with its interface: banner, preferences dialog, placeholders, settings
 * button and cookie tables, in an open shadow root on `#consent-gate`. A language other than
 * English is loaded as its own module before anything is shown; the dialog, placeholders, cookie
 * tables and the cookie catalogue are dynamic imports, fetched when first needed.
 *
 * @throws {ConsentGateConfigError} when the configuration is invalid, listing every problem.
 * @example
 * const gate = createConsentGate({ privacyPolicyUrl: '/privacy', categories: { analytics: {}, advertising: {} } });
 * gate.on('change', (state) => { if (state.categories.analytics) loadAnalytics(); });
 */
export function createConsentGate<const C extends ConsentGateConfig>(config: C = {} as C, options: ConsentGateOptions = {}): ConsentGate<CategoryOf<C>> {
  return startConsentGate(config, { ...options, features: npmFeatures(options) }, { loadLocale: importLocale, parts: npmParts(), activation });
}

export type { ConsentGateOptions } from './create-consent-gate';
export { cookieCatalogue, findInCatalogue, type CatalogueEntry } from './catalogue';
export type { Language } from './i18n/language';
export type { LocaleLoader } from './i18n/load-locale';
export type { Texts, TextKey } from './i18n/locales/en';
export {
  createConsent,
  ConsentGateConfigError,
  validateConfig,
  createMemoryStorage,
  type ConfigProblem,
  type DecisionStorage,
  type ConsentGate,
  type ConsentOptions,
  type CategoryOf,
  type BlockedElement,
  type Logger,
  type BuiltInCategory,
  type CategoryConfig,
  type CleanupReport,
  type ConsentEvents,
  type ConsentGateConfig,
  type ConsentMethod,
  type ConsentMode,
  type ConsentState,
  type ControllerConfig,
  type CookieConfig,
  type CookieDeclaration,
  type CookieDescription,
  type LogConfig,
  type ScannedCookie,
  type SettingsButtonConfig,
  type Surface,
  type VendorConfig,
} from './headless';
