/**
 * The headless instance: config → stores → actions, and a short list of listeners, each one
 * concern (cookie writing, start-time features, gating, withdrawal clean-up, events). Decisions
 * are written by the actions, and by cross-tab adoption when another tab decided; the other
 * listeners only react.
 */
import { resolveConfig, type ResolvedConfig } from './config/normalize';
import { createActions } from './core/actions';
import { createEmitter } from './core/emitter';
import { createLogger } from './core/logger';
import { say } from './core/wording';
import { readPrivacySignal, startingDecision } from './core/modes';
import { encodeDecision, newestCurrent, randomConsentId } from './core/record';
import { createStores } from './core/stores';
import { catalogueSource } from './cookies/catalogue-source';
import { classifyCookie, scanCookies } from './cookies/scan';
import * as activationModule from './gating/activation';
import { createGate, type ActivationOption } from './gating/gate';
import { pageNonce } from './gating/nonce';
import { installedFeatures, type Feature } from './features';
import { writeDecisions } from './listeners/cookie-writer';
import { adoptOtherTabs } from './listeners/cross-tab-adoption';
import { emitEvents } from './listeners/events';
import { cleanUpOnWithdrawal } from './listeners/withdrawal';
import { warnSiteOwner } from './listeners/site-owner-warnings';
import { createCookieStorage } from './storage/cookie-storage';
import type { DecisionStorage } from './storage/decision-storage';
import type { CategoryOf, ConsentGate, ConsentOptions } from './consent-gate';
import type { ConsentEvents, ConsentGateConfig } from './types';

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** An npm instance's features: those it is given, then those installed on its window (`installAutoBlock`). */
export function npmFeatures(options: ConsentOptions): Feature[] {
  return [...(options.features ?? []), ...installedFeatures((options.document ?? window.document).defaultView)];
}

/**
 * Creates a headless Consent Gate instance: consent state, the consent cookie and gating, with
 * no interface. Render your own UI from `$surface` and `$consent`, and call the actions.
 *
 * @throws {ConsentGateConfigError} when the configuration is invalid, listing every problem.
 * @example
 * const consent = createConsent({ categories: { analytics: {}, advertising: {} } });
 * consent.on('change', (state) => console.log(state.categories));
 */
export function createConsent<const C extends ConsentGateConfig>(config: C = {} as C, options: ConsentOptions = {}): ConsentGate<CategoryOf<C>> {
  const features = npmFeatures(options);
  const resolved = resolveConfig(config, features);
  const logger = options.logger ?? createLogger();
  // A headless instance sends no records by itself: its UI knows the texts the hash covers.
  if (resolved.log) logger.warnOnce('log-headless', say('log-headless'));
  return consentFromResolved(resolved, { ...options, features, logger }, activationModule);
}

/**
 * The headless instance for a config already validated and resolved (the full build shares it).
 * `activation` is the activation module, or (in the script tag) a function that loads it.
 */
export function consentFromResolved(config: ResolvedConfig, options: ConsentOptions, activation: ActivationOption): ConsentGate {
  const document = options.document ?? window.document;
  const view = document.defaultView!;
  const logger = options.logger ?? createLogger();
  const storage: DecisionStorage = options.storage ?? createCookieStorage({ ...config.cookie, logger, document });
  const emitter = createEmitter<ConsentEvents>(logger);
  const now = options.now ?? nowInSeconds;
  const catalogue = catalogueSource(options.catalogue);
  const currency = () => ({ now: now(), revision: config.revision, days: config.cookie.days, categories: config.optional });

  // Read synchronously before anything is activated (W3C GPC).
  const signal = readPrivacySignal(view.navigator, config.respectDoNotTrack);
  const storedValues = storage.read();
  const stored = newestCurrent(storedValues, currency());
  const start = startingDecision(config, stored, signal, now(), randomConsentId);
  const stores = createStores(config, start.decision, signal);
  const actions = createActions({ config, stores, signal, logger, now });

  // Anything stale, broken or duplicated is replaced by the one decision in force (RFC 6265 §4.1.1,
  // RFC 6265 §5.4).
  if (start.changed || storedValues.length > 1 || (storedValues.length > 0 && !stored)) {
    storage.clear();
    if (start.decision) storage.write(encodeDecision(start.decision));
  }

  const gate = createGate({
    document,
    resolveCategory: config.categoryFor,
    isAllowed: (id) => stores.$consent.get().categories[id] === true,
    logger,
    nonce: pageNonce(document, options.nonce),
    allowInlineNecessary: config.allowInlineNecessary,
    activation,
  });
  const crossTab = adoptOtherTabs(view, `consent-gate:${config.cookie.name}`, stores, storage, currency);

  // Listeners run in this order on every change: the cookie, start-time features (Consent Mode
  // must update before gated tags run), gating, clean-up, then events.
  const unsubscribers = [
    writeDecisions(stores, storage, crossTab, logger),
    ...(options.features ?? []).map((feature) => feature.start({ config, options: config.source[feature.key], stores, document, logger })),
    stores.$consent.listen(() => gate.update()),
    cleanUpOnWithdrawal({ config, stores, document, emitter, logger, catalogue }),
    emitEvents(stores, emitter, document),
  ];

  gate.update();
  stores.$surface.set(stores.$consent.get().decided ? null : 'banner');
  warnSiteOwner(config, catalogue, logger);

  return {
    config: config.source,
    $consent: stores.$consent,
    $surface: stores.$surface,
    $blocked: gate.$blocked,
    allowed: (category) => stores.$consent.get().categories[category] === true,
    get: () => stores.$consent.get(),
    acceptAll: actions.acceptAll,
    rejectAll: actions.rejectAll,
    acknowledge: actions.acknowledge,
    set: actions.set,
    reset: actions.reset,
    show: () => stores.$surface.set('banner'),
    showPreferences: () => stores.$surface.set('preferences'),
    hide: () => stores.$surface.set(null),
    on: emitter.on,
    scan: async () => scanCookies(document.cookie, config, await catalogue.load()),
    classify: async (name) => classifyCookie(name, config, await catalogue.load()),
    loadOnce: gate.loadOnce,
    destroy() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      crossTab.close();
      gate.destroy();
      emitter.clear();
    },
  };
}
