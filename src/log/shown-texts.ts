/** What a visitor was shown, as the texts hash covers it: the same in the browser and in Node. */
import type { ResolvedConfig } from '../config/normalize';
import { categoryText, withLaterTexts, type Texts } from '../i18n/texts';
import type { ShownTexts } from './texts-hash';

/** `texts`: the interface texts in the visitor's language (first view, locale and site texts). */
export function shownTexts(config: ResolvedConfig, texts: Texts): ShownTexts {
  const all = withLaterTexts(texts);
  return {
    texts: { ...all },
    categories: config.categories.map(({ id }) => ({ id, ...categoryText(all, config, id) })),
    vendors: config.categories.flatMap((category) => category.vendors.map((vendor) => vendor.name)),
  };
}
