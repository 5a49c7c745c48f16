/**
 * `dist/consent-gate.full.iife.js`: the script tag with both start-time features, Google Consent
 * Mode v2 and automatic blocking; a drop-in for `consent-gate.iife.js` (same API, same parts).
 */
import { autoBlock } from './autoblock/script-tag';
import { googleConsentMode } from './integrations/google-consent-mode';
import { startScriptTag } from './script-tag/start';

startScriptTag([googleConsentMode(), autoBlock]);
