/**
 * The full library: the headless core plus the interface. Wires `createConsent` to the UI; the
 * UI only subscribes to the core's stores and calls its actions.
 */
import type { CategoryOf, ConsentGate, ConsentOptions } from './consent-gate';
import { resolveConfig } from './config/normalize';
import { consentFromResolved } from './create-consent';
import { chooseLanguage, type Language } from './i18n/language';
import type { LocaleLoader } from './i18n/load-locale';
import type { Texts } from './i18n/locales/en';
import { buildTexts } from './i18n/texts';
import { mountUi } from './ui/mount';
import type { ConsentGateConfig } from './types';

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

/**
 * Starts Consent Gate with its interface (banner, preferences dialog, placeholders, settings
 * button and cookie tables, in an open shadow root on `#consent-gate`). `defaultLoader` fetches
 * a locale the options lack: a module import in the npm build (`createConsentGate`), a JSON file
 * next to the script in the script-tag build.
 *
 * @throws {ConsentGateConfigError} when the configuration is invalid, listing every problem.
 */
export function startConsentGate<const C extends ConsentGateConfig>(config: C, options: ConsentGateOptions, defaultLoader: LocaleLoader): ConsentGate<CategoryOf<C>> {
  const resolved = resolveConfig(config);
  const gate = consentFromResolved(resolved, options);
  const document = options.document ?? window.document;
  const language = chooseLanguage(config.language, document);
  const dir = document.documentElement.dir === 'rtl' ? 'rtl' : undefined;
  let unmount: (() => void) | undefined;
  let destroyed = false;

  const mount = (locale: Partial<Texts>) => {
    if (destroyed) return;
    const texts = buildTexts(locale, language, resolved);
    unmount = mountUi({ gate, config: resolved, texts, language, dir }, { document, nonce: options.nonce });
  };

  const given = language === 'en' ? {} : options.locales?.[language];
  if (given) {
    mount(given);
  } else {
    // Nothing is shown until the locale arrives: no flash of English.
    (options.loadLocale ?? defaultLoader)(language).then(mount, (error: unknown) => {
      console.warn('[consent-gate]', `could not load the "${language}" locale; showing English.`, error);
      mount({});
    });
  }

  const destroyCore = gate.destroy;
  return Object.assign(gate as ConsentGate<CategoryOf<C>>, {
    destroy() {
      destroyed = true;
      unmount?.();
      destroyCore();
    },
  });
}
