/**
 * `consent-gate`: the full library for bundlers. Pure: importing it has no side effects.
 * The interface entry is added by the UI; until then this re-exports the headless core.
 */
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
  type Surface,
  type VendorConfig,
} from './headless';
