/**
 * The texts the interface shows: English, overlaid by the chosen locale, overlaid by the site's
 * `texts` for that language, with category labels from the config winning last.
 */
import type { ResolvedConfig } from '../config/normalize';
import en, { type TextKey, type Texts } from './locales/en';

/** Fills `{name}` placeholders with values; unknown placeholders stay as written. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function buildTexts(locale: Partial<Texts>, language: string, config: ResolvedConfig): Texts {
  const texts: Texts = { ...en, ...locale, ...(config.source.texts?.[language] as Partial<Texts> | undefined) };
  return texts;
}

/** A category's name and description: config first, then the locale, then its id. */
export function categoryText(texts: Texts, config: ResolvedConfig, id: string): { label: string; description: string } {
  const category = config.categories.find((c) => c.id === id);
  const table = texts as Record<string, string>;
  return {
    label: category?.label ?? table[id] ?? id,
    description: category?.description ?? table[`${id}Text`] ?? '',
  };
}

/** "site features, advertising and social media features": what the banner says cookies are for. */
export function purposes(texts: Texts, config: ResolvedConfig): string {
  const table = texts as Record<string, string>;
  const list = config.optional.map((id) => table[`${id}Purpose`] ?? categoryText(texts, config, id).label.toLowerCase());
  return list.join(', ');
}

export type { TextKey, Texts };
