/**
 * Google Consent Mode v2 (Google's "Set up consent mode" guide): a start-time feature. Before any
 * Google tag runs it pushes `consent default` for all seven types into the dataLayer (as
 * `arguments` objects, which is what gtag.js reads), right after it a `consent update` for a
 * returning visitor, and a `consent update` plus a `consent_gate_update` event on every later
 * decision, withdrawals included. What the page pushed earlier, and its own `gtag`, are kept.
 */
import { arrayCheck, booleanCheck, enumCheck, formatCheck, integerCheck, objectCheck, recordCheck, stringCheck, CATEGORY_ID, type Check } from '../config/checks';
import type { ResolvedConfig } from '../config/normalize';
import { deriveConsent } from '../core/modes';
import type { Feature } from '../features';
import type { ConsentState, ConsentType, GoogleConsentModeOptions } from '../types';

export type { ConsentType, GoogleConsentModeOptions };

/**
 * Which categories each consent type follows; the built-in mapping (README, "Google Consent Mode
 * v2").
 */
const DEFAULT_MAP: Record<string, ConsentType[]> = {
  advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  analytics: ['analytics_storage'],
  functional: ['functionality_storage', 'personalization_storage'],
  // Always allowed: security storage is always granted.
  necessary: ['security_storage'],
};

/** The seven consent types of Consent Mode v2, in Google's order (the map lists each once, in that order). */
export const CONSENT_TYPES = Object.values(DEFAULT_MAP).flat();

const check: Check = (value, path, problems) => {
  if (typeof value === 'boolean') return;
  objectCheck({
    // Any name: Google's own snippet takes any string as the data layer's window property.
    dataLayerName: stringCheck,
    waitForUpdate: integerCheck(0, 60_000),
    adsDataRedaction: booleanCheck,
    urlPassthrough: booleanCheck,
    map: recordCheck(formatCheck(CATEGORY_ID, 'category-id'), arrayCheck(enumCheck(...CONSENT_TYPES))),
  })(value, path, problems);
};

/**
 * Each consent type's state, from each category's: granted when the site configures a category
 * mapped to it and every such category is allowed; categories the site does not have are left out.
 *
 * The two functional types fall back when no configured category covers them (a site without a
 * `functional` category), so neither stays denied after "Accept all":
 * - `functionality_storage` (Google: "storage that supports the functionality of the website or
 *   app, e.g. language settings") follows necessary: a site that offers no optional functional
 *   category declares that the functional storage it uses is strictly necessary for what the
 *   visitor asked for, which ePrivacy Directive Art. 5(3) exempts from consent.
 * - `personalization_storage` ("e.g. video recommendations") needs consent, and such a site has
 *   no narrower choice to tie it to: it is granted only while every optional category is allowed
 *   ("Accept all", or each one switched on), and denied by any refusal.
 */
export function consentTypes(config: ResolvedConfig, categories: Record<string, boolean>, map: Record<string, ConsentType[]> = {}): Record<ConsentType, 'granted' | 'denied'> {
  const allowed: Partial<Record<ConsentType, boolean>> = {};
  for (const [category, types] of Object.entries({ ...DEFAULT_MAP, ...map })) {
    // analytics counts as functional on a site without an analytics category.
    const configured = config.categoryFor(category);
    if (configured === null) continue;
    for (const type of types) allowed[type] = (allowed[type] ?? true) && !!categories[configured];
  }
  const fallback: Partial<Record<ConsentType, boolean>> = { functionality_storage: true, personalization_storage: !!config.optional[0] && config.optional.every((id) => categories[id]) };
  const result = {} as Record<ConsentType, 'granted' | 'denied'>;
  for (const type of CONSENT_TYPES) result[type] = (allowed[type] ?? fallback[type]) ? 'granted' : 'denied';
  return result;
}

/** The Consent Mode feature: pass it in `features`, or use `consent-gate.gcm.iife.js`. */
export function googleConsentMode(): Feature<'googleConsentMode'> {
  return {
    key: 'googleConsentMode',
    check,
    start({ config, options: given, stores, document }) {
      if (!given) return () => undefined;
      const options: GoogleConsentModeOptions = given === true ? {} : given;
      const view = document.defaultView as unknown as Record<string, unknown>;
      const name = options.dataLayerName ?? 'dataLayer';
      const dataLayer = (view[name] ??= []) as unknown[];
      // gtag.js reads `arguments` objects, not arrays: push them as its own gtag() does.
      const gtag = function () {
        // eslint-disable-next-line prefer-rest-params
        dataLayer.push(arguments);
      } as (...args: unknown[]) => void;
      // Unset: wait only when the script was loaded async or deferred (Google tags may run before
      // an update). Module scripts have no `currentScript`: an npm bundle sets `waitForUpdate` itself.
      const script = document.currentScript as HTMLScriptElement | null;
      const wait = options.waitForUpdate ?? (script?.async || script?.defer ? 500 : undefined);
      // The default is the state before any decision (a privacy signal already denies what it covers).
      const now = stores.$consent.get();
      const defaults: Record<string, unknown> = consentTypes(config, deriveConsent(config, null, now.gpc).categories, options.map);
      if (wait !== undefined) defaults['wait_for_update'] = wait;
      gtag('consent', 'default', defaults);
      if (options.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
      if (options.urlPassthrough) gtag('set', 'url_passthrough', true);
      const update = ({ categories, method }: ConsentState) => {
        gtag('consent', 'update', consentTypes(config, categories, options.map));
        dataLayer.push({ event: 'consent_gate_update', consent_gate: { categories: { ...categories }, method } });
      };
      // A returning visitor (or GPC in opt-out mode): the update follows the default at once.
      if (now.decided) update(now);
      return stores.$consent.listen(update);
    },
  };
}
