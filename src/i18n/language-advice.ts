/**
 * The warning for a configured language with no built-in locale: unless the site's `texts` for it
 * provide every text, part of the interface silently shows another language. In the messages part,
 * with the list of text keys, loaded only for such a configuration.
 */
import { missingTextKeys } from '../config/text-keys';
import { say } from '../core/wording';
import { LANGUAGES, primary } from './language';

/** The console warning for `configured`, or nothing when the site's texts cover every key. */
export function languageAdvice(configured: string, shown: string, texts: Readonly<Record<string, Readonly<Record<string, string>>>>): string | undefined {
  const own = Object.assign({}, ...Object.entries(texts).filter(([tag]) => primary(tag) === primary(configured)).map(([, t]) => t)) as Record<string, string>;
  const missing = missingTextKeys(own);
  if (missing.length === 0) return undefined;
  const listed = missing.length > 6 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
  return say('language-unsupported', { language: configured, languages: LANGUAGES.join(', '), missing: listed, shown: shown === primary(configured) ? 'en' : shown });
}
