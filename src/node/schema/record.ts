/**
 * The consent record as the receiver stores it. The record's own shape is shared with the
 * browser's log client (`src/log/consent-record.ts`), which mirrors `schema/record.schema.json`.
 */
import type { ConsentRecord, RecordMethod } from '../../log/consent-record.js';

export type { ConsentRecord, RecordMethod };

/** A record as stored: the record plus when the receiver stored it. */
export interface StoredRecord extends ConsentRecord {
  /** When the receiver stored it (server clock), RFC 3339 UTC. */
  receivedAt: string;
}

/** The record's fields in schema order (used for CSV columns and for copying known fields only). */
export const RECORD_FIELDS = [
  'schemaVersion',
  'recordId',
  'consentId',
  'timestamp',
  'revision',
  'textsHash',
  'language',
  'mode',
  'choices',
  'method',
  'gpc',
  'version',
  'url',
] as const satisfies ReadonlyArray<keyof ConsentRecord>;

/** Whether two records say the same thing: every field equal, `choices` whatever its key order. */
export function sameRecord(a: ConsentRecord, b: ConsentRecord): boolean {
  for (const field of RECORD_FIELDS) {
    if (field === 'choices') continue;
    if (a[field] !== b[field]) return false;
  }
  const keys = Object.keys(a.choices);
  return keys.length === Object.keys(b.choices).length && keys.every((key) => Object.hasOwn(b.choices, key) && a.choices[key] === b.choices[key]);
}
