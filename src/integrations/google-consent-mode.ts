/**
 * Google Consent Mode v2 (contract section 9, standards GCM-*): a start-time feature. Before any
 * Google tag runs it pushes `consent default` for all seven types into the dataLayer (as
 * `arguments` objects, which is what gtag.js reads), right after it a `consent update` for a
 * returning visitor, and a `consent update` plus a `consent_gate_update` event on every later
 * decision, withdrawals included. What the page pushed earlier, and its own `gtag`, are kept.
 */
import { arrayCheck, booleanCheck, enumCheck, formatCheck, integerCheck, objectCheck, recordCheck, CATEGORY_ID, type Check } from '../config/checks';
import type { ResolvedConfig } from '../config/normalize';
import { featureConfig, type StartFeature } from '../features';
import type { ConsentState } from '../types';

/** The seven consent types of Consent Mode v2. */
export const CONSENT_TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

/** `"googleConsentMode": true` or these options. */
export interface GoogleConsentModeOptions {
  /** @default "dataLayer" */
  dataLayerName?: string;
  /**
   * Milliseconds Google tags wait for an update after the default. Unset: 500 when the script is
   * loaded `async` or `defer` (tags may run before the update), none when it is synchronous.
   */
  waitForUpdate?: number;
  /** `gtag('set', 'ads_data_redaction', true)`. @default false */
  adsDataRedaction?: boolean;
  /** `gtag('set', 'url_passthrough', true)`. @default false */
  urlPassthrough?: boolean;
  /** Consent types per category, replacing the built-in mapping for the categories named. */
  map?: Record<string, ConsentType[]>;
}

const DEFAULT_MAP: Record<string, ConsentType[]> = {
  advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  analytics: ['analytics_storage'],
  functional: ['functionality_storage', 'personalization_storage'],
};

const check: Check = (value, path, problems) => {
  if (value === true || value === false) return;
  objectCheck({
    dataLayerName: formatCheck(/^[A-Za-z_$][\w$]{0,63}$/, 'identifier'),
    waitForUpdate: integerCheck(0, 60_000),
    adsDataRedaction: booleanCheck,
    urlPassthrough: booleanCheck,
    map: recordCheck(formatCheck(CATEGORY_ID, 'category-id'), arrayCheck(enumCheck(...CONSENT_TYPES))),
  })(value, path, problems);
};

/**
 * Each consent type's state: granted when the site configures a category mapped to it and every
 * such category is allowed; categories the site does not have are left out.
 */
export function consentTypes(config: ResolvedConfig, state: ConsentState, map: Record<string, ConsentType[]> = {}): Record<ConsentType, 'granted' | 'denied'> {
  const mapping = { ...DEFAULT_MAP, ...map };
  const allowed: Partial<Record<ConsentType, boolean>> = {};
  for (const [category, types] of Object.entries(mapping)) {
    // analytics counts as functional on a site without an analytics category (contract section 2).
    const configured = config.categoryFor(category);
    if (configured === null) continue;
    for (const type of types) allowed[type] = (allowed[type] ?? true) && state.categories[configured] === true;
  }
  const result = {} as Record<ConsentType, 'granted' | 'denied'>;
  for (const type of CONSENT_TYPES) result[type] = type === 'security_storage' || allowed[type] === true ? 'granted' : 'denied';
  return result;
}

/** Whether the running script was loaded async or deferred (Google tags may run before an update). */
function loadedLate(document: Document): boolean {
  const script = document.currentScript as HTMLScriptElement | null;
  return !!script && (script.async || script.defer || script.type === 'module');
}

/** The Consent Mode feature: pass it in `features`, or use `consent-gate.gcm.iife.js`. */
export function googleConsentMode(): StartFeature {
  return {
    fields: { googleConsentMode: check },
    start({ config, stores, document }) {
      const given = featureConfig<true | false | GoogleConsentModeOptions>(config, 'googleConsentMode');
      if (!given) return () => undefined;
      const options: GoogleConsentModeOptions = given === true ? {} : given;
      const view = document.defaultView as unknown as Record<string, unknown>;
      const name = options.dataLayerName ?? 'dataLayer';
      const dataLayer = (view[name] ??= []) as unknown[];
      // gtag.js reads `arguments` objects, not arrays: push them as its own gtag() does.
      const gtag = function (..._args: unknown[]) {
        // eslint-disable-next-line prefer-rest-params
        dataLayer.push(arguments);
      };
      const wait = options.waitForUpdate ?? (loadedLate(document) ? 500 : undefined);
      const undecided = { ...stores.$consent.get(), decided: false };
      const defaults: Record<string, unknown> = consentTypes(config, { ...undecided, categories: undecidedCategories(config) }, options.map);
      if (wait !== undefined) defaults['wait_for_update'] = wait;
      gtag('consent', 'default', defaults);
      if (options.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
      if (options.urlPassthrough) gtag('set', 'url_passthrough', true);
      const update = (state: ConsentState) => {
        gtag('consent', 'update', consentTypes(config, state, options.map));
        dataLayer.push({ event: 'consent_gate_update', consent_gate: { categories: { ...state.categories }, method: state.method } });
      };
      // A returning visitor (or GPC in opt-out mode): the update follows the default at once.
      if (stores.$consent.get().decided) update(stores.$consent.get());
      return stores.$consent.listen(update);
    },
  };
}

/** Every category as it is before any decision: necessary granted, the rest denied. */
function undecidedCategories(config: ResolvedConfig): Record<string, boolean> {
  const categories: Record<string, boolean> = {};
  for (const { id, default: on } of config.categories) categories[id] = id === 'necessary' || (config.mode === 'opt-out' && on);
  return categories;
}
