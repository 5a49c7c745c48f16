/**
 * The cookie declaration (contract section 4): rendered into every `[data-consent-cookie-table]`
 * element, in the page's own styles, as text only.
 */
import { render } from 'preact';
import { categoryText } from '../i18n/texts';
import type { UiContext } from './context';
import { cookieRows } from './cookie-rows';

function CookieTable({ ui }: { ui: UiContext }) {
  const { texts, config, gate } = ui;
  return (
    <table class="consent-gate-cookie-table">
      <thead>
        <tr>
          <th scope="col">{texts.category}</th>
          <th scope="col">{texts.cookie}</th>
          <th scope="col">{texts.provider}</th>
          <th scope="col">{texts.purpose}</th>
          <th scope="col">{texts.lifetime}</th>
        </tr>
      </thead>
      <tbody>
        {cookieRows(config, gate).map((row) => (
          <tr key={row.category + row.name}>
            <td>{categoryText(texts, config, row.category).label}</td>
            <td>
              <code>{row.name}</code>
            </td>
            <td>{row.provider ?? ''}</td>
            <td>{row.purpose ?? ''}</td>
            <td>{row.lifetime ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Renders the declaration into each marked element; returns a function that removes them. */
export function renderCookieTables(document: Document, ui: UiContext): () => void {
  const targets = Array.from(document.querySelectorAll('[data-consent-cookie-table]'));
  for (const target of targets) render(<CookieTable ui={ui} />, target);
  return () => {
    for (const target of targets) render(null, target);
  };
}
