/**
 * `consent-gate/headless`: the consent core and gating engine with no interface and no Preact.
 * Importing it touches no `window` or `document`; creating an instance does.
 */
export { createConsent } from './create-consent';
export { ConsentGateConfigError, type ConfigProblem } from './config/errors';
export { validateConfig } from './config/messages';
export { createMemoryStorage, type DecisionStorage } from './storage/decision-storage';
export type { ConsentGate, ConsentOptions, CategoryOf } from './consent-gate';
export type { BlockedElement } from './gating/gate';
export type { Logger } from './core/logger';
export type {
  BuiltInCategory,
  CategoryConfig,
  CleanupReport,
  ConsentEvents,
  ConsentGateConfig,
  ConsentMethod,
  ConsentMode,
  ConsentState,
  ControllerConfig,
  CookieConfig,
  CookieDeclaration,
  CookieDescription,
  LogConfig,
  ScannedCookie,
  SettingsButtonConfig,
  Surface,
  VendorConfig,
} from './types';
