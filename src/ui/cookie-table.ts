/**
 * The cookie declaration: rendered into every `[data-consent-cookie-table]` element, in the page's
 * own styles, as text only. Providers of well-known cookies come from the catalogue, so the table
 * is drawn once the catalogue is at hand.
 *
 * On a phone a five-column table cannot fit: a small stylesheet adopted into the document
 * (`./styles/cookie-table`) stacks each cookie under ~600 px of container width, each value
 * labelled with its column. Explicit table roles keep the table a table for screen readers once
 * its cells are blocks. Should the sheet not apply (an old browser, a policy that blocks it),
 * the table scrolls inside its own box instead of widening the page.
 */
import { categoryText, withLaterTexts } from '../i18n/texts';
import type { UiContext } from './context';
import { cookieRows, type CookieRow } from './cookie-rows';
import { builder, element, type Child } from './dom';
import { COOKIE_TABLE_CSS } from './styles/cookie-table';
import { say } from '../core/wording';

/** "182 days" in the visitor's language ("182 Tage", "182日"), or in figures where Intl cannot. */
function days(count: number, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(count);
  } catch {
    return `${count} d`;
  }
}

/**
 * The library's own cookie is a cookie of the site like any other, and the declaration must
 * name it (GDPR Art. 13, transparency; CNIL's guidelines list the consent cookie
 * among those exempt from consent): necessary, set by the site, kept for `cookie.days`. A site
 * that declared it itself keeps its own words.
 */
function withConsentCookie(ui: UiContext, document: Document, rows: CookieRow[]): CookieRow[] {
  const { cookie, controller } = ui.config;
  if (rows.some((row) => row.name === cookie.name)) return rows;
  const texts = withLaterTexts(ui.texts);
  const own: CookieRow = {
    category: 'necessary',
    name: cookie.name,
    provider: controller?.name ?? document.location?.hostname,
    purpose: texts.choiceCookie,
    lifetime: days(cookie.days, ui.language),
  };
  return [own, ...rows];
}

function table(ui: UiContext, document: Document, rows: CookieRow[]): HTMLTableElement {
  const { config } = ui;
  const texts = withLaterTexts(ui.texts);
  const h = builder(document);
  const headings = [texts.category, texts.cookie, texts.provider, texts.purpose, texts.lifetime];
  const cells = (row: CookieRow): Child[] => [categoryText(texts, config, row.category).label, h('code', {}, row.name), row.provider, row.purpose, row.lifetime];
  return h(
    'table',
    { class: 'consent-gate-cookie-table', role: 'table' },
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, ...headings.map((heading) => h('th', { scope: 'col', role: 'columnheader' }, heading)))),
    h(
      'tbody',
      { role: 'rowgroup' },
      ...rows.map((row) => h('tr', { role: 'row' }, ...cells(row).map((cell, index) => h('td', { role: 'cell', 'data-label': headings[index] }, cell || '')))),
    ),
  );
}

/** The table in a box of its own: the container its reflow is measured against. */
function wrapped(document: Document, node: HTMLTableElement): HTMLDivElement {
  const box = element(document, 'div', { class: 'consent-gate-cookies' }, node);
  // Set through the CSSOM, which a Content Security Policy allows: the fallback when the sheet does not apply.
  box.style.overflowX = 'auto';
  return box;
}

/** Renders the declaration into each marked element; returns a function that removes them. */
export function renderCookieTables(document: Document, ui: UiContext): () => void {
  const targets = Array.from(document.querySelectorAll('[data-consent-cookie-table]'));
  const drawn: Element[] = [];
  let removed = false;
  cookieRows(ui.config, ui.gate).then((rows) => {
    if (removed) return;
    // Shared by every instance's tables and inert without them, so it stays when they go.
    ui.adopt(document, COOKIE_TABLE_CSS);
    for (const target of targets) {
      const node = wrapped(document, table(ui, document, withConsentCookie(ui, document, rows)));
      target.append(node);
      drawn.push(node);
    }
  }, (error: unknown) => ui.logger.error(say('table-failed'), error));
  return () => {
    removed = true;
    for (const node of drawn) node.remove();
  };
}
