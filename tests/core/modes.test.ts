import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import { deriveConsent, readPrivacySignal, startingDecision } from '../../src/core/modes';
import type { StoredDecision } from '../../src/core/record';

const categories = { functional: {}, analytics: { default: false }, advertising: {}, social: {} };
const optIn = resolveConfig({ mode: 'opt-in', categories });
const optOut = resolveConfig({ mode: 'opt-out', categories });
const NOW = 1_800_000_000;
const newId = () => '00000000-0000-4000-8000-000000000000';

const acceptedAll: StoredDecision = {
  revision: 0,
  timestamp: NOW - 100,
  id: '11111111-1111-4111-8111-111111111111',
  method: 'accept-all',
  gpc: false,
  allowed: ['functional', 'analytics', 'advertising', 'social'],
  denied: [],
};
const customWithGpc: StoredDecision = { ...acceptedAll, method: 'custom', gpc: true };

type Row = [
  name: string,
  config: typeof optIn,
  signal: boolean,
  stored: StoredDecision | null,
  expected: { decided: boolean; method: string | null; gpc: boolean; allowed: string[] },
];

// (mode, GPC, stored decision) → state at start (W3C GPC, 11 CCR §7025).
const table: Row[] = [
  ['opt-in, no signal, nothing stored: everything optional denied', optIn, false, null, { decided: false, method: null, gpc: false, allowed: ['necessary'] }],
  ['opt-in, GPC, nothing stored: GPC grants nothing and decides nothing (W3C GPC)', optIn, true, null, { decided: false, method: null, gpc: true, allowed: ['necessary'] }],
  ['opt-in, no signal, accepted: the decision stands', optIn, false, acceptedAll, { decided: true, method: 'accept-all', gpc: false, allowed: ['necessary', 'functional', 'analytics', 'advertising', 'social'] }],
  ['opt-in, GPC, accepted: the decision stands', optIn, true, acceptedAll, { decided: true, method: 'accept-all', gpc: false, allowed: ['necessary', 'functional', 'analytics', 'advertising', 'social'] }],
  ['opt-out, no signal, nothing stored: defaults allow, default:false denies', optOut, false, null, { decided: false, method: null, gpc: false, allowed: ['necessary', 'functional', 'advertising', 'social'] }],
  ['opt-out, GPC, nothing stored: advertising and social denied without asking (W3C GPC, 11 CCR §7025)', optOut, true, null, { decided: true, method: 'gpc', gpc: true, allowed: ['necessary', 'functional'] }],
  ['opt-out, GPC, accepted before: GPC beats the stored decision (11 CCR §7025(c)(3))', optOut, true, acceptedAll, { decided: true, method: 'gpc', gpc: true, allowed: ['necessary', 'functional', 'analytics'] }],
  ['opt-out, GPC, switched on while GPC applied: the explicit choice stands', optOut, true, customWithGpc, { decided: true, method: 'custom', gpc: true, allowed: ['necessary', 'functional', 'analytics', 'advertising', 'social'] }],
  ['opt-out, no signal, accepted: the decision stands', optOut, false, acceptedAll, { decided: true, method: 'accept-all', gpc: false, allowed: ['necessary', 'functional', 'analytics', 'advertising', 'social'] }],
];

describe('state at start by (mode, GPC, stored decision)', () => {
  it.each(table)('%s', (_name, config, signal, stored, expected) => {
    const { decision } = startingDecision(config, stored, signal, NOW, newId);
    const state = deriveConsent(config, decision, signal);
    expect({
      decided: state.decided,
      method: state.method,
      gpc: state.gpc,
      allowed: Object.keys(state.categories).filter((id) => state.categories[id]),
    }).toEqual(expected);
  });

  it('keeps the consent id when GPC overrides a stored decision', () => {
    const { decision, changed } = startingDecision(optOut, acceptedAll, true, NOW, newId);
    expect(changed).toBe(true);
    expect(decision?.id).toBe(acceptedAll.id);
    expect(decision?.timestamp).toBe(NOW);
  });

  it('changes nothing when no signal applies', () => {
    expect(startingDecision(optIn, acceptedAll, true, NOW, newId)).toEqual({ decision: acceptedAll, changed: false });
    expect(startingDecision(optOut, null, false, NOW, newId)).toEqual({ decision: null, changed: false });
  });

  it('treats a category missing from the stored decision as undecided', () => {
    const old: StoredDecision = { ...acceptedAll, allowed: ['functional'], denied: ['advertising'] };
    expect(deriveConsent(optIn, old, false).categories).toEqual({ necessary: true, functional: true, analytics: false, advertising: false, social: false });
    expect(deriveConsent(optOut, old, false).categories).toEqual({ necessary: true, functional: true, analytics: false, advertising: false, social: true });
  });

  it('ignores ids in a stored decision that the config no longer has', () => {
    const stale: StoredDecision = { ...acceptedAll, allowed: ['gone', 'functional'] };
    expect(Object.keys(deriveConsent(optIn, stale, false).categories)).toEqual(['necessary', 'functional', 'analytics', 'advertising', 'social']);
  });
});

describe('privacy signals (W3C GPC, DNT)', () => {
  it('reads Global Privacy Control only when it is exactly true', () => {
    expect(readPrivacySignal({ globalPrivacyControl: true }, false)).toBe(true);
    expect(readPrivacySignal({ globalPrivacyControl: 'true' }, false)).toBe(false);
    expect(readPrivacySignal({}, false)).toBe(false);
    expect(readPrivacySignal(undefined, false)).toBe(false);
  });

  it('ignores Do Not Track unless the site asked to respect it', () => {
    expect(readPrivacySignal({ doNotTrack: '1' }, false)).toBe(false);
    expect(readPrivacySignal({ doNotTrack: '1' }, true)).toBe(true);
    expect(readPrivacySignal({ doNotTrack: '0' }, true)).toBe(false);
    expect(readPrivacySignal({ doNotTrack: 'unspecified' }, true)).toBe(false);
  });
});
