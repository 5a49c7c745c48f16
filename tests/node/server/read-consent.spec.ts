/**
 * `readConsent()` gives the same state as the browser's `get()` for the same cookie
 * (RFC 6265 §4.1.1 and §5.4, 11 CCR §7025, W3C GPC, EDPB Guidelines 05/2020).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsentGateConfigError } from '../../../src/config/errors.js';
import { resolveConfig } from '../../../src/config/normalize.js';
import { deriveConsent } from '../../../src/core/modes.js';
import { encodeDecision, type StoredDecision } from '../../../src/core/record.js';
import { createConsentReader, readConsent } from '../../../src/node/server/read-consent.js';
import type { ConsentGateConfig } from '../../../src/types.js';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const NOW_S = NOW / 1000;
const ID = '0b7e2a52-5a0f-4c2e-9a43-0e1a1b2c3d4e';
const config: ConsentGateConfig = { mode: 'opt-in', revision: 2, categories: { functional: {}, advertising: {}, social: {} } };

function decision(overrides: Partial<StoredDecision> = {}): StoredDecision {
  return { revision: 2, timestamp: NOW_S - 3600, id: ID, method: 'custom', gpc: false, allowed: ['functional'], denied: ['advertising', 'social'], ...overrides };
}
const cookie = (d: StoredDecision, name = 'consent_gate') => `${name}=${encodeURIComponent(encodeDecision(d))}`;
const undecided = { decided: false, categories: { necessary: true, functional: false, advertising: false, social: false }, method: null, revision: 2, id: null, timestamp: null, gpc: false };

describe('readConsent', () => {
  it('reads a decision into the state get() returns', () => {
    const state = readConsent(`theme=dark; ${cookie(decision())}`, config, { now: NOW });
    expect(state).toEqual({
      decided: true,
      categories: { necessary: true, functional: true, advertising: false, social: false },
      method: 'custom',
      revision: 2,
      id: ID,
      timestamp: NOW_S - 3600,
      gpc: false,
    });
    expect(state).toEqual(deriveConsent(resolveConfig(config), decision(), false));
  });

  it('takes the newest valid one of several cookies with the name (RFC 6265 §5.4)', () => {
    const older = decision({ timestamp: NOW_S - 7200, allowed: [], denied: ['functional', 'advertising', 'social'], method: 'reject-all' });
    const newer = decision({ timestamp: NOW_S - 60, allowed: ['functional', 'advertising', 'social'], denied: [], method: 'accept-all' });
    expect(readConsent(`${cookie(newer)}; ${cookie(older)}`, config, { now: NOW }).method).toBe('accept-all');
    expect(readConsent(`${cookie(older)}; consent_gate=garbage; ${cookie(newer)}`, config, { now: NOW }).method).toBe('accept-all');
  });

  it('is no decision for an other-revision, expired, future-dated or other-categories cookie (RFC 6265 §4.1.1, EDPB Guidelines 05/2020)', () => {
    for (const stale of [
      decision({ revision: 1 }),
      decision({ timestamp: NOW_S - 183 * 86_400 }),
      decision({ timestamp: NOW_S + 3600 }),
      decision({ allowed: ['functional'], denied: ['advertising'] }),
    ]) {
      expect(readConsent(cookie(stale), config, { now: NOW })).toEqual(undecided);
    }
  });

  it('uses the configured cookie name and lifetime', () => {
    const custom: ConsentGateConfig = { ...config, cookie: { name: 'cg', days: 1 } };
    expect(readConsent(cookie(decision(), 'cg'), custom, { now: NOW }).decided).toBe(true);
    expect(readConsent(cookie(decision()), custom, { now: NOW }).decided).toBe(false);
    expect(readConsent(cookie(decision({ timestamp: NOW_S - 2 * 86_400 }), 'cg'), custom, { now: NOW }).decided).toBe(false);
  });

  it('applies Sec-GPC in opt-out mode as the browser does (11 CCR §7025, W3C GPC), and grants nothing in opt-in mode', () => {
    const optOut: ConsentGateConfig = { ...config, mode: 'opt-out' };
    const fresh = readConsent(undefined, optOut, { now: NOW, gpc: true });
    expect(fresh).toMatchObject({ decided: true, method: 'gpc', gpc: true, id: null, categories: { functional: true, advertising: false, social: false } });
    const accepted = decision({ allowed: ['functional', 'advertising', 'social'], denied: [], method: 'accept-all' });
    const beaten = readConsent(cookie(accepted), optOut, { now: NOW, gpc: true });
    expect(beaten).toMatchObject({ method: 'gpc', id: ID, categories: { advertising: false, social: false, functional: true } });
    expect(readConsent(undefined, config, { now: NOW, gpc: true })).toEqual({ ...undecided, gpc: true });
  });

  it('throws the browser\'s config error for an invalid config, and only then', () => {
    expect(() => createConsentReader({ mode: 'notice' } as unknown as ConsentGateConfig)).toThrow(ConsentGateConfigError);
  });

  it('never throws and never decides for hostile headers', () => {
    const read = createConsentReader(config);
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (junk) => {
        const state = read(`consent_gate=${junk}; __proto__=${junk}; constructor=1`, { now: NOW });
        expect(state.decided).toBe(false);
      }),
    );
    expect(read(`consent_gate=${'1.'.repeat(5000)}`, { now: NOW })).toEqual(undecided);
  });
});
