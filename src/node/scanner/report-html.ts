/**
 * The scan report as a standalone HTML page. Every value from a page (names, URLs, inline
 * scripts) goes through `escapeHtml`; markup is only ever built from the `html` template, whose
 * interpolations are escaped unless they are already-built `Html`.
 */
import { cookieFlags, noTagsNote, orderedCategories, pageGroups, shortUrl, summary, type ScanReport } from './report-model.js';

/** Built markup, safe to embed. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

type Value = string | number | Html | undefined | readonly Value[];

function render(value: Value): string {
  if (value === undefined) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** The template tag: literal parts as written, values escaped. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]!) : ''), ''));
}

function table(header: string[], rows: Value[][]): Html {
  return html`<table><thead><tr>${header.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map((row) => html`<tr>${row.map((c) => html`<td>${c ?? '–'}</td>`)}</tr>`)}</tbody></table>`;
}

const STYLE = 'body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}pre{background:#f4f4f4;padding:.6rem;overflow:auto;white-space:pre-wrap}code{font-size:.9em}';

/** Writes the report as an HTML document. */
export function htmlReport(report: ScanReport): string {
  const { findings, start } = report;
  const pages = (list: string[]) => list.map((url) => shortUrl(url, start)).join(', ');
  const cookieSections = orderedCategories(findings.cookies.flatMap((c) => (c.category ? [c.category] : []))).map(
    (id) => html`<h3>${id}</h3>${table(['Name', 'Provider', 'Purpose', 'Lifetime', 'Domain', 'Party', 'Flags'], findings.cookies.filter((c) => c.category === id).map((c) => [html`<code>${c.name}</code>`, c.vendor, c.purpose, c.lifetime, c.domain, c.firstParty ? 'first' : 'third', cookieFlags(c)]))}`,
  );
  const tags = findings.tags.map(
    (tag, i) => html`<section><h3>${i + 1}. ${tag.tag.kind}${tag.tag.line ? ` (line ${tag.tag.line})` : ''}: ${tag.categories.length ? tag.categories.join(' + ') : 'unclassified: choose the category and replace CATEGORY'}</h3>
<p>Vendors: ${tag.vendors.join(', ') || 'unknown'}. Pages: ${pages(tag.pages)}.</p>
<ul>${tag.chains.map((chain) => html`<li>${chain.map((url, j) => html`${j ? ' → ' : ''}<code>${url}</code>`)}</li>`)}</ul>
<p>Replace</p><pre><code>${tag.original}</code></pre><p>with</p><pre><code>${tag.replacement}</code></pre></section>`,
  );
  const unclassified = [
    ...findings.cookies.filter((c) => !c.category).map((c) => ['cookie', c.name, `${c.domain} (${c.lifetime})`, pages(c.pages)]),
    ...findings.storage.filter((s) => !s.category).map((s) => ['storage key', s.key, s.area, pages(s.pages)]),
    ...findings.hosts.filter((h) => !h.category).map((h) => ['host', h.host, `${h.requests} requests`, pages(h.pages)]),
  ];
  const storage = findings.storage.filter((s) => s.category);
  const body = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cookie declaration for ${start}</title><style>${new Html(STYLE)}</style></head>
<body><h1>Cookie declaration for ${start}</h1>
<p>Scanned ${report.scannedAt} by <code>consent-gate scan</code>: ${summary(report)}. Before any consent, in a fresh browser for every page.</p>
<h2>Cookies</h2>${cookieSections.length ? cookieSections : html`<p>No classified cookies.</p>`}
${storage.length ? html`<h2>Storage</h2>${table(['Key', 'Where', 'Category', 'Provider'], storage.map((s) => [s.key, s.area, s.category, s.vendor]))}` : ''}
<h2>Third-party hosts</h2>${table(['Host', 'Vendor', 'Category', 'Requests', 'Pages'], findings.hosts.map((h) => [h.host, h.vendor, h.category ?? 'unclassified', h.requests, pages(h.pages)]))}
<h2>Tags to make inert</h2>${tags.length ? tags : html`<p>${noTagsNote(findings)}</p>`}
<h2>Unclassified</h2>${unclassified.length ? table(['What', 'Name', 'Detail', 'Seen on'], unclassified) : html`<p>Nothing.</p>`}
<h2>Pages</h2>${table(['Page', 'Also with', 'Status'], pageGroups(report).map((p) => [p.page, p.variants.join(', ') || undefined, p.status]))}
${report.disallowed.length ? html`<p>Not scanned (robots.txt): ${pages(report.disallowed)}.</p>` : ''}
</body></html>
`;
  return body.value;
}
