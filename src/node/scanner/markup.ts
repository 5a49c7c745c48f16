/**
 * The exact markup that makes a tag inert (README "Marking third-party content"): external and
 * inline scripts get `type="text/plain"` and `data-consent`, iframes and images move `src` (and
 * `srcset`) to `data-src` (`data-srcset`). Attribute values are escaped, so a value from a page
 * can never close the tag it is printed in.
 */
import type { TagRef } from './types.js';

/** The category placeholder written when the scanner could not tell the category. */
export const UNKNOWN_CATEGORY = 'CATEGORY';

/** Escapes an attribute value for a double-quoted attribute (HTML spec, "escaping a string"). */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');
}

/** Boolean attributes of script, iframe and img, written bare as pages usually write them. */
const BOOLEAN = new Set(['async', 'defer', 'nomodule', 'allowfullscreen', 'ismap', 'hidden', 'inert', 'itemscope']);

function startTag(name: string, attributes: ReadonlyArray<readonly [string, string]>): string {
  const parts = attributes.map(([key, value]) => (value === '' && BOOLEAN.has(key) ? key : `${key}="${escapeAttribute(value)}"`));
  return `<${[name, ...parts].join(' ')}>`;
}

function tagName(tag: TagRef): string {
  return tag.kind === 'inline-script' ? 'script' : tag.kind;
}

function close(tag: TagRef, start: string): string {
  if (tag.kind === 'img') return start;
  return `${start}${tag.text ?? ''}</${tagName(tag)}>`;
}

/** The tag as the page has it (attributes re-serialised). */
export function originalMarkup(tag: TagRef): string {
  if (tag.kind === 'other') return tag.url ?? '';
  return close(tag, startTag(tagName(tag), tag.attributes));
}

/**
 * The inert form of a tag for `categories` (every listed category is needed, as
 * `data-consent="a b"` means). An unknown category is written as {@link UNKNOWN_CATEGORY}.
 */
export function inertMarkup(tag: TagRef, categories: readonly string[]): string {
  if (tag.kind === 'other') return '';
  const consent = categories.length ? categories.join(' ') : UNKNOWN_CATEGORY;
  const kept = tag.attributes.filter(([name]) => name !== 'data-consent');
  if (tag.kind === 'script' || tag.kind === 'inline-script') {
    const type = kept.find(([name]) => name === 'type')?.[1].trim().toLowerCase();
    // A module keeps its type through data-type; classic script types need nothing.
    const dataType: Array<[string, string]> = type === 'module' ? [['data-type', 'module']] : [];
    const rest = kept.filter(([name]) => name !== 'type' && name !== 'data-type');
    return close(tag, startTag('script', [['type', 'text/plain'], ['data-consent', consent], ...dataType, ...rest]));
  }
  const renamed = kept.map(([name, value]): [string, string] => (name === 'src' || name === 'srcset' ? [`data-${name}`, value] : [name, value]));
  return close(tag, startTag(tag.kind, [['data-consent', consent], ...renamed]));
}
