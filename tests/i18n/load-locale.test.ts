import { describe, expect, it } from 'vitest';
import de from '../../src/i18n/locales/de';
import ja from '../../src/i18n/locales/ja';
import { LANGUAGES } from '../../src/i18n/language';
import { importLocale } from '../../src/i18n/load-locale';

describe('loading a locale in the npm build', () => {
  it('needs nothing for English, which the first view carries', async () => {
    expect(await importLocale('en')).toEqual({});
  });

  it("gives each built-in language its own module's texts", async () => {
    expect(await importLocale('de')).toBe(de);
    expect(await importLocale('ja')).toBe(ja);
    for (const language of LANGUAGES.filter((tag) => tag !== 'en')) expect(Object.keys(await importLocale(language)).length, language).toBeGreaterThan(10);
  });
});
