/**
 * `dist/consent-gate.gcm.iife.js`: the script tag with Google Consent Mode v2, a drop-in for
 * `consent-gate.iife.js` (same API, same parts). Load it synchronously, before Google's tags.
 */
import { googleConsentMode } from './integrations/google-consent-mode';
import { startScriptTag } from './script-tag/start';

startScriptTag([googleConsentMode()]);
