/**
 * The texts the interface shows: English, overlaid by the chosen locale, overlaid by the site's
 * `texts` for that language, with category labels from the config winning last.
 */
import type { ResolvedConfig } from '../config/normalize';
import en, { type TextKey, type Texts } from './locales/en';

/** Fills `{name}` placeholders with values; unknown placeholders stay as written. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole));
}

export function buildTexts(locale: Partial<Texts>, language: string, config: ResolvedConfig): Texts {
  // Site texts for "pt" and for regional tags such as "pt-BR" both apply to Portuguese.
  const site = Object.entries(config.source.texts ?? {})
    .filter(([tag]) => tag.toLowerCase().split('-')[0] === language)
    .sort(([a], [b]) => a.length - b.length)
    .map(([, texts]) => texts as Partial<Texts>);
  return Object.assign({}, en, locale, ...site) as Texts;
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

/** "site features, advertising and social media features": what the banner says cookies are for. */
export function purposes(texts: Texts, config: ResolvedConfig): string {
  const list = config.optional.map((id) => (BUILT_IN.includes(id) ? text(texts, `${id}Purpose`) : undefined) ?? categoryText(texts, config, id).label.toLowerCase());
  return list.join(', ');
}

export type { TextKey, Texts };
