import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/log/canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts object keys by code unit at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 'x', a: { d: true, c: null }, '€': [], A: 'y' })).toBe('{"A":"y","a":{"c":null,"d":true},"b":"x","€":[]}');
  });

  it('writes strings as ECMAScript JSON.stringify does (RFC 8785 section 3.2.2.2)', () => {
    expect(canonicalJson(['“quoted” \u2028 \n \u0007 é'])).toBe('["“quoted” \u2028 \\n \\u0007 é"]');
  });

  it('refuses numbers rather than serialise them loosely', () => {
    expect(() => canonicalJson([1 as unknown as string])).toThrow(TypeError);
  });
});
