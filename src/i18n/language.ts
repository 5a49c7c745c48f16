/**
 * Which language to show: config, else the page's `<html lang>`, else the browser's languages,
 * else English (contract section 10).
 */

/** Languages with a built-in locale. */
export const LANGUAGES = ['en', 'es', 'it', 'de', 'pt', 'fr', 'ru', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

function builtIn(tag: string | null | undefined): Language | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary);
}

export function chooseLanguage(configured: string | undefined, document: Document): Language {
  const candidates = [configured, document.documentElement.lang, ...(document.defaultView?.navigator.languages ?? [])];
  for (const candidate of candidates) {
    const language = builtIn(candidate);
    if (language) return language;
  }
  return 'en';
}
