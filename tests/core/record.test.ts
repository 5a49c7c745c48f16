import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDecision, encodeDecision, isCurrent, MAX_VALUE_LENGTH, newestCurrent, randomConsentId, type StoredDecision } from '../../src/core/record';

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

/**
 * An independent reader of the version-1 format (src/core/record.ts), written with split()
 * rather than the library's one regular expression, so the property tests compare two readings.
 */
function referenceDecode(value: unknown): StoredDecision | null {
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) return null;
  const fields = value.split('.');
  if (fields.length !== 7) return null;
  const [version, revision, time, id, methodField, allowedList, deniedList] = fields as [string, string, string, string, string, string, string];
  const base36 = (text: string, max: number) => text.length >= 1 && text.length <= max && [...text].every((c) => '0123456789abcdefghijklmnopqrstuvwxyz'.includes(c));
  if (version !== '1' || !base36(revision, 6) || !base36(time, 8)) return null;
  const groups = id.split('-');
  const hex = (text: string, length: number) => text.length === length && [...text].every((c) => '0123456789abcdef'.includes(c));
  if (groups.length !== 5 || ![8, 4, 4, 4, 12].every((length, i) => hex(groups[i]!, length))) return null;
  if (groups[2]![0] !== '4' || !'89ab'.includes(groups[3]![0]!)) return null;
  const methods: Record<string, StoredDecision['method']> = { a: 'accept-all', r: 'reject-all', c: 'custom', k: 'acknowledge', g: 'gpc' };
  if (methodField.length !== 2 || !(methodField[0]! in methods) || !'01'.includes(methodField[1]!)) return null;
  const list = (text: string): string[] | null => {
    if (text === '') return [];
    const ids = text.split('~');
    const okId = (c: string) => c.length >= 1 && c.length <= 32 && c[0]! >= 'a' && c[0]! <= 'z' && [...c].every((ch) => 'abcdefghijklmnopqrstuvwxyz0123456789_-'.includes(ch));
    return ids.every(okId) ? ids : null;
  };
  const allowed = list(allowedList);
  const denied = list(deniedList);
  if (!allowed || !denied || new Set([...allowed, ...denied]).size !== allowed.length + denied.length) return null;
  return {
    revision: parseInt(revision, 36),
    timestamp: parseInt(time, 36),
    id,
    method: methods[methodField[0]!]!,
    gpc: methodField[1] === '1',
    allowed,
    denied,
  };
}

const categoryId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,31}$/);
const hexDigits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const uuid = fc
  .tuple(hexDigits(8), hexDigits(4), hexDigits(3), fc.constantFrom('8', '9', 'a', 'b'), hexDigits(3), hexDigits(12))
  .map(([a, b, c, variant, d, e]) => `${a}-${b}-4${c}-${variant}${d}-${e}`);

/** Any decision the library could write (revision and time within their base-36 widths). */
const validDecision: fc.Arbitrary<StoredDecision> = fc
  .record({
    revision: fc.nat({ max: 36 ** 6 - 1 }),
    timestamp: fc.nat({ max: 36 ** 8 - 1 }),
    id: uuid,
    method: fc.constantFrom('accept-all', 'reject-all', 'custom', 'acknowledge', 'gpc'),
    gpc: fc.boolean(),
    ids: fc.uniqueArray(categoryId, { maxLength: 12 }),
    split: fc.nat(),
  })
  .map(({ ids, split, ...rest }) => {
    const cut = ids.length === 0 ? 0 : split % (ids.length + 1);
    return { ...rest, allowed: ids.slice(0, cut), denied: ids.slice(cut) };
  });

/** Characters never found in a valid value (it holds only `a-z 0-9 . ~ _ -`). */
const foreignCharacter = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/^[a-z0-9._~-]$/.test(c));

/** A valid value with field `index` replaced by a generated text. */
const withField = (index: number, replacement: fc.Arbitrary<string>) =>
  fc.tuple(validDecision, replacement).map(([original, text]) => {
    const fields = encodeDecision(original).split('.');
    fields[index] = text;
    return fields.join('.');
  });

