import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import type { ConsentGate } from '../../src/consent-gate';
import { startConsentGate } from '../../src/create-consent-gate';
import * as activation from '../../src/gating/activation';
import firstView from '../../src/i18n/english/first-view';
import later from '../../src/i18n/english/later';
import de from '../../src/i18n/locales/de';
import en, { type Texts } from '../../src/i18n/locales/en';
import es from '../../src/i18n/locales/es';
import fr from '../../src/i18n/locales/fr';
import italian from '../../src/i18n/locales/it';
import ja from '../../src/i18n/locales/ja';
import pt from '../../src/i18n/locales/pt';
import ru from '../../src/i18n/locales/ru';
import { buildTexts, categoryText, fill, keptFor, purposes, retention, withLaterTexts } from '../../src/i18n/texts';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import type { ConsentGateConfig } from '../../src/types';
import { npmParts } from '../../src/ui/npm-parts';
import { checkedLogger, onReset, resetPage } from '../ui/support';

afterEach(resetPage);

const SITE: ConsentGateConfig = { categories: { functional: {}, advertising: {}, social: {} } };

describe('buildTexts: English, then the locale, then the site\'s texts', () => {
  it('is the English locale when nothing overrides it, once the parts\' English is added', () => {
    expect(withLaterTexts(buildTexts({}, 'en', resolveConfig(SITE)))).toEqual(en);
  });

  it('carries only the first view\'s English: the dialog\'s and the table\'s come with their parts', () => {
    const texts = buildTexts({}, 'en', resolveConfig(SITE));
    expect(texts).toEqual(firstView);
    for (const key of Object.keys(later)) expect(texts).not.toHaveProperty(key);
  });

  it('splits English in two without losing or doubling a key', () => {
    const firstKeys = Object.keys(firstView);
    expect(firstKeys.filter((key) => Object.prototype.hasOwnProperty.call(later, key))).toEqual([]);
    expect([...firstKeys, ...Object.keys(later)].sort()).toEqual(Object.keys(en).sort());
  });

  it('lays the locale over English, keeping English for keys the locale lacks', () => {
    const texts = buildTexts({ acceptAll: 'Alle akzeptieren' }, 'de', resolveConfig(SITE));
    expect(texts.acceptAll).toBe('Alle akzeptieren');
    expect(texts.rejectAll).toBe('Reject all');
  });

  it('lays the site\'s texts for the shown language over the locale', () => {
    const config = resolveConfig({ ...SITE, texts: { de: { acceptAll: 'Alles erlauben', save: 'Speichern' } } });
    const texts = buildTexts({ acceptAll: 'Alle akzeptieren', rejectAll: 'Alle ablehnen' }, 'de', config);
    expect(texts.acceptAll).toBe('Alles erlauben');
    expect(texts.save).toBe('Speichern');
    expect(texts.rejectAll).toBe('Alle ablehnen');
  });

  it('applies config texts.en to English', () => {
    expect(buildTexts({}, 'en', resolveConfig({ texts: { en: { acceptAll: 'Allow all' } } })).acceptAll).toBe('Allow all');
  });

  it('ignores the site\'s texts for other languages', () => {
    const config = resolveConfig({ ...SITE, texts: { fr: { acceptAll: 'Tout accepter' } } });
    expect(buildTexts({}, 'en', config).acceptAll).toBe('Accept all');
  });

  it('keeps the locale\'s and the site\'s texts over the parts\' English', () => {
    const config = resolveConfig({ ...SITE, texts: { de: { save: 'Speichern' } } });
    const texts = withLaterTexts(buildTexts({ preferencesTitle: 'Cookie-Einstellungen', save: 'Sichern' }, 'de', config));
    expect(texts.preferencesTitle).toBe('Cookie-Einstellungen');
    expect(texts.save).toBe('Speichern');
    expect(texts.details).toBe('Cookies and partners');
  });

  it('leaves the English locale module untouched', () => {
    withLaterTexts(buildTexts({ acceptAll: 'Alle akzeptieren' }, 'de', resolveConfig({ texts: { de: { save: 'Speichern' } } })));
    expect(en.acceptAll).toBe('Accept all');
    expect(en.save).toBe('Save choices');
    expect(firstView.acceptAll).toBe('Accept all');
    expect(later.save).toBe('Save choices');
  });
});

