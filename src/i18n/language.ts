/**
 * Which language to show: config (a built-in one, or one the site brings its own `texts` for),
 * else the page's `<html lang>`, else the browser's languages, else English.
 */

/** Languages with a built-in locale. */
export const LANGUAGES = ['en', 'es', 'it', 'de', 'pt', 'fr', 'ru', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The primary subtag, lower case: `pt-BR` → `pt`. */
export const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0]!;

/** The built-in language of a tag (`pt-BR` → `pt`), if any. */
export function builtIn(tag: string | null | undefined): Language | undefined {
  return LANGUAGES.find((language) => language === primary(tag ?? ''));
}

export function chooseLanguage(configured: string | undefined, document: Document, siteLanguages: readonly string[] = []): string {
  // A configured language the site wrote texts for is shown even without a built-in locale.
  if (configured && siteLanguages.some((tag) => primary(tag) === primary(configured))) return primary(configured);
  const candidates = [configured, document.documentElement.lang, ...(document.defaultView?.navigator.languages ?? [])];
  for (const candidate of candidates) {
    const language = builtIn(candidate);
    if (language) return language;
  }
  return 'en';
}
