/**
 * `consent-gate/catalogue`: the built-in table of well-known analytics, advertising and social
 * cookies. A separate entry so the headless core stays small; pass it as `createConsent(config, {
 * catalogue: cookieCatalogue() })`. The full build loads it itself, as a part, when first needed.
 */
export { catalogue as cookieCatalogue, findInCatalogue, type CatalogueEntry } from './cookies/catalogue';
