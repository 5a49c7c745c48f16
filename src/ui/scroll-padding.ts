/**
 * Keeps the focused element clear of the fixed banner (WCAG 2.4.11): the page's scroll padding
 * follows the banner's height, read from a ResizeObserver, so nothing forces a layout while the
 * page is still parsing. Browsers scroll a focused element into the padded area.
 */
export function reserveScrollPadding(banner: HTMLElement, position: 'top' | 'bottom'): () => void {
  const document = banner.ownerDocument;
  const View = document.defaultView as (Window & typeof globalThis) | null;
  if (!View || !('ResizeObserver' in View)) return () => undefined;
  const root = document.documentElement;
  const property = position === 'top' ? 'scrollPaddingTop' : 'scrollPaddingBottom';
  const original = root.style[property];
  const observer = new View.ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    const height = entry?.borderBoxSize?.[0]?.blockSize ?? entry?.contentRect.height ?? 0;
    root.style[property] = `${Math.ceil(height)}px`;
  });
  observer.observe(banner);
  return () => {
    observer.disconnect();
    root.style[property] = original;
  };
}
