/**
 * `consent-gate/log`: the consent log client for headless instances (the full build and the
 * script tag start it themselves when the config has `log.endpoint`).
 * @example
 * startConsentLog(consent, { endpoint: '/consent', language: 'en', mode: 'opt-in',
 *   shown: { texts: myBannerTexts, categories: [{ id: 'analytics', label: 'Analytics', description: '…' }], vendors: ['Google'] } });
 */
export { startConsentLog, type ConsentLogOptions } from './log/client';
export { hashShownTexts, type ShownTexts } from './log/texts-hash';
export type { ConsentRecord } from './log/record';
