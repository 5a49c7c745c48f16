/**
 * Styles for shadow roots (and, for the cookie table, the document): constructable sheets where
 * supported (nothing inline for a Content Security Policy to allow), else a `<style>` carrying
 * the page's nonce. Each CSS text becomes one sheet, shared by every root that adopts it.
 */
export function styleAdopter(document: Document, nonce?: string): (root: ShadowRoot | Document, css: string) => void {
  const view = document.defaultView!;
  const sheets = new Map<string, CSSStyleSheet | null>();

  function sheetFor(css: string): CSSStyleSheet | null {
    if (sheets.has(css)) return sheets.get(css)!;
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
    return sheet;
  }

  return (root, css) => {
    const sheet = sheetFor(css);
    if (sheet && 'adoptedStyleSheets' in root) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    }
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    (root === document ? document.head : root).append(style);
  };
}
