/**
 * Building consent records from the consent state: their shape is `./consent-record.ts`, mirroring
 * `schema/record.schema.json`.
 */
import { randomConsentId } from '../core/record';
import type { ConsentMode, ConsentState } from '../types';
import type { ConsentRecord } from './consent-record';
import { VERSION } from '../version';

export type { ConsentRecord };

export interface RecordContext {
  language: string;
  mode: ConsentMode;
  /** The page URL, without query or fragment (`pageUrl` in ./decisions). */
  url: string;
  /** Now, in milliseconds. */
  now: number;
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
    url: context.url,
  };
}
