/**
 * The texts the interface shows: English, overlaid by the chosen locale, overlaid by the site's
 * `texts` for that language, with category labels from the config winning last.
 */
import type { ResolvedConfig } from '../config/normalize';
import firstView from './english/first-view';
import later from './english/later';
import type { TextKey, Texts } from './locales/en';

import { fill } from '../core/fill';

export { fill };

/**
 * The texts to show: English for the first view, overlaid by the locale, overlaid by the site's
 * `texts` for that language. English texts of the parts are added by `withLaterTexts` when a part
 * shows them; the locale and the site's texts already hold theirs.
 */
export function buildTexts(locale: Partial<Texts>, language: string, config: ResolvedConfig): Texts {
  // Site texts for "pt" and for regional tags such as "pt-BR" both apply to Portuguese.
  const site = Object.entries(config.texts)
    .filter(([tag]) => tag.toLowerCase().split('-')[0] === language)
    .sort(([a], [b]) => a.length - b.length)
    .map(([, texts]) => texts as Partial<Texts>);
  return Object.assign({}, firstView, locale, ...site) as Texts;
}

/** The texts with the parts' English underneath: for the dialog and the cookie table. */
export function withLaterTexts(texts: Texts): Texts {
  return { ...later, ...texts };
}

const BUILT_IN = ['necessary', 'functional', 'analytics', 'advertising', 'social'];

/** A text by a key built from a category id; only own keys, so `constructor` is not a text. */
function text(texts: Texts, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(texts, key) ? (texts as Record<string, string>)[key] : undefined;
}

/** A category's name and description: config first, then the locale, then its id. */
export function categoryText(texts: Texts, config: ResolvedConfig, id: string): { label: string; description: string } {
  const category = config.categories.find((c) => c.id === id);
  // Only built-in categories borrow locale texts: a custom id like "save" is not "Save choices".
  const builtIn = BUILT_IN.includes(id);
  return {
    label: category?.label ?? (builtIn ? text(texts, id) : undefined) ?? id,
    description: category?.description ?? (builtIn ? text(texts, `${id}Text`) : undefined) ?? '',
  };
}

/** "a", "a and b", "a, b, and c": CLDR's English list pattern, as Intl.ListFormat('en') gives it. */
function englishList(list: string[]): string {
  if (list.length < 3) return list.join(' and ');
  return `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}`;
}

/**
 * A list joined the way the visitor's language joins one (`Intl.ListFormat`: "y" in Spanish,
 * "、" in Japanese); commas where the browser cannot. English is joined without Intl: building
 * the first ListFormat costs about 50 ms of script time on the benchmark's throttled CPU, on the
 * critical path.
 */
export function joinList(list: string[], language: string): string {
  if (language === 'en') return englishList(list);
  try {
    return new Intl.ListFormat(language).format(list);
  } catch {
    return list.join(', ');
  }
}

/** "site features, advertising, and social media features": what the banner says cookies are for. */
export function purposes(texts: Texts, config: ResolvedConfig, language = 'en'): string {
  const list = config.optional.map((id) => (BUILT_IN.includes(id) ? text(texts, `${id}Purpose`) : undefined) ?? categoryText(texts, config, id).label.toLowerCase());
  return joinList(list, language);
}

/**
 * How long a decision is kept, as the banner says it: whole months (`round(days / 30.44)`, the
 * mean Gregorian month), or days when that rounds to none.
 */
export function keptFor(days: number): { count: number; unit: 'month' | 'day' } {
  const months = Math.round(days / 30.44);
  return months > 0 ? { count: months, unit: 'month' } : { count: days, unit: 'day' };
}

/**
 * "We keep your choice for 6 months.": the number and unit in the visitor's language, singular or
 * plural by its rules (CLDR, through `Intl.NumberFormat`); English without Intl, as in `joinList`.
 */
export function retention(texts: Texts, days: number, language: string): string {
  const { count, unit } = keptFor(days);
  let period = `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (language !== 'en') {
    try {
      period = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(count);
    } catch {
      // An engine without unit formatting keeps the English words' number: still the right figure.
    }
  }
  return fill(texts.retention, { period });
}

/**
 * The third parties the banner names (GDPR Art. 13(1)(e)): the vendors of the optional categories,
 * each name once, in config order.
 */
export function vendorNames(config: ResolvedConfig): string[] {
  const names = config.categories.filter(({ id }) => id !== 'necessary').flatMap((category) => category.vendors.map((vendor) => vendor.name));
  return [...new Set(names)];
}

export type { TextKey, Texts };
