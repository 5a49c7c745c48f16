/**
 * The cookie declaration (contract section 4): rendered into every `[data-consent-cookie-table]`
 * element, in the page's own styles, as text only. Providers of well-known cookies come from
 * the catalogue, so the table is drawn once the catalogue is at hand.
 */
import { categoryText, withLaterTexts } from '../i18n/texts';
import type { UiContext } from './context';
import { cookieRows, type CookieRow } from './cookie-rows';
import { builder } from './dom';
import { say } from '../core/wording';

function table(ui: UiContext, document: Document, rows: CookieRow[]): HTMLTableElement {
  const { config } = ui;
  const texts = withLaterTexts(ui.texts);
  const h = builder(document);
  const headings = [texts.category, texts.cookie, texts.provider, texts.purpose, texts.lifetime];
  return h(
    'table',
    { class: 'consent-gate-cookie-table' },
    h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          {},
          h('td', {}, categoryText(texts, config, row.category).label),
          h('td', {}, h('code', {}, row.name)),
          h('td', {}, row.provider ?? ''),
          h('td', {}, row.purpose ?? ''),
          h('td', {}, row.lifetime ?? ''),
        ),
      ),
    ),
  );
}

/** Renders the declaration into each marked element; returns a function that removes them. */
export function renderCookieTables(document: Document, ui: UiContext): () => void {
  const targets = Array.from(document.querySelectorAll('[data-consent-cookie-table]'));
  const drawn: Element[] = [];
  let removed = false;
  cookieRows(ui.config, ui.gate).then((rows) => {
    if (removed) return;
    for (const target of targets) {
      const node = table(ui, document, rows);
      target.append(node);
      drawn.push(node);
    }
  }, (error: unknown) => ui.logger.error(say('table-failed'), error));
  return () => {
    removed = true;
    for (const node of drawn) node.remove();
  };
}
