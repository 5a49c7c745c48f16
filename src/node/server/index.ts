/**
 * `consent-gate/server`: read the consent cookie on the server, for server-rendered pages that
 * leave out the tags a visitor refused. No dependencies beyond the library's own core.
 */
export { createConsentReader, readConsent } from './read-consent.js';
export type { ConsentReader, ReadConsentOptions } from './read-consent.js';
export { cookieValues } from './cookie-header.js';
export type { ConsentGateConfig, ConsentState } from '../../types.js';
export { textsHash } from './texts-hash.js';
