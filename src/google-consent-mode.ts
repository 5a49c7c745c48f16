/**
 * `consent-gate/google-consent-mode`: Google Consent Mode v2 as a start-time feature for npm builds.
 * Create the instance before any Google tag runs:
 * @example
 * import { createConsentGate } from 'consent-gate';
 * import { googleConsentMode } from 'consent-gate/google-consent-mode';
 * createConsentGate({ googleConsentMode: true, categories: { analytics: {}, advertising: {} } }, { features: [googleConsentMode()] });
 */
export { googleConsentMode, consentTypes, CONSENT_TYPES, type ConsentType, type GoogleConsentModeOptions } from './integrations/google-consent-mode';
export type { Feature, FeatureContext, StartFeature } from './features';
