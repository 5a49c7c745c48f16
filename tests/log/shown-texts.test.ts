import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import { buildTexts } from '../../src/i18n/texts';
import { shownTexts } from '../../src/log/shown-texts';

describe('what a visitor was shown, as the texts hash covers it', () => {
  const config = resolveConfig({
    categories: {
      analytics: { label: 'Statistics', vendors: [{ name: 'Matomo' }] },
      advertising: { vendors: [{ name: 'Google Ads' }, { name: 'Meta' }] },
    },
  });
  const texts = buildTexts({}, 'en', config);
  const shown = shownTexts(config, texts);

  it('covers every interface text, those of the dialog and the notice included', () => {
    expect(shown.texts).toMatchObject({ acceptAll: texts.acceptAll, close: 'Close', reload: 'Reload page' });
  });

  it('lists each category in config order, necessary first, with its label and description as shown', () => {
    expect(shown.categories.map((category) => category.id)).toEqual(['necessary', 'analytics', 'advertising']);
    expect(shown.categories[1]!.label).toBe('Statistics');
    expect(shown.categories[2]!.label).toBe(texts.advertising);
    expect(shown.categories.every((category) => typeof category.description === 'string')).toBe(true);
  });

  it('lists vendor names in config order', () => {
    expect(shown.vendors).toEqual(['Matomo', 'Google Ads', 'Meta']);
  });

  it('copies the texts: changing them later changes nothing recorded', () => {
    const copy = shownTexts(config, texts);
    (texts as Record<string, string>).acceptAll = 'changed';
    expect(copy.texts.acceptAll).not.toBe('changed');
  });
});
