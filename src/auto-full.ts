/**
 * `dist/consent-gate.full.iife.js`: the script tag with both start-time features, Google Consent
 * Mode v2 and automatic blocking; a drop-in for `consent-gate.iife.js` (same API, same parts).
 */
import './script-tag/with-google-consent-mode';
import './auto-autoblock';
