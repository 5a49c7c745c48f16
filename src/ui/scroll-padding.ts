/**
 * Keeps the focused element clear of the fixed banner (WCAG 2.4.11). The page's scroll padding
 * follows the banner's height, so browsers scroll a focused element above it; and, for a bottom
 * banner, the page gets as much room after its end, so even its last links can be scrolled out
 * from under it. The height comes from a ResizeObserver: nothing forces a layout while the page
 * is still parsing. The floating settings button reserves room the same way, its `gap` being its
 * distance from the viewport's edge and a margin.
 */
export function reserveScrollPadding(banner: HTMLElement, position: 'top' | 'bottom', gap: () => number = () => 0): () => void {
  const document = banner.ownerDocument;
  const View = document.defaultView as (Window & typeof globalThis) | null;
  if (!View || !('ResizeObserver' in View)) return () => undefined;
  const style = document.documentElement.style;
  // Room after the page's end, so its last links can scroll out from under a bottom banner. A top
  // banner gets scroll padding only: room before the page's start would shift it (CLS).
  const properties = position === 'top' ? (['scrollPaddingTop'] as const) : (['scrollPaddingBottom', 'paddingBottom'] as const);
  const original = properties.map((property) => style[property]);
  const observer = new View.ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    const height = entry?.borderBoxSize?.[0]?.blockSize ?? entry?.contentRect.height ?? 0;
    // The box layout's card keeps a gap to the viewport's edge: reserved too.
    for (const property of properties) style[property] = `${Math.ceil(height + gap())}px`;
  });
  observer.observe(banner);
  return () => {
    observer.disconnect();
    properties.forEach((property, index) => (style[property] = original[index]!));
  };
}
