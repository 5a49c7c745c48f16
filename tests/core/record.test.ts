import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDecision, encodeDecision, isCurrent, newestCurrent, randomConsentId, type StoredDecision } from '../../src/core/record';

const NOW = 1_800_000_000;

function decision(overrides: Partial<StoredDecision> = {}): StoredDecision {
  return {
    revision: 3,
    timestamp: NOW - 60,
    id: randomConsentId(),
    method: 'custom',
    gpc: false,
    allowed: ['functional', 'social'],
    denied: ['advertising'],
    ...overrides,
  };
}

describe('consent cookie value (contract section 5, CK-4, CK-5)', () => {
  it('round-trips every field', () => {
    for (const method of ['accept-all', 'reject-all', 'custom', 'acknowledge', 'gpc'] as const) {
      const original = decision({ method, gpc: method === 'gpc' });
      expect(decodeDecision(encodeDecision(original))).toEqual(original);
    }
  });

  it('round-trips empty lists', () => {
    const original = decision({ allowed: [], denied: [] });
    expect(decodeDecision(encodeDecision(original))).toEqual(original);
  });

  it('is URL-safe: only cookie-octets that need no encoding', () => {
    const value = encodeDecision(decision());
    expect(value).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(encodeURIComponent(value)).toBe(value);
  });

  it('stays within 512 bytes for 20 categories with 20-character ids', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `category_${String(i).padStart(2, '0')}_long_id`.slice(0, 20));
    const value = encodeDecision(decision({ allowed: ids.slice(0, 10), denied: ids.slice(10), revision: 999_999 }));
    expect(value.length).toBeLessThanOrEqual(512);
  });

  it('reads nothing but an exact version-1 value', () => {
    const good = encodeDecision(decision());
    const bad = [
      undefined,
      null,
      42,
      {},
      '',
      'garbage',
      good.slice(0, -3) + '..',
      good.replace(/^1\./, '2.'),
      good + '.extra',
      good.slice(0, Math.floor(good.length / 2)),
      good.replace('functional', 'Functional'),
      good.replace('.c0.', '.x0.'),
      good.replace('.c0.', '.c2.'),
      good.replace(/\.[0-9a-f]{8}-/, '.zzzzzzzz-'),
      `1.3.${(NOW).toString(36)}.${randomConsentId()}.a0.ads.ads`,
      'x'.repeat(5000),
    ];
    for (const value of bad) expect(decodeDecision(value), String(value)).toBeNull();
  });

  it('never throws and never pollutes prototypes on 10,000 random, truncated, oversized and hostile values (SEC-6)', () => {
    const good = encodeDecision(decision());
    const hostile = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.string({ unit: 'binary', maxLength: 2000 }),
      fc.nat({ max: good.length }).map((n) => good.slice(0, n)),
      fc.tuple(fc.nat({ max: good.length }), fc.string({ maxLength: 8 })).map(([n, s]) => good.slice(0, n) + s + good.slice(n)),
      fc.constantFrom('{"__proto__":{"polluted":1}}', '1.0.0.__proto__.a0.__proto__.constructor', 'constructor', '__proto__=1'),
      fc.string({ maxLength: 20 }).map((s) => s.repeat(300)),
      fc.json(),
      fc.anything(),
    );
    fc.assert(
      fc.property(hostile, (value) => {
        const result = decodeDecision(value);
        expect(result === null || typeof result === 'object').toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 10_000 },
    );
  });

  it('decodes every well-formed value that it encodes (property)', () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9_-]{0,31}$/);
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 20 }), fc.nat({ max: 1_000_000 }), fc.boolean(), (ids, revision, gpc) => {
        const half = Math.floor(ids.length / 2);
        const original = decision({ allowed: ids.slice(0, half), denied: ids.slice(half), revision, gpc });
        expect(decodeDecision(encodeDecision(original))).toEqual(original);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('whether a stored decision still counts (GDPR-12, GDPR-13)', () => {
  const currency = { now: NOW, revision: 3, days: 182, categories: ['functional', 'social', 'advertising'] };

  it('counts a recent decision of the same revision', () => {
    expect(isCurrent(decision(), currency)).toBe(true);
  });

  it('re-asks after a revision change', () => {
    expect(isCurrent(decision({ revision: 2 }), currency)).toBe(false);
  });

  it('re-asks once the lifetime is over: a decision 183 days old is expired', () => {
    expect(isCurrent(decision({ timestamp: NOW - 181 * 86_400 }), currency)).toBe(true);
    expect(isCurrent(decision({ timestamp: NOW - 183 * 86_400 }), currency)).toBe(false);
  });

  it('counts only a decision about exactly the configured categories (CK-5)', () => {
    expect(isCurrent(decision({ allowed: ['functional', 'advertising', 'social'], denied: [] }), currency)).toBe(true);
    expect(isCurrent(decision({ allowed: ['functional'], denied: ['advertising'] }), currency)).toBe(false);
    expect(isCurrent(decision({ allowed: ['functional', 'social', 'bogus'], denied: ['advertising'] }), currency)).toBe(false);
  });

  it('treats a future-dated decision as no decision', () => {
    expect(isCurrent(decision({ timestamp: NOW + 86_400 }), currency)).toBe(false);
  });

  it('picks the newest current decision among several cookies (CK-7)', () => {
    const older = decision({ timestamp: NOW - 1000, method: 'reject-all' });
    const newer = decision({ timestamp: NOW - 10, method: 'accept-all' });
    const expired = decision({ timestamp: NOW - 10, revision: 1 });
    expect(newestCurrent([encodeDecision(older), 'junk', encodeDecision(newer), encodeDecision(expired)], currency)).toEqual(newer);
    expect(newestCurrent(['junk'], currency)).toBeNull();
    expect(newestCurrent([], currency)).toBeNull();
  });
});

describe('consent ids', () => {
  it('are random UUID v4 values', () => {
    const ids = new Set(Array.from({ length: 100 }, randomConsentId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
