/**
 * Reading gated markup: which elements are gated, by which categories, and whether they are still
 * inert.
 */

/** Attribute naming the categories an element needs, space-separated. */
export const CONSENT_ATTRIBUTE = 'data-consent';
/** Set on elements the library activated (and on the scripts it created), so each runs once. */
export const ACTIVATED_ATTRIBUTE = 'data-consent-activated';
/** `data-consent-placeholder` asks for a placeholder; `="off"` refuses one. */
export const PLACEHOLDER_ATTRIBUTE = 'data-consent-placeholder';

/** Gated elements not yet activated. */
export const PENDING_SELECTOR = `[${CONSENT_ATTRIBUTE}]:not([${ACTIVATED_ATTRIBUTE}])`;

/** The category ids an element lists. */
export function listedCategories(element: Element): string[] {
  return (element.getAttribute(CONSENT_ATTRIBUTE) ?? '').split(/\s+/).filter(Boolean);
}

/** Whether an element is a script that was written inert, as gated scripts must be. */
export function isInertScript(element: Element): element is HTMLScriptElement {
  return element.localName === 'script' && (element.getAttribute('type') ?? '').trim().toLowerCase() === 'text/plain';
}

/** Whether the visitor should see a placeholder while the element is blocked. */
export function wantsPlaceholder(element: Element): boolean {
  const setting = element.getAttribute(PLACEHOLDER_ATTRIBUTE);
  if (setting === 'off') return false;
  return setting !== null || element.localName === 'iframe';
}

/** The URL an element itself would load, if it has one. */
function ownSource(element: Element): string | null {
  return element.getAttribute('data-src') ?? element.getAttribute('src') ?? element.getAttribute('data-href') ?? (element.localName === 'a' ? element.getAttribute('href') : null);
}

/**
 * The host an element would load from, for placeholders and reports: its own URL, else (for a
 * wrapper such as a share button's `div`) that of the first link or source inside it.
 */
export function sourceHost(element: Element, base: string): string | undefined {
  let source = ownSource(element);
  if (!source) {
    const inner = element.querySelector('[data-src], [src], [data-href], a[href]');
    source = inner ? ownSource(inner) : null;
  }
  if (!source) return undefined;
  try {
    return new URL(source, base).hostname || undefined;
  } catch {
    return undefined;
  }
}

/**
 * URLs the library will load: anything but `javascript:` (and `data:` for frames), which would
 * let injected markup run code through the gate.
 */
export function isLoadableUrl(url: string, kind: string): boolean {
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  if (compact.startsWith('javascript:') || compact.startsWith('vbscript:')) return false;
  return !(kind === 'iframe' && compact.startsWith('data:'));
}
