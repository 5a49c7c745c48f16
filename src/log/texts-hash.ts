/**
 * The hash of what a visitor was shown, so a site can prove which wording a decision was made
 * under: SHA-256 (hex) of the canonical JSON (RFC 8785) of
 * `{ "texts": {key: text}, "categories": [{ "id", "label", "description" }], "vendors": [names] }`
 * where `texts` are the interface texts in the visitor's language (empty for a headless UI that
 * shows its own), categories in config order, vendors in config order. Recompute it in Node with
 * `textsHash` from `consent-gate/server`.
 */
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

export interface ShownTexts {
  texts: Record<string, string>;
  categories: Array<{ id: string; label: string; description: string }>;
  vendors: string[];
}

export function hashShownTexts(shown: ShownTexts): Promise<string> {
  return sha256Hex(canonicalJson({ texts: shown.texts, categories: shown.categories, vendors: shown.vendors }));
}
