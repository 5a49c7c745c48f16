import { describe, expect, it } from 'vitest';
import { candidateDomains, candidatePaths, visibleCookieNames, visibleCookieValues } from '../../src/cookies/locations';

describe('where a visible cookie may live', () => {
  it('tries host-only first, then the host and each parent domain, never the bare top-level label', () => {
    expect(candidateDomains('shop.www.example.co.uk')).toEqual([undefined, 'shop.www.example.co.uk', 'www.example.co.uk', 'example.co.uk', 'co.uk']);
    expect(candidateDomains('example.test')).toEqual([undefined, 'example.test']);
  });

  it('tries only host-only on IP addresses and single-label hosts', () => {
    for (const host of ['127.0.0.1', '[::1]', '::1', 'localhost']) expect(candidateDomains(host), host).toEqual([undefined]);
  });

  it('tries / and each prefix of the path', () => {
    expect(candidatePaths('/shop/cart/')).toEqual(['/', '/shop', '/shop/cart']);
    expect(candidatePaths('/')).toEqual(['/']);
    expect(candidatePaths('')).toEqual(['/']);
  });
});

describe('reading document.cookie', () => {
  it('names each visible cookie once, decoded', () => {
    expect(visibleCookieNames('a=1; b=2;a=3; %5Fga=x; ;=v; c')).toEqual(['a', 'b', '_ga', 'c']);
  });

  it('keeps a name that does not decode as it is, never throwing (hostile cookies)', () => {
    expect(visibleCookieNames('%E0%A4%A=1')).toEqual(['%E0%A4%A']);
    expect(visibleCookieValues('n=%E0%A4%A', 'n')).toEqual(['%E0%A4%A']);
  });

  it('lists every value visible for one name, in order, with "=" inside values kept', () => {
    expect(visibleCookieValues('consent_gate=1.a; other=x; consent_gate=2.b=c; consent_gate_2=z', 'consent_gate')).toEqual(['1.a', '2.b=c']);
    expect(visibleCookieValues('flag; consent_gate', 'consent_gate')).toEqual([]);
  });
});
