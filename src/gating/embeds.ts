/**
 * Activating gated iframes, images, media and stylesheets: the real URL waits in a `data-`
 * attribute and is set when the category is allowed.
 */
import { ACTIVATED_ATTRIBUTE, isLoadableUrl } from './markup';

/** `data-X` becomes `X` when activated. */
const DEFERRED_ATTRIBUTES = ['src', 'srcset', 'sizes', 'href', 'poster'];

function moveDeferred(element: Element): boolean {
  let moved = false;
  for (const name of DEFERRED_ATTRIBUTES) {
    const value = element.getAttribute(`data-${name}`);
    if (value === null) continue;
    if (name !== 'sizes' && !isLoadableUrl(value, element.localName)) continue;
    element.setAttribute(name, value);
    moved = true;
  }
  return moved;
}

/** Sets the deferred URLs of an element (and of its `<source>` children, for media). */
export function activateEmbed(element: Element): void {
  element.setAttribute(ACTIVATED_ATTRIBUTE, '');
  moveDeferred(element);
  let sources = false;
  for (const source of Array.from(element.querySelectorAll('source[data-src], source[data-srcset]'))) {
    sources = moveDeferred(source) || sources;
  }
  // A media element picks its sources when it loads; new <source> URLs need a reload.
  if (sources && 'load' in element && typeof element.load === 'function') (element as HTMLMediaElement).load();
}

/**
 * Returns an activated iframe to its inert form after withdrawal. A frame keeps running while
 * it has a document, so it is replaced by an unloaded copy. Other kinds cannot be unloaded.
 */
export function deactivateEmbed(element: Element): Element | null {
  if (element.localName !== 'iframe' || element.getAttribute('data-src') === null) return null;
  const inert = element.cloneNode(true) as Element;
  inert.removeAttribute('src');
  inert.removeAttribute(ACTIVATED_ATTRIBUTE);
  element.replaceWith(inert);
  return inert;
}