describe('fill: placeholders in texts', () => {
  it('fills every {name} placeholder', () => {
    expect(fill('Content from {provider} is blocked: {category} cookies are not allowed.', { provider: 'YouTube', category: 'Social media' })).toBe(
      'Content from YouTube is blocked: Social media cookies are not allowed.',
    );
    expect(fill('{a} and {a}', { a: 'x' })).toBe('x and x');
  });

  it('leaves unknown placeholders as written', () => {
    expect(fill('Allow {category}', {})).toBe('Allow {category}');
  });

  it('leaves placeholders named like Object.prototype members as written', () => {
    expect(fill('Hello {constructor} {toString}', {})).toBe('Hello {constructor} {toString}');
  });

  it('inserts values as they are, without reading placeholders inside them', () => {
    expect(fill('{name}', { name: '{category} & <b>' })).toBe('{category} & <b>');
  });
});

describe('categoryText: a category\'s name and description', () => {
  it('takes a built-in category\'s name and description from the texts', () => {
    const config = resolveConfig(SITE);
    expect(categoryText(en, config, 'advertising')).toEqual({ label: 'Advertising', description: 'Let ad networks show and measure ads, here and elsewhere.' });
    expect(categoryText(en, config, 'necessary').label).toBe('Necessary');
  });

  it('prefers the category\'s configured label and description', () => {
    const config = resolveConfig({ categories: { advertising: { label: 'Partner ads', description: 'Ads from partners.' } } });
    const texts = buildTexts({ advertising: 'Werbung' }, 'de', config);
    expect(categoryText(texts, config, 'advertising')).toEqual({ label: 'Partner ads', description: 'Ads from partners.' });
  });

  it('takes the locale\'s, then the site texts\', name when the category has no label', () => {
    const config = resolveConfig({ categories: { advertising: {} }, texts: { de: { advertisingText: 'Eigene Beschreibung' } } });
    const texts = buildTexts({ advertising: 'Werbung', advertisingText: 'Werbung messen' }, 'de', config);
    expect(categoryText(texts, config, 'advertising')).toEqual({ label: 'Werbung', description: 'Eigene Beschreibung' });
  });

  it('names a custom category by its config\'s label and description', () => {
    const config = resolveConfig({ categories: { chat: { label: 'Live chat', description: 'Talk to us.' } } });
    expect(categoryText(en, config, 'chat')).toEqual({ label: 'Live chat', description: 'Talk to us.' });
  });

  it('does not borrow an interface text for a custom category whose id matches a text key ("preferences")', () => {
    // Sites migrating from other CMPs often have a "preferences" category; `preferencesText` is
    // the dialog's intro, not this category's description.
    const config = resolveConfig({ categories: { preferences: { label: 'Preferences' } } });
    expect(categoryText(en, config, 'preferences')).toEqual({ label: 'Preferences', description: '' });
  });

  it('describes a custom category "constructor" by its config, not by Object.prototype', () => {
    const config = resolveConfig({ categories: { constructor: { label: 'Builder' } } });
    expect(categoryText(en, config, 'constructor')).toEqual({ label: 'Builder', description: '' });
  });
});

