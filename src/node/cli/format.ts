/** Text the command line prints: a record in words, CSV rows, aligned tables. */
import { RECORD_FIELDS, type StoredRecord } from '../schema/record.js';

/** One record as a few readable lines (for `records show`). */
export function describeRecord(record: StoredRecord): string {
  const allowed = Object.keys(record.choices).filter((id) => record.choices[id] && id !== 'necessary');
  const denied = Object.keys(record.choices).filter((id) => !record.choices[id]);
  return [
    `${record.timestamp}  ${record.method.padEnd(11)}  revision ${record.revision}  ${record.mode}  language ${record.language}  GPC ${record.gpc ? 'yes' : 'no'}`,
    `  allowed: ${allowed.join(', ') || '(none)'}`,
    `  denied:  ${denied.join(', ') || '(none)'}`,
    `  page ${record.url}`,
    `  texts sha256 ${record.textsHash}  library ${record.version}  record ${record.recordId}  received ${record.receivedAt}`,
  ].join('\n');
}

/** CSV columns: the record's fields, `choices` as JSON, then `receivedAt`. */
export const CSV_COLUMNS = [...RECORD_FIELDS, 'receivedAt'] as const;

function csvCell(value: unknown): string {
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // RFC 4180: quote fields with commas, quotes or line breaks, doubling quotes. Cells that a
  // spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export function recordToCsv(record: StoredRecord): string {
  return csvRow(CSV_COLUMNS.map((column) => record[column]));
}

/** Accepted share of the decisions about a category, as a percentage. */
export function rate(accepted: number, rejected: number): string {
  const total = accepted + rejected;
  return total ? `${((accepted / total) * 100).toFixed(1)}%` : '-';
}

/** Left-aligned text columns, numbers right-aligned. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells
    .map((row, r) =>
      row
        .map((cell, i) => (r > 0 && typeof rows[r - 1]![i] === 'number' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
