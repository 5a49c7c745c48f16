/**
 * Held elements: the page's own element, kept with its listeners and attributes, and released
 * in the order the page asked for once its category is allowed. Elements that load when
 * inserted (scripts, frames, links) wait outside the document with a comment marking their
 * place; elements that load when given a URL (images, sources, media) stay where they are and
 * get the held URL later.
 */
import type { Verdict } from './classify';

export interface Held {
  /** The categories (space-separated) that must all be allowed; null when none can be. */
  category: string | null;
  /** Where an element that loads on insertion goes back (it is outside the document meanwhile). */
  marker?: Comment;
  /** URLs held back from an element that loads when given one. */
  urls: Record<string, string>;
}

export interface Holder {
  /** Every held element, in the order the page asked for it. */
  held: Map<Element, Held>;
  /** The marker standing in for a held element, else the node itself. */
  stand(node: Node): Node;
  /** Takes an element out of the document (a marker takes its place), or keeps `url` back from it as `name`. */
  hold(element: Element, verdict: Verdict, name?: string, url?: string): Comment | undefined;
  /** The page removed a held element: it will not come back. */
  drop(node: Node): boolean;
  /** Releases, in order, what `allowed` now allows. */
  release(allowed: (category: string) => boolean): void;
}

/** `replaceChild` and `setAttribute` as the browser made them, so releasing is not screened again. */
export function createHolder(document: Document, replaceChild: Node['replaceChild'], setAttribute: Element['setAttribute']): Holder {
  // A Map iterates in insertion order: the order the page asked for.
  const held = new Map<Element, Held>();
  const swap = (next: Node, previous?: Node) => previous?.parentNode && replaceChild.call(previous.parentNode, next, previous);

  return {
    held,
    stand: (node) => held.get(node as Element)?.marker ?? node,
    hold(element, { category, host }, name, url) {
      let found = held.get(element);
      if (!found) held.set(element, (found = { category, urls: {} }));
      if (name) {
        found.urls[name] = url!;
        return undefined;
      }
      found.marker ??= document.createComment(`consent-gate: ${host}`);
      swap(found.marker, element);
      return found.marker;
    },
    drop(node) {
      const marker = held.get(node as Element)?.marker;
      marker?.remove();
      return held.delete(node as Element);
    },
    release(allowed) {
      for (const [element, { category, marker, urls }] of held) {
        if (category === null || !allowed(category)) continue;
        held.delete(element);
        // A script keeps the nonce it was inserted with (none if none): the page's policy decides
        // as it would have without Consent Gate.
        for (const name in urls) setAttribute.call(element, name, urls[name]!);
        swap(element, marker);
      }
    },
  };
}
