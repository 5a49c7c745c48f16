/** Turns a database row back into the record that was received (plus `receivedAt`). */
import type { ConsentRecord, StoredRecord } from '../schema/record.js';

/** A row of `consent_records` as the statements select it. */
export interface RecordRow {
  schema_version: number;
  record_id: string;
  consent_id: string;
  decided_at: Date | string;
  received_at: Date | string;
  revision: number;
  texts_hash: string;
  language: string;
  mode: string;
  choices: Record<string, boolean> | string;
  method: string;
  gpc: boolean;
  version: string;
  url: string;
}

function iso(value: Date | string): string {
  // The statements select RFC 3339 text already (statements.ts); a Date from another query is converted.
  return value instanceof Date ? value.toISOString() : value;
}

export function rowToRecord(row: RecordRow): StoredRecord {
  return {
    schemaVersion: Number(row.schema_version) as 1,
    recordId: row.record_id,
    consentId: row.consent_id,
    timestamp: iso(row.decided_at),
    revision: Number(row.revision),
    textsHash: row.texts_hash,
    language: row.language,
    mode: row.mode as ConsentRecord['mode'],
    choices: typeof row.choices === 'string' ? (JSON.parse(row.choices) as Record<string, boolean>) : row.choices,
    method: row.method as ConsentRecord['method'],
    gpc: row.gpc,
    version: row.version,
    url: row.url,
    receivedAt: iso(row.received_at),
  };
}
