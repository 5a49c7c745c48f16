/**
 * Loads a locale for the script tag: `locales/<lang>.<hash>.json` next to the script, checked
 * against the build's integrity hash. A file that is not an object of strings is refused
 * (hostile or broken input never reaches the interface).
 */
import type { LocaleLoader } from '../i18n/load-locale';
import type { Texts } from '../i18n/locales/en';
import { builtFile } from './manifest';

/** Whether a fetched locale is an object of texts (anything else is refused: hostile or broken input). */
export function isLocaleTexts(value: unknown): value is Partial<Texts> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((text) => typeof text === 'string');
}

export function scriptLocaleLoader(base: string): LocaleLoader {
  return async (language) => {
    const built = builtFile('locales', language);
    if (!built) throw new Error(`this build has no "${language}" locale`);
    const response = await fetch(base + built.file, { credentials: 'same-origin', integrity: built.integrity });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const texts: unknown = await response.json();
    if (!isLocaleTexts(texts)) throw new Error('the locale file is not an object of texts');
    return texts;
  };
}
