import { describe, expect, it } from 'vitest';
import { TEXT_KEYS } from '../../src/config/text-keys';
import { languageAdvice } from '../../src/i18n/language-advice';

const every = (prefix: string) => Object.fromEntries(TEXT_KEYS.map((key) => [key, `${prefix} ${key}`]));

describe('advice for a configured language without a built-in locale', () => {
  it('says nothing when the site texts for that language provide every text, across its regional tags', () => {
    const all = every('nl');
    const half = Math.floor(TEXT_KEYS.length / 2);
    const first = Object.fromEntries(Object.entries(all).slice(0, half));
    const rest = Object.fromEntries(Object.entries(all).slice(half));
    expect(languageAdvice('nl', 'nl', { nl: first, 'nl-BE': rest })).toBeUndefined();
  });

  it('names the language, the built-in ones and the missing keys, and that English shows instead', () => {
    const texts = { nl: { ...every('nl'), save: undefined as unknown as string, close: 1 as unknown as string } };
    expect(languageAdvice('nl-NL', 'nl', texts)).toBe(
      '"language": "nl-NL" has no built-in locale (built in: en, es, it, de, pt, fr, ru, ja), and "texts" for it do not provide every text (missing: close, save); those show in "en". Add the missing texts, or choose a built-in language.',
    );
  });

  it("ignores other languages' texts and shortens a long list of missing keys", () => {
    const advice = languageAdvice('nl', 'de', { de: every('de') })!;
    expect(advice).toContain(`(missing: ${TEXT_KEYS.slice(0, 5).join(', ')} and ${TEXT_KEYS.length - 5} more)`);
    expect(advice).toContain('those show in "de"');
  });
});
