/** Reading one cookie from a Cookie header (RFC 6265 section 5.4), decoded as js-cookie decodes. */
import fc from 'fast-check';
import Cookies from 'js-cookie';
import { describe, expect, it } from 'vitest';
import { cookieValues, MAX_COOKIE_HEADER_LENGTH } from '../../../src/node/server/cookie-header.js';

describe('cookieValues', () => {
  it('finds every value of the name, in header order, and nothing of other names', () => {
    expect(cookieValues('a=1; consent_gate=x; b=2;consent_gate=y', 'consent_gate')).toEqual(['x', 'y']);
    expect(cookieValues('consent_gatex=1; xconsent_gate=2', 'consent_gate')).toEqual([]);
    expect(cookieValues(['a=1', 'consent_gate=z'], 'consent_gate')).toEqual(['z']);
  });

  it('decodes names and values the way js-cookie writes them, keeping "=" inside values', () => {
    const written = Cookies.converter.write('a b;c=d%é', 'x');
    expect(cookieValues(`consent_gate=${written}`, 'consent_gate')).toEqual(['a b;c=d%é']);
    expect(cookieValues('consent%5Fgate=v', 'consent_gate')).toEqual(['v']);
    expect(cookieValues('consent_gate="quoted"', 'consent_gate')).toEqual(['quoted']);
    expect(cookieValues('consent_gate=1.2=3', 'consent_gate')).toEqual(['1.2=3']);
  });

  it('keeps a malformed escape as it is instead of throwing', () => {
    expect(cookieValues('consent_gate=%E0%A4%A; x=1', 'consent_gate')).toEqual(['%E0%A4%A']);
    expect(cookieValues('consent_gate=%zz', 'consent_gate')).toEqual(['%zz']);
  });

  it('gives nothing for empty, missing, oversized or non-string headers', () => {
    expect(cookieValues(undefined, 'consent_gate')).toEqual([]);
    expect(cookieValues(null, 'consent_gate')).toEqual([]);
    expect(cookieValues('', 'consent_gate')).toEqual([]);
    expect(cookieValues(`consent_gate=${'a'.repeat(MAX_COOKIE_HEADER_LENGTH)}`, 'consent_gate')).toEqual([]);
    expect(cookieValues([42 as unknown as string], 'consent_gate')).toEqual([]);
  });

  it('never throws, whatever the header', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (header) => {
        expect(Array.isArray(cookieValues(header, 'consent_gate'))).toBe(true);
      }),
    );
  });
});
