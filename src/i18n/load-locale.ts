/**
 * Locale loading for the npm build: each locale is its own module, fetched only when the page
 * needs it (bundlers split each static `import()` into its own chunk).
 */
import type { Texts } from './locales/en';
import type { Language } from './language';

export type LocaleLoader = (language: Language) => Promise<Partial<Texts>>;

const modules: Record<Exclude<Language, 'en'>, () => Promise<{ default: Partial<Texts> }>> = {
  es: () => import('./locales/es'),
  it: () => import('./locales/it'),
  de: () => import('./locales/de'),
  pt: () => import('./locales/pt'),
  fr: () => import('./locales/fr'),
  ru: () => import('./locales/ru'),
  ja: () => import('./locales/ja'),
};

export const importLocale: LocaleLoader = async (language) => (language === 'en' ? {} : (await modules[language]()).default);