/** Values that are never a valid version-1 value, each labelled with how it was made. */
const hostileValue: fc.Arbitrary<{ kind: string; value: unknown }> = fc.oneof(
  fc.anything().filter((v) => typeof v !== 'string').map((value) => ({ kind: 'not a string', value })),
  fc.string({ maxLength: 600 }).map((value) => ({ kind: 'random string', value })),
  fc.string({ unit: 'binary', maxLength: 2000 }).map((value) => ({ kind: 'random binary string', value })),
  fc.json().map((value) => ({ kind: 'JSON', value })),
  // Truncated anywhere before the last separator: a field is missing.
  validDecision.chain((d) => {
    const value = encodeDecision(d);
    return fc.nat({ max: value.lastIndexOf('.') }).map((n) => ({ kind: 'truncated', value: value.slice(0, n) }));
  }),
  // One character from outside the format inserted anywhere.
  fc.tuple(validDecision, fc.nat(), foreignCharacter).map(([d, at, c]) => {
    const value = encodeDecision(d);
    const i = at % (value.length + 1);
    return { kind: 'foreign character', value: value.slice(0, i) + c + value.slice(i) };
  }),
  // A separator removed or added: six or eight fields.
  fc.tuple(validDecision, fc.nat()).map(([d, which]) => {
    const value = encodeDecision(d);
    const dots = [...value].flatMap((c, i) => (c === '.' ? [i] : []));
    const at = dots[which % dots.length]!;
    return { kind: 'separator removed', value: value.slice(0, at) + value.slice(at + 1) };
  }),
  fc.tuple(validDecision, fc.nat()).map(([d, at]) => {
    const value = encodeDecision(d);
    const i = at % (value.length + 1);
    return { kind: 'separator added', value: `${value.slice(0, i)}.${value.slice(i)}` };
  }),
  // Each field broken on its own.
  withField(0, fc.constantFrom('', '0', '2', '01', '1a', 'v1')).map((value) => ({ kind: 'version', value })),
  withField(1, fc.constantFrom('', '1234567', 'A', '-1', '1_')).map((value) => ({ kind: 'revision', value })),
  withField(2, fc.constantFrom('', '123456789', 'T3K9QZ', '+1')).map((value) => ({ kind: 'time', value })),
  withField(3, fc.oneof(uuid.map((id) => id.toUpperCase()).filter((id) => /[A-F]/.test(id)), uuid.map((id) => `${id.slice(0, 14)}1${id.slice(15)}`), uuid.map((id) => `${id.slice(0, 19)}c${id.slice(20)}`), uuid.map((id) => id.replace(/-/g, '')), uuid.map((id) => id.slice(1)), fc.constant('__proto__'))).map((value) => ({ kind: 'consent id', value })),
  withField(4, fc.constantFrom('', 'a', 'a2', 'x0', 'A0', 'a00', '0a', 'c-')).map((value) => ({ kind: 'method', value })),
  fc.tuple(fc.nat({ max: 1 }), fc.constantFrom('__proto__', 'Functional', '1st', '_ga', '-x', 'a'.repeat(33), 'a~', '~a', 'a~~b', 'prototype~__proto__')).chain(([side, bad]) =>
    withField(5 + side, fc.constant(bad)).map((value) => ({ kind: 'category id', value })),
  ),
  // The same id allowed and denied, or listed twice.
  fc.tuple(validDecision, categoryId, fc.boolean()).map(([d, id, both]) => {
    const allowed = [...d.allowed.filter((x) => x !== id), id];
    const denied = d.denied.filter((x) => x !== id);
    const fields = encodeDecision({ ...d, allowed, denied }).split('.');
    if (both) fields[6] = [...denied, id].join('~');
    else fields[5] = [...allowed, id].join('~');
    return { kind: 'listed twice', value: fields.join('.') };
  }),
  // Well formed but longer than the limit: 40 ids of 32 characters.
  fc.tuple(validDecision, fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{31}$/), { minLength: 40, maxLength: 40 })).map(([d, ids]) => ({
    kind: 'oversized',
    value: encodeDecision({ ...d, allowed: ids.slice(0, 20), denied: ids.slice(20) }),
  })),
  fc.string({ maxLength: 20 }).map((s) => ({ kind: 'repeated', value: `${s}.`.repeat(300) })),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '1.0.0.__proto__.a0.__proto__.constructor', 'constructor', '__proto__=1', '__proto__', 'toString', 'hasOwnProperty').map((value) => ({ kind: 'prototype key', value })),
);

