/** The scan report as Markdown: tables escaped cell by cell, markup in fences it cannot break. */
import { cookieFlags, noTagsNote, orderedCategories, pageGroups, shortUrl, summary, type ScanReport } from './report-model.js';

/** A table cell: no line breaks, `|` and `\` escaped, `<` and `&` as entities so no renderer reads HTML. */
export function cell(text: string | undefined): string {
  return (text ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/[\r\n]+/g, ' ').trim() || '–';
}

/** A fenced code block whose fence is longer than any backtick run inside (CommonMark 4.5). */
export function fence(code: string, language = 'html'): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${code}\n${marks}`;
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** Writes the report as Markdown. */
export function markdownReport(report: ScanReport): string {
  const { findings, start } = report;
  const pages = (list: string[]) => cell(list.map((url) => shortUrl(url, start)).join(', '));
  const out: string[] = [`# Cookie declaration for ${cell(start)}`, '', `Scanned ${report.scannedAt} by \`consent-gate scan\`: ${summary(report)}.`, ''];
  out.push('Before any consent, in a fresh browser for every page. Review it: a crawler only sees what a first visit does.', '');

  out.push('## Cookies', '');
  const categories = orderedCategories(findings.cookies.map((cookie) => cookie.category ?? 'unclassified').filter((id) => id !== 'unclassified'));
  for (const id of categories) {
    out.push(`### ${cell(id)}`, '');
    const rows = findings.cookies.filter((cookie) => cookie.category === id);
    out.push(table(['Name', 'Provider', 'Purpose', 'Lifetime', 'Domain', 'Party', 'Flags'], rows.map((c) => [`\`${c.name.replace(/`/g, "'")}\``, cell(c.vendor), cell(c.purpose), cell(c.lifetime), cell(c.domain), c.firstParty ? 'first' : 'third', cell(cookieFlags(c))])), '');
  }
  if (!categories.length) out.push('No classified cookies.', '');

  const storage = findings.storage.filter((entry) => entry.category);
  if (storage.length) {
    out.push('## Storage', '', table(['Key', 'Where', 'Category', 'Provider'], storage.map((s) => [cell(s.key), s.area, cell(s.category), cell(s.vendor)])), '');
  }

  out.push('## Third-party hosts', '');
  out.push(findings.hosts.length ? table(['Host', 'Vendor', 'Category', 'Requests', 'Pages'], findings.hosts.map((h) => [cell(h.host), cell(h.vendor), cell(h.category ?? 'unclassified'), String(h.requests), pages(h.pages)])) : 'None.', '');

  out.push('## Tags to make inert', '');
  if (!findings.tags.length) out.push(noTagsNote(findings), '');
  findings.tags.forEach((tag, index) => {
    const what = tag.categories.length ? tag.categories.join(' + ') : 'unclassified: choose the category and replace CATEGORY';
    out.push(`### ${index + 1}. ${tag.tag.kind}${tag.tag.line ? ` (line ${tag.tag.line})` : ''}: ${cell(what)}`, '');
    out.push(`Vendors: ${cell(tag.vendors.join(', ') || 'unknown')}. Pages: ${pages(tag.pages)}.`, '');
    for (const chain of tag.chains) out.push(`- ${chain.map((url) => `\`${url.replace(/`/g, '%60')}\``).join(' → ')}`);
    out.push('', 'Replace', '', fence(tag.original), '', 'with', '', fence(tag.replacement), '');
  });

  const cookiesLeft = findings.cookies.filter((c) => !c.category);
  const storageLeft = findings.storage.filter((s) => !s.category);
  const hostsLeft = findings.hosts.filter((h) => !h.category);
  out.push('## Unclassified', '');
  if (!cookiesLeft.length && !storageLeft.length && !hostsLeft.length) out.push('Nothing: every cookie, key and host is in the catalogues.', '');
  else {
    const rows = [
      ...cookiesLeft.map((c) => ['cookie', cell(c.name), cell(`${c.domain} (${c.lifetime})`), pages(c.pages)]),
      ...storageLeft.map((s) => ['storage key', cell(s.key), s.area, pages(s.pages)]),
      ...hostsLeft.map((h) => ['host', cell(h.host), `${h.requests} requests`, pages(h.pages)]),
    ];
    out.push('Not in any catalogue: decide their category (or whether they are strictly necessary) yourself.', '', table(['What', 'Name', 'Detail', 'Seen on'], rows), '');
  }

  out.push('## Pages', '', table(['Page', 'Also with', 'Status'], pageGroups(report).map((p) => [cell(p.page), cell(p.variants.join(', ')), cell(p.status)])), '');
  if (report.disallowed.length) out.push(`Not scanned (robots.txt): ${pages(report.disallowed)}.`, '');
  return out.join('\n');
}
