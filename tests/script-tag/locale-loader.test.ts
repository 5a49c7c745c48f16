import { describe, expect, it } from 'vitest';
import { isLocaleTexts } from '../../src/script-tag/locale-loader';

describe('a fetched locale file (hostile input)', () => {
  it('is used only when it is an object of strings', () => {
    expect(isLocaleTexts({ bannerLabel: 'Cookie-Einwilligung', acceptAll: 'Alle akzeptieren' })).toBe(true);
    expect(isLocaleTexts({})).toBe(true);
  });

  it('is refused when it is anything else: a non-string value would otherwise reach the interface', () => {
    for (const value of [null, [], 'text', 42, { bannerLabel: 1 }, { bannerLabel: { html: '<img>' } }, { acceptAll: null }, { save: ['a'] }]) {
      expect(isLocaleTexts(value), JSON.stringify(value)).toBe(false);
    }
  });
});
