// A strict TypeScript project that installed consent-gate from npm. Compiled by
// tests/browser/package-types.test.ts under three module resolutions with skipLibCheck: false.
import { createConsentGate, type ConsentGateConfig, type TextKey } from 'consent-gate';
import { createConsent } from 'consent-gate/headless';
import { cookieCatalogue } from 'consent-gate/catalogue';
import de from 'consent-gate/locales/de';

// A literal config keeps its category ids.
const gate = createConsentGate({ categories: { analytics: {}, advertising: {} } }, { locales: { de } });
const analytics: boolean = gate.allowed('analytics');
// @ts-expect-error: "social" is not configured
gate.allowed('social');

// A config whose ids are not known at compile time (typed, or parsed from JSON) takes any id.
const config: ConsentGateConfig = JSON.parse('{"categories":{"analytics":{}}}') as ConsentGateConfig;
const headless = createConsent(config, { catalogue: cookieCatalogue() });
const stats: boolean = headless.allowed('analytics');

// Text keys are typed.
const key: TextKey = 'acceptAll';
// @ts-expect-error: a misspelled text key
const typo: ConsentGateConfig = { texts: { en: { acceptAl: 'OK' } } };

export { analytics, stats, key, typo };
