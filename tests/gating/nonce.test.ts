import { afterEach, describe, expect, it } from 'vitest';
import { pageNonce } from '../../src/gating/nonce';

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe("the page's script nonce (CSP Level 3 nonces)", () => {
  it('is the one given, when given', () => {
    document.head.append(Object.assign(document.createElement('script'), { nonce: 'page' }));
    expect(pageNonce(document, 'given')).toBe('given');
  });

  it('else the first nonce on a script in the page, read through .nonce', () => {
    const first = document.createElement('script');
    first.setAttribute('nonce', '');
    first.nonce = 'hidden-but-there';
    document.head.append(document.createElement('script'), first, Object.assign(document.createElement('script'), { nonce: 'second' }));
    expect(pageNonce(document)).toBe('hidden-but-there');
  });

  it('else none', () => {
    document.head.append(document.createElement('script'));
    expect(pageNonce(document)).toBeUndefined();
  });
});
