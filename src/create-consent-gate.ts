/**
 * The full library: the headless core plus the interface. Wires `createConsent` to the UI; the
 * UI only subscribes to the core's stores and calls its actions.
 */
import type { CategoryOf, ConsentGate, ConsentOptions } from './consent-gate';
import { resolveConfig } from './config/normalize';
import { consentFromResolved } from './create-consent';
import { createLogger } from './core/logger';
import type { ActivationOption } from './gating/gate';
import { builtIn, chooseLanguage, type Language } from './i18n/language';
import type { LocaleLoader } from './i18n/load-locale';
import type { Texts } from './i18n/locales/en';
import { buildTexts } from './i18n/texts';
import type { PartLoader } from './parts/loader';
import { mountUi } from './ui/shell';
import { styleAdopter } from './ui/styles/adopt';
import { BASE_CSS } from './ui/styles/base';
import type { ConsentGateConfig } from './types';
import { say } from './core/wording';
import { keepDecisions, type KeptDecision } from './log/decisions';

/** Whether consent records from an earlier page view wait in the log's queue. */
function queuedRecords(document: Document, cookieName: string): boolean {
  try {
    return !!document.defaultView?.localStorage.getItem(`consent-gate:log:${cookieName}`);
  } catch {
    return false;
  }
}

/** Options of the full build, on top of the headless ones. */
export interface ConsentGateOptions extends ConsentOptions {
  /**
   * Locale texts given up front, by language; the chosen language is then shown without loading.
   * @example { de } // import de from 'consent-gate/locales/de'
   */
  locales?: Partial<Record<Language, Partial<Texts>>>;
  /** How a missing locale is loaded. @default a dynamic import of the locale module */
  loadLocale?: LocaleLoader;
}

/** How a build loads what the first view does not carry. */
export interface BuildLoaders {
  loadLocale: LocaleLoader;
  parts: PartLoader;
  /** Activation of allowed elements: the module (npm) or its part (script tag). */
  activation: ActivationOption;
}

/**
 * Starts Consent Gate with its interface (banner and settings button at once; the dialog,
 * placeholders and cookie tables as parts, when needed), in an open shadow root on
 * `#consent-gate`. The npm build and the script tag differ only in their loaders.
 *
 * @throws {ConsentGateConfigError} when the configuration is invalid, listing every problem.
 */
export function startConsentGate<const C extends ConsentGateConfig>(config: C, options: ConsentGateOptions, loaders: BuildLoaders): ConsentGate<CategoryOf<C>> {
  const resolved = resolveConfig(config, options.features);
  const logger = options.logger ?? createLogger();
  const catalogue = options.catalogue ?? (() => loaders.parts('catalogue').then((part) => part.catalogue()));
  const gate = consentFromResolved(resolved, { ...options, logger, catalogue }, loaders.activation);
  const document = options.document ?? window.document;
  let language = chooseLanguage(resolved.language, document, Object.keys(resolved.texts));
  const locale = builtIn(language);
  // A language with no built-in locale: the messages part says whether the site's texts cover it.
  const configured = resolved.language;
  if (configured && !builtIn(configured)) {
    loaders.parts('messages').then(({ languageAdvice }) => {
      const advice = languageAdvice(configured, language, resolved.texts);
      if (advice) logger.warnOnce('language', advice);
    }, () => undefined);
  }
  // Before anything can decide: every decision must become a record (README, "Proof of consent").
  const decisions: KeptDecision[] = [];
  if (resolved.log) keepDecisions(gate, document.defaultView!, resolved.cookie.name, decisions);
  const dir = document.documentElement.dir === 'rtl' ? 'rtl' : undefined;
  const adopt = styleAdopter(document, options.nonce);
  let unmount: (() => void) | undefined;
  let destroyed = false;

  const mount = (locale: Partial<Texts>) => {
    if (destroyed) return;
    const texts = buildTexts(locale, language, resolved);
    unmount = mountUi({ gate, config: resolved, texts, language, dir, parts: loaders.parts, logger, adopt, baseCss: BASE_CSS }, document);
    if (resolved.log) logWhenNeeded(texts);
  };

  /**
   * The log part loads after the first decision: at once for a returning visitor (to deliver
   * what an earlier page view could not), else on the first change. Until it runs (or when it
   * fails to load) the main file keeps each decision, so none is lost.
   */
  const logWhenNeeded = (texts: Texts) => {
    if (gate.get().decided || queuedRecords(document, resolved.cookie.name)) {
      void startLog(texts);
      return;
    }
    const off = gate.on('change', () => {
      off();
      void startLog(texts);
    });
  };
  let stopLog: (() => void) | undefined;
  /** The consent log is a part: sites without `log.endpoint` never load it. */
  const startLog = (texts: Texts) =>
    loaders.parts('log').then(
      ({ startSiteLog }) => {
        if (!destroyed) stopLog = startSiteLog(gate, resolved, texts, language, logger, document, decisions);
      },
      (error: unknown) => logger.warnOnce('part:log', say('log-failed'), error),
    );

  // A language the site brings its own texts for has English underneath, no locale to load.
  const given = !locale || locale === 'en' ? {} : options.locales?.[locale];
  if (given) {
    mount(given);
  } else {
    // Nothing is shown until the locale arrives: no flash of English.
    (options.loadLocale ?? loaders.loadLocale)(locale!).then(mount, (error: unknown) => {
      // A missing or foreign file is said in one message that names it; anything else comes with its error.
      if (error instanceof Error && error.name === 'LocaleError') logger.warnOnce(`locale:${language}`, error.message);
      else logger.warnOnce(`locale:${language}`, say('locale-failed', { language }), error);
      // All English, lang="en" included: the site's texts and list words of the language asked
      // for would mix two languages in one sentence ("a, b und c").
      language = 'en';
      mount({});
    });
  }

  const destroyCore = gate.destroy;
  return Object.assign(gate as ConsentGate<CategoryOf<C>>, {
    destroy() {
      destroyed = true;
      stopLog?.();
      unmount?.();
      destroyCore();
    },
  });
}
