/**
 * The headless instance: wires config → stores → cookie storage → gating → clean-up → events.
 * Listeners react to the stores; actions never call them directly.
 */
import { resolveConfig, type ResolvedConfig } from './config/normalize';
import { createActions } from './core/actions';
import { createEmitter } from './core/emitter';
import { createLogger, type Logger } from './core/logger';
import { readPrivacySignal, startingDecision } from './core/modes';
import { encodeDecision, newestCurrent, randomConsentId } from './core/record';
import { createStores } from './core/stores';
import type { CatalogueEntry } from './cookies/catalogue';
import { cleanUp } from './cookies/cleanup';
import { classifyCookie, necessaryConflicts, scanCookies } from './cookies/scan';
import { createGate } from './gating/gate';
import { createCrossTab } from './integrations/cross-tab';
import { createCookieStorage } from './storage/cookie-storage';
import type { DecisionStorage } from './storage/decision-storage';
import type { CategoryOf, ConsentGate, ConsentOptions } from './consent-gate';
import type { ConsentEvents, ConsentGateConfig, ConsentState } from './types';

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** Where a category named in markup is gated; `analytics` falls back to `functional` (contract section 2). */
function categoryResolver(config: ResolvedConfig): (id: string) => string | null {
  const configured = new Set(config.categories.map((c) => c.id));
  return (id) => {
    if (configured.has(id)) return id;
    if (id === 'analytics' && configured.has('functional')) return 'functional';
    return null;
  };
}

function warnAboutNecessaryConflicts(config: ResolvedConfig, catalogue: readonly CatalogueEntry[], logger: Logger): void {
  for (const conflict of necessaryConflicts(config, catalogue)) {
    logger.warnOnce(
      `necessary:${conflict.cookie}`,
      `"${conflict.cookie}" is declared necessary, but ${conflict.vendor} uses it for ${conflict.category}; necessary cookies need no consent, so declare it under "${conflict.category === 'analytics' ? 'analytics (or functional)' : conflict.category}".`,
    );
  }
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
  return consentFromResolved(resolveConfig(config), options);
}

/** The headless instance for a config already validated and resolved (the full build shares it). */
export function consentFromResolved(resolved: ResolvedConfig, options: ConsentOptions): ConsentGate {
  const document = options.document ?? window.document;
  const view = document.defaultView!;
  const logger = options.logger ?? createLogger();
  const storage: DecisionStorage = options.storage ?? createCookieStorage({ ...resolved.cookie, logger, document });
  const emitter = createEmitter<ConsentEvents>(logger);
  const now = options.now ?? nowInSeconds;
  const catalogue = options.catalogue ?? [];
  warnAboutNecessaryConflicts(resolved, catalogue, logger);

  const currency = () => ({ now: now(), revision: resolved.revision, days: resolved.cookie.days, categories: resolved.optional });

  // Read synchronously before anything is activated (standards GPC-1).
  const signal = readPrivacySignal(view.navigator, resolved.respectDoNotTrack);
  const storedValues = storage.read();
  const stored = newestCurrent(storedValues, currency());
  const start = startingDecision(resolved, stored, signal, now(), randomConsentId);
  const stores = createStores(resolved, start.decision, signal);
  const actions = createActions({ config: resolved, stores, signal, logger, now });

  // Anything stale, broken or duplicated is replaced by the one decision in force (CK-5, CK-7).
  if (start.changed || storedValues.length > 1 || (storedValues.length > 0 && !stored)) {
    storage.clear();
    if (start.decision) storage.write(encodeDecision(start.decision));
  }

  const gate = createGate({
    document,
    resolveCategory: categoryResolver(resolved),
    isAllowed: (id) => stores.$consent.get().categories[id] === true,
    logger,
    nonce: options.nonce,
  });

  let adopting = false;
  // Another tab decided: adopt what the cookie now says (never what the message says).
  const crossTab = createCrossTab(view, `consent-gate:${resolved.cookie.name}`, () => {
    const current = newestCurrent(storage.read(), currency());
    const mine = stores.$decision.get();
    if ((current && encodeDecision(current)) === (mine && encodeDecision(mine))) return;
    adopting = true;
    stores.$decision.set(current);
    stores.$surface.set(current ? null : 'banner');
    adopting = false;
  });

  let lastState = stores.$consent.get();
  const unsubscribers = [
    stores.$decision.listen((decision) => {
      if (adopting) return;
      if (!decision) storage.clear();
      else if (!storage.write(encodeDecision(decision))) logger.error('the browser refused the consent cookie; the decision holds for this page only.');
      crossTab.announce();
    }),
    stores.$consent.listen((state) => {
      const previous = lastState;
      lastState = state;
      gate.update();
      withdraw(previous, state);
      emitter.emit('change', state);
      document.dispatchEvent(new view.CustomEvent('consent-gate:change', { detail: state }));
    }),
    stores.$surface.listen((surface) => {
      if (surface) emitter.emit('show', surface);
      else emitter.emit('hide');
    }),
  ];

  function withdraw(previous: ConsentState, next: ConsentState): void {
    const withdrawn = resolved.categories.filter(({ id }) => previous.categories[id] && !next.categories[id]);
    if (withdrawn.length === 0) return;
    const ids = withdrawn.map((c) => c.id);
    const known = scanCookies(document.cookie, resolved, catalogue).filter((c) => ids.includes(c.category)).map((c) => c.name);
    const report = cleanUp(document, ids, {
      cookies: [...withdrawn.flatMap((c) => c.cookies.map((cookie) => cookie.pattern)), ...known],
      storage: withdrawn.flatMap((c) => c.storage),
    });
    if (report.remaining.length > 0) {
      logger.warnOnce(`remaining:${report.remaining.join()}`, 'these cookies could not be deleted from JavaScript (set for another path or domain):', report.remaining);
    }
    emitter.emit('reload-required', report);
  }

  gate.update();
  stores.$surface.set(stores.$consent.get().decided ? null : 'banner');

  return {
    config: resolved.source,
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
    scan: () => scanCookies(document.cookie, resolved, catalogue),
    classify: (name) => classifyCookie(name, resolved, catalogue),
    loadOnce: gate.loadOnce,
    destroy() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      crossTab.close();
      gate.destroy();
      emitter.clear();
    },
  };
}