describe('purposes: what the banner says cookies are for', () => {
  it('lists the purposes of the configured optional categories, in config order', () => {
    expect(purposes(en, resolveConfig({ categories: { social: {}, analytics: {}, advertising: {} } }))).toBe('social media features, usage statistics, and advertising');
  });

  it('takes the purpose words from the locale and the site\'s texts', () => {
    const config = resolveConfig({ categories: { functional: {}, advertising: {} }, texts: { de: { advertisingPurpose: 'personalisierte Werbung' } } });
    expect(purposes(buildTexts({ functionalPurpose: 'Komfortfunktionen', advertisingPurpose: 'Werbung' }, 'de', config), config, 'de')).toBe(
      'Komfortfunktionen und personalisierte Werbung',
    );
  });

  it('uses a custom category\'s label in lower case', () => {
    expect(purposes(en, resolveConfig({ categories: { chat: { label: 'Live Chat' }, maps: { label: 'Maps' } } }))).toBe('live chat and maps');
  });

  it('joins the list the way the visitor\'s language does (Intl.ListFormat)', () => {
    const config = resolveConfig(SITE);
    expect(purposes(buildTexts({ functionalPurpose: 'funciones', advertisingPurpose: 'publicidad', socialPurpose: 'redes sociales' }, 'es', config), config, 'es')).toBe('funciones, publicidad y redes sociales');
    expect(purposes(buildTexts({ functionalPurpose: 'サイト機能', advertisingPurpose: '広告', socialPurpose: 'ソーシャル機能' }, 'ja', config), config, 'ja')).toBe('サイト機能、広告、ソーシャル機能');
  });

  it('is empty on a site with only necessary cookies', () => {
    expect(purposes(en, resolveConfig({}))).toBe('');
  });

  it('fills the banner text', () => {
    const config = resolveConfig(SITE);
    expect(fill(en.bannerText, { purposes: purposes(en, config) })).toContain('would like to use cookies for site features, advertising, and social media features.');
  });
});

describe('site texts and regional language tags', () => {
  /** Starts the full factory and returns the text of each button, by its data-cg hook. */
  function start(config: ConsentGateConfig): (hook: string) => string | null | undefined {
    const gate: ConsentGate = startConsentGate(
      config,
      { storage: createMemoryStorage(), document, logger: checkedLogger(), locales: { pt: { acceptAll: 'Aceitar tudo', rejectAll: 'Rejeitar tudo' } } },
      { loadLocale: () => Promise.resolve({}), parts: npmParts(), activation },
    );
    onReset(() => gate.destroy());
    // The banner is the host's light-DOM child.
    const host = document.getElementById('consent-gate')!;
    return (hook) => host.querySelector(`[data-cg="${hook}"]`)?.textContent;
  }

  it('applies texts given for the base language on a page in a regional variant', () => {
    document.documentElement.lang = 'pt-BR';
    const button = start({ ...SITE, texts: { pt: { acceptAll: 'Aceitar todos' } } });
    expect(button('accept-all')).toBe('Aceitar todos');
    expect(button('reject-all')).toBe('Rejeitar tudo');
  });

  it('applies texts given under a regional tag that config validation accepts ("pt-BR")', () => {
    // The config check accepts `texts` keys such as "pt-BR" ("a language tag such as \"en\" or
    // \"pt-BR\""), so a site that writes them must see them.
    const button = start({ ...SITE, language: 'pt-BR', texts: { 'pt-BR': { acceptAll: 'Aceitar todos' } } });
    expect(button('accept-all')).toBe('Aceitar todos');
  });
});

describe('English purpose lists without ICU (script time on the critical path)', () => {
  it('joins exactly as Intl.ListFormat("en") does, for one to five purposes', async () => {
    const { resolveConfig } = await import('../../src/config/normalize');
    const { buildTexts, purposes } = await import('../../src/i18n/texts');
    const ids = ['functional', 'analytics', 'advertising', 'social', 'chat'];
    for (let n = 1; n <= ids.length; n++) {
      const config = resolveConfig({ categories: Object.fromEntries(ids.slice(0, n).map((id) => [id, id === 'chat' ? { label: 'Live chat' } : {}])) });
      const texts = buildTexts({}, 'en', config);
      const words = config.optional.map((id) => (id === 'chat' ? 'live chat' : texts[`${id}Purpose` as keyof typeof texts]));
      expect(purposes(texts, config, 'en'), String(n)).toBe(new Intl.ListFormat('en').format(words));
    }
  });
});

