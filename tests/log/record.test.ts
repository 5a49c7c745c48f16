import { describe, expect, it } from 'vitest';
import { decisionRecord, resetRecord, type RecordContext } from '../../src/log/record';
import type { ConsentState } from '../../src/types';
import { VERSION } from '../../src/version';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const context: RecordContext = { language: 'de', mode: 'opt-in', url: 'https://www.example.test/articles/today', now: Date.UTC(2026, 11, 8, 1, 2, 3, 456) };
const state: ConsentState = {
  decided: true,
  categories: { necessary: true, analytics: false, advertising: true },
  method: 'custom',
  revision: 2,
  id: '0b7e4a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  timestamp: 1_790_000_000,
  gpc: true,
};

describe('consent records', () => {
  it('records a decision with its consent id, its own time, the choices and the context', () => {
    expect(decisionRecord(state, context)).toEqual({
      schemaVersion: 1,
      recordId: expect.stringMatching(UUID),
      consentId: state.id,
      timestamp: new Date(1_790_000_000_000).toISOString(),
      revision: 2,
      textsHash: '',
      language: 'de',
      mode: 'opt-in',
      choices: { necessary: true, analytics: false, advertising: true },
      method: 'custom',
      gpc: true,
      version: VERSION,
      url: context.url,
    });
  });

  it('gives every record a new record id, the de-duplication key', () => {
    expect(decisionRecord(state, context)!.recordId).not.toBe(decisionRecord(state, context)!.recordId);
  });

  it('makes no record while nothing is decided', () => {
    expect(decisionRecord({ ...state, decided: false, id: null, timestamp: null, method: null }, context)).toBeNull();
    expect(decisionRecord({ ...state, id: null }, context)).toBeNull();
  });

  it('copies the choices: a later change of the state does not change a record', () => {
    const categories = { ...state.categories };
    const record = decisionRecord({ ...state, categories }, context)!;
    categories.analytics = true;
    expect(record.choices.analytics).toBe(false);
  });

  it('records a reset with the forgotten consent id, at the time of the reset', () => {
    const undecided: ConsentState = { ...state, decided: false, id: null, timestamp: null, method: null, categories: { necessary: true, analytics: false, advertising: false } };
    expect(resetRecord('forgotten-id', undecided, context)).toMatchObject({
      consentId: 'forgotten-id',
      method: 'reset',
      timestamp: '2026-12-08T01:02:03.456Z',
      choices: { necessary: true, analytics: false, advertising: false },
    });
  });
});
