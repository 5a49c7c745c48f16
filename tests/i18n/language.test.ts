import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage, LANGUAGES } from '../../src/i18n/language';

/** Just the parts of a document that `chooseLanguage` reads. */
function pageWith({ lang = '', languages = [] as string[] | undefined, view = true } = {}): Document {
  return {
    documentElement: { lang },
    defaultView: view ? { navigator: { languages } } : null,
  } as unknown as Document;
}

afterEach(() => {
  document.documentElement.removeAttribute('lang');
});

describe('choosing the interface language', () => {
  it('builds in the eight languages of the seed site', () => {
    expect([...LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'pt', 'ru']);
  });

  it('takes the configured language first', () => {
    expect(chooseLanguage('it', pageWith({ lang: 'de', languages: ['fr'] }))).toBe('it');
  });

  it('else the page\'s <html lang>', () => {
    expect(chooseLanguage(undefined, pageWith({ lang: 'de', languages: ['fr'] }))).toBe('de');
  });

  it('else the browser\'s languages, the first built-in one in order', () => {
    expect(chooseLanguage(undefined, pageWith({ languages: ['fr-CA', 'de'] }))).toBe('fr');
    expect(chooseLanguage(undefined, pageWith({ languages: ['zh-CN', 'nl', 'ru-RU'] }))).toBe('ru');
  });

  it('else English', () => {
    expect(chooseLanguage(undefined, pageWith())).toBe('en');
    expect(chooseLanguage(undefined, pageWith({ languages: undefined }))).toBe('en');
    expect(chooseLanguage(undefined, pageWith({ view: false }))).toBe('en');
  });

  it('reduces a regional tag to its language: pt-BR → pt', () => {
    expect(chooseLanguage('pt-BR', pageWith())).toBe('pt');
    expect(chooseLanguage(undefined, pageWith({ lang: 'es-419' }))).toBe('es');
    expect(chooseLanguage(undefined, pageWith({ languages: ['ja-JP'] }))).toBe('ja');
  });

  it('reads tags case-insensitively, with "-" or "_" and surrounding spaces', () => {
    expect(chooseLanguage(undefined, pageWith({ lang: ' DE_at ' }))).toBe('de');
    expect(chooseLanguage(undefined, pageWith({ lang: 'FR' }))).toBe('fr');
  });

  it('passes over a language it does not have to the next source, and ends in English', () => {
    expect(chooseLanguage('nl', pageWith({ lang: 'de' }))).toBe('de');
    expect(chooseLanguage(undefined, pageWith({ lang: 'pl', languages: ['it'] }))).toBe('it');
    expect(chooseLanguage('nl', pageWith({ lang: 'pl', languages: ['zh'] }))).toBe('en');
  });

  it('does not take a language whose tag only starts like a built-in one', () => {
    expect(chooseLanguage('eng', pageWith())).toBe('en' /* by the final fallback, not by prefix */);
    expect(chooseLanguage('esp', pageWith({ lang: 'fr' }))).toBe('fr');
  });

  it('reads <html lang> and navigator.languages from a real document', () => {
    document.documentElement.lang = 'fr';
    expect(chooseLanguage(undefined, document)).toBe('fr');
    document.documentElement.removeAttribute('lang');
    // happy-dom's navigator says en-US.
    expect(chooseLanguage(undefined, document)).toBe('en');
  });
});