describe('how long the choice is kept, as the banner says it', () => {
  it('counts whole months as round(days / 30.44), and days below half a month', () => {
    expect(keptFor(182)).toEqual({ count: 6, unit: 'month' });
    expect(keptFor(395)).toEqual({ count: 13, unit: 'month' });
    expect(keptFor(365)).toEqual({ count: 12, unit: 'month' });
    expect(keptFor(30)).toEqual({ count: 1, unit: 'month' });
    expect(keptFor(46)).toEqual({ count: 2, unit: 'month' });
    expect(keptFor(45)).toEqual({ count: 1, unit: 'month' });
    expect(keptFor(16)).toEqual({ count: 1, unit: 'month' });
    expect(keptFor(15)).toEqual({ count: 15, unit: 'day' });
    expect(keptFor(1)).toEqual({ count: 1, unit: 'day' });
  });

  it('says it in English, singular and plural', () => {
    const texts = buildTexts({}, 'en', resolveConfig({}));
    expect(retention(texts, 182, 'en')).toBe('We keep your choice for 6 months.');
    expect(retention(texts, 30, 'en')).toBe('We keep your choice for 1 month.');
    expect(retention(texts, 7, 'en')).toBe('We keep your choice for 7 days.');
    expect(retention(texts, 1, 'en')).toBe('We keep your choice for 1 day.');
  });

  // Each locale's sentence with the plural rules of its language (CLDR through Intl): Russian
  // has three forms, Japanese none.
  const EXPECTED: Record<string, [Partial<Texts>, string, string, string]> = {
    de: [de, 'Wir speichern Ihre Wahl 6 Monate lang.', 'Wir speichern Ihre Wahl 1 Monat lang.', 'Wir speichern Ihre Wahl 7 Tage lang.'],
    es: [es, 'Guardamos tu elección durante 6 meses.', 'Guardamos tu elección durante 1 mes.', 'Guardamos tu elección durante 7 días.'],
    fr: [fr, 'Nous conservons votre choix pendant 6 mois.', 'Nous conservons votre choix pendant 1 mois.', 'Nous conservons votre choix pendant 7 jours.'],
    it: [italian, 'Conserviamo la tua scelta per 6 mesi.', 'Conserviamo la tua scelta per 1 mese.', 'Conserviamo la tua scelta per 7 giorni.'],
    pt: [pt, 'Guardamos sua escolha por 6 meses.', 'Guardamos sua escolha por 1 mês.', 'Guardamos sua escolha por 7 dias.'],
    ru: [ru, 'Мы храним ваш выбор 6 месяцев.', 'Мы храним ваш выбор 1 месяц.', 'Мы храним ваш выбор 7 дней.'],
    ja: [ja, '選択は6 か月保存されます。', '選択は1 か月保存されます。', '選択は7 日保存されます。'],
  };
  // French puts a no-break space between number and unit.
  const plain = (text: string) => text.replace(/\s/g, ' ');
  for (const [language, [locale, six, one, days]] of Object.entries(EXPECTED)) {
    it(`says it in ${language}`, () => {
      const texts = buildTexts(locale, language, resolveConfig({}));
      expect(plain(retention(texts, 182, language))).toBe(six);
      expect(plain(retention(texts, 30, language))).toBe(one);
      expect(plain(retention(texts, 7, language))).toBe(days);
    });
  }

  it('uses the Russian plural forms for 2 to 4 and for 21', () => {
    const texts = buildTexts(ru, 'ru', resolveConfig({}));
    expect(retention(texts, 91, 'ru')).toBe('Мы храним ваш выбор 3 месяца.');
    expect(retention(texts, 639, 'ru')).toBe('Мы храним ваш выбор 21 месяц.');
  });
});
