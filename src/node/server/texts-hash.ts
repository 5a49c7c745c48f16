/**
 * Recomputes a record's `textsHash` from a config and a language, as the browser computed it,
 * so a site can prove which wording a visitor saw (README, "Proof of consent"). Same code as the
 * browser's: the texts the interface shows in that language, the category labels and
 * descriptions, the vendor names, canonical JSON (RFC 8785), SHA-256.
 */
import { resolveConfig } from '../../config/normalize.js';
import de from '../../i18n/locales/de.js';
import es from '../../i18n/locales/es.js';
import fr from '../../i18n/locales/fr.js';
import it from '../../i18n/locales/it.js';
import ja from '../../i18n/locales/ja.js';
import pt from '../../i18n/locales/pt.js';
import ru from '../../i18n/locales/ru.js';
import type { Texts } from '../../i18n/locales/en.js';
import { buildTexts } from '../../i18n/texts.js';
import { shownTexts } from '../../log/shown-texts.js';
import { hashShownTexts } from '../../log/texts-hash.js';
import type { ConsentGateConfig } from '../../types.js';

/** The built-in languages (as `i18n/language.ts` lists them; that file needs the DOM). */
export type Language = 'en' | 'es' | 'it' | 'de' | 'pt' | 'fr' | 'ru' | 'ja';

const LOCALES: Record<Exclude<Language, 'en'>, Partial<Texts>> = { de, es, fr, it, ja, pt, ru };

/**
 * The `textsHash` the browser sends for a visitor shown the interface in `language` (a built-in
 * language: `en`, `de`, …) under `config`.
 * @example await textsHash(siteConfig, 'de') // '3f1c…'
 */
export function textsHash(config: ConsentGateConfig, language: Language): Promise<string> {
  const resolved = resolveConfig(config);
  const locale = language === 'en' ? {} : LOCALES[language];
  return hashShownTexts(shownTexts(resolved, buildTexts(locale, language, resolved)));
}
