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
