import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentGate } from '../../src/consent-gate';
import { createConsent } from '../../src/create-consent';
import { keepDecisions, takeDecisions, type KeptDecision } from '../../src/log/decisions';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import { recordingLogger } from '../support/logger';

const config = { categories: { analytics: {}, advertising: {} } };
const keys = () => Object.keys(localStorage).filter((key) => key.startsWith('consent-gate:log:consent_gate:'));
const gates: ConsentGate[] = [];
function gate(storage = createMemoryStorage()): ConsentGate {
  const instance = createConsent(config, { storage, logger: recordingLogger() }) as ConsentGate;
  gates.push(instance);
  return instance;
}

afterEach(() => {
  for (const instance of gates.splice(0)) instance.destroy();
  localStorage.clear();
  vi.useRealTimers();
});

describe('decisions kept for the consent log', () => {
  it('keeps each decision synchronously, in memory and in storage, with the consent id a reset forgets', () => {
    const consent = gate();
    const kept: KeptDecision[] = [];
    keepDecisions(consent, window, 'consent_gate', kept);
    consent.acceptAll();
    const id = consent.get().id;
    consent.reset();
    expect(kept.map(([state, previousId]) => [state.method, previousId])).toEqual([
      ['accept-all', null],
      [null, id],
    ]);
    expect(kept[0]![2]).toBe('https://www.example.test/articles/today');
    expect(keys()).toHaveLength(1);
    expect(JSON.parse(localStorage.getItem(keys()[0]!)!)).toEqual(JSON.parse(JSON.stringify(kept)));
  });

  it('keeps them in memory when storage throws', () => {
    const setItem = vi.fn(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const full = { length: 0, key: () => null, getItem: () => null, setItem, removeItem: () => undefined } as unknown as Storage;
    const consent = gate();
    const kept: KeptDecision[] = [];
    keepDecisions(consent, { localStorage: full, location: window.location } as unknown as Window, 'consent_gate', kept);
    consent.acceptAll();
    expect(setItem).toHaveBeenCalled();
    expect(kept).toHaveLength(1);
    expect(takeDecisions(kept, full, 'consent_gate')).toHaveLength(1);
  });

  it('takes this page view’s and earlier page views’ decisions once each, oldest first, and forgets them', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000);
    const storage = createMemoryStorage();
    const earlier = gate(storage);
    keepDecisions(earlier, window, 'consent_gate', []);
    earlier.acceptAll();
    vi.setSystemTime(2_000);
    const now = gate(storage);
    const kept: KeptDecision[] = [];
    keepDecisions(now, window, 'consent_gate', kept);
    now.rejectAll();
    expect(keys()).toHaveLength(2);
    const taken = takeDecisions(kept, localStorage, 'consent_gate') as KeptDecision[];
    expect(taken.map(([state]) => state.method)).toEqual(['accept-all', 'reject-all']);
    expect(kept).toEqual([]);
    expect(keys()).toEqual([]);
    expect(takeDecisions(kept, localStorage, 'consent_gate')).toEqual([]);
  });

  it('never throws on garbled storage, and forgets it', () => {
    localStorage.setItem('consent-gate:log:consent_gate:a', 'not json');
    localStorage.setItem('consent-gate:log:consent_gate:b', '[1,{"3":2},["x","y","z","w","v"]]');
    expect(takeDecisions([], localStorage, 'consent_gate')).toEqual([]);
    expect(takeDecisions([], undefined, 'consent_gate')).toEqual([]);
    expect(keys()).toEqual([]);
  });
});
