/**
 * `consent-gate/autoblock`: automatic blocking for bundlers (contract section 9). Pure to
 * import; `installAutoBlock` patches the page, so call it before any other script runs (the
 * first import of your entry, ahead of tag managers and SDKs), then connect the instance:
 *
 *     const blocker = installAutoBlock(config);
 *     blocker.connect(createConsentGate(config));
 *
 * It also makes `createConsentGate` / `createConsent` accept the `autoBlock` key.
 */
export { installAutoBlock, acceptAutoBlock, type AutoBlocker, type AutoBlockInstallOptions } from './autoblock/install';
export { refusal } from './autoblock/network';
export type { Verdict } from './autoblock/classify';
export type { AutoBlockOptions } from './types';
