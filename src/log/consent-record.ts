/**
 * The consent record's TypeScript shape, shared by the browser's log client and the Node receiver.
 * `schema/record.schema.json` is the single published source; this type mirrors it and a test keeps
 * the two in step. Nothing personal: random ids, no cookie values, the page URL without query or
 * fragment.
 */
import type { ConsentMethod, ConsentMode } from '../types';

/** How a decision was made; `reset` is the record `reset()` writes. */
export type RecordMethod = ConsentMethod | 'reset';

/** One consent decision as the browser sends it and the receiver stores it. */
export interface ConsentRecord {
  /** Version of the record format. */
  schemaVersion: 1;
  /** Random UUID v4 of this record: the de-duplication key. */
  recordId: string;
  /** Random UUID v4 from the consent cookie, kept across changes until `reset()`. */
  consentId: string;
  /** RFC 3339 UTC date-time with milliseconds, e.g. `2026-11-30T03:19:19.123Z`. */
  timestamp: string;
  /** The config revision the decision was made under. */
  revision: number;
  /** SHA-256 (lowercase hex) of the texts shown; the browser fills it in just before sending. */
  textsHash: string;
  /** Language tag of the texts shown. */
  language: string;
  mode: ConsentMode;
  /** Whether each category is allowed after this decision. */
  choices: Record<string, boolean>;
  method: RecordMethod;
  /** Whether Global Privacy Control applied. */
  gpc: boolean;
  /** Library version that made the record. */
  version: string;
  /** Absolute http(s) page URL without query or fragment. */
  url: string;
}
