// A small RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks.
// The Open Cookie Database needs no more, and a dependency for this would be heavier than it.

/**
 * Parses CSV text into records keyed by the header row's names.
 * @param {string} text
 * @returns {Record<string, string>[]}
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header = [], ...records] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return records.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])));
}
