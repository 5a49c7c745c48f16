/**
 * One consent record (contract section 5; its JSON Schema is `schema/record.schema.json`, the
 * single source the receiver validates against). Nothing personal: random ids, no cookie values,
 * the page URL without query or fragment.
 */
import { randomConsentId } from '../core/record';
import type { ConsentMethod, ConsentMode, ConsentState } from '../types';
import { VERSION } from '../version';

export interface ConsentRecord {
  schemaVersion: 1;
  recordId: string;
  consentId: string;
  /** RFC 3339, UTC, milliseconds. */
  timestamp: string;
  revision: number;
  /** Filled in just before sending (see `texts-hash.ts`); empty while queued. */
  textsHash: string;
  language: string;
  mode: ConsentMode;
  choices: Record<string, boolean>;
  method: ConsentMethod | 'reset';
  gpc: boolean;
  version: string;
  url: string;
}

export interface RecordContext {
  language: string;
  mode: ConsentMode;
  /** The page's location. */
  location: Location;
  /** Now, in milliseconds. */
  now: number;
}

/** The page URL as records carry it: no query, no fragment (they may hold personal data). */
export function pageUrl(location: Location): string {
  return `${location.origin}${location.pathname}`;
}

/** The record of a decision. */
export function decisionRecord(state: ConsentState, context: RecordContext): ConsentRecord | null {
  if (!state.decided || !state.id || state.timestamp === null || !state.method) return null;
  return build(state.id, state.timestamp * 1000, state.method, state, context);
}

/** The record of a `reset()`: the consent id that was forgotten, every category as it is now. */
export function resetRecord(consentId: string, state: ConsentState, context: RecordContext): ConsentRecord {
  return build(consentId, context.now, 'reset', state, context);
}

function build(consentId: string, milliseconds: number, method: ConsentRecord['method'], state: ConsentState, context: RecordContext): ConsentRecord {
  return {
    schemaVersion: 1,
    recordId: randomConsentId(),
    consentId,
    timestamp: new Date(milliseconds).toISOString(),
    revision: state.revision,
    textsHash: '',
    language: context.language,
    mode: context.mode,
    choices: { ...state.categories },
    method,
    gpc: state.gpc,
    version: VERSION,
    url: pageUrl(context.location),
  };
}