/** Any small change to a valid value: truncation, insertion, deletion or replacement of characters. */
function mutation(value: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: value.length });
  const piece = fc.string({ unit: fc.constantFrom(...'abz019.~_-A#'), minLength: 1, maxLength: 4 });
  return fc.oneof(
    at.map((n) => value.slice(0, n)),
    fc.tuple(at, piece).map(([n, text]) => value.slice(0, n) + text + value.slice(n)),
    fc.tuple(at, fc.nat({ max: 4 })).map(([n, length]) => value.slice(0, n) + value.slice(n + length)),
    fc.tuple(at, piece).map(([n, text]) => value.slice(0, n) + text + value.slice(n + text.length)),
  );
}

describe('consent cookie value (RFC 6265 §6.1 and §4.1.1)', () => {
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

  it('reads every hostile value as no decision: 10,000 random, truncated, broken, oversized and prototype-key values (RFC 6265 §4.1.1, no prototype pollution)', () => {
    fc.assert(
      fc.property(hostileValue, ({ kind, value }) => {
        // The generators only make values that break the format; the reference reader confirms it.
        // fc.stringify: String() throws on objects such as { toString: false }.
        const shown = typeof value === 'string' ? value : fc.stringify(value);
        expect(referenceDecode(value), `${kind} generator made a valid value: ${shown}`).toBeNull();
        expect(decodeDecision(value), `${kind}: ${shown.slice(0, 200)}`).toBeNull();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads a mutated value exactly as the reference reader does: the same decision when it still fits the format, else none (RFC 6265 §4.1.1)', () => {
    let stillValid = 0;
    fc.assert(
      fc.property(validDecision.chain((original) => mutation(encodeDecision(original))), (value) => {
        const expected = referenceDecode(value);
        if (expected) stillValid++;
        expect(decodeDecision(value), value).toEqual(expected);
      }),
      { numRuns: 5_000 },
    );
    // Both outcomes were exercised, so the comparison means something.
    expect(stillValid).toBeGreaterThan(0);
  });

  it('round-trips every valid decision, up to the length limit (property)', () => {
    fc.assert(
      fc.property(validDecision, (original) => {
        const value = encodeDecision(original);
        fc.pre(value.length <= MAX_VALUE_LENGTH);
        expect(referenceDecode(value)).toEqual(original);
        expect(decodeDecision(value)).toEqual(original);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads category ids that are Object.prototype keys as plain list entries, polluting nothing (no prototype pollution)', () => {
    const original = decision({ allowed: ['constructor', 'hasownproperty'], denied: ['tostring', 'valueof'] });
    const decoded = decodeDecision(encodeDecision(original));
    expect(decoded).toEqual(original);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded!).sort()).toEqual(['allowed', 'denied', 'gpc', 'id', 'method', 'revision', 'timestamp']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
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

describe('whether a stored decision still counts (CNIL deliberation 2020-091, EDPB Guidelines 05/2020)', () => {
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

  it('counts only a decision about exactly the configured categories (RFC 6265 §4.1.1)', () => {
    expect(isCurrent(decision({ allowed: ['functional', 'advertising', 'social'], denied: [] }), currency)).toBe(true);
    expect(isCurrent(decision({ allowed: ['functional'], denied: ['advertising'] }), currency)).toBe(false);
    expect(isCurrent(decision({ allowed: ['functional', 'social', 'bogus'], denied: ['advertising'] }), currency)).toBe(false);
  });

  it('treats a future-dated decision as no decision', () => {
    expect(isCurrent(decision({ timestamp: NOW + 86_400 }), currency)).toBe(false);
  });

  it('picks the newest current decision among several cookies (RFC 6265 §5.4)', () => {
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
