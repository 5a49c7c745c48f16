import fc from 'fast-check';
import Cookies from 'js-cookie';
import { describe, expect, it } from 'vitest';
import { encodeName, encodeValue, writeCookie } from '../../src/storage/cookie-jar';

/** A document whose cookie writes are recorded: not the global one. */
function recordingDocument() {
  const written: string[] = [];
  const doc = {
    set cookie(value: string) {
      written.push(value);
    },
    get cookie() {
      return '';
    },
  };
  return { doc: doc as unknown as Document, written };
}

describe('writing cookies to the instance\u2019s own document', () => {
  it('writes to the document it is given, not the global one', () => {
    const before = document.cookie;
    const { doc, written } = recordingDocument();
    writeCookie(doc, 'consent_gate', '1.0.a', { path: '/', sameSite: 'Lax', secure: true, maxAge: 100 });
    expect(written).toEqual(['consent_gate=1.0.a; path=/; samesite=Lax; secure; max-age=100']);
    expect(document.cookie).toBe(before);
  });

  it('encodes names and values as js-cookie does (cookie-octets only, RFC 6265 §4.1.1)', () => {
    const { doc, written } = recordingDocument();
    writeCookie(doc, 'a b;c', 'x;y,z "q"', { path: '/' });
    expect(written[0]).toBe('a%20b%3Bc=x%3By%2Cz%20%22q%22; path=/');
  });

  it('deletes with Max-Age 0 and an Expires in the past, on the given domain and path (RFC 6265 §5.3)', () => {
    const { doc, written } = recordingDocument();
    writeCookie(doc, '_fbp', '', { path: '/shop', domain: 'example.test', maxAge: 0 });
    expect(written).toEqual(['_fbp=; path=/shop; domain=example.test; max-age=0; expires=Thu, 01 Jan 1970 00:00:01 GMT']);
  });
});

describe('the encoder is js-cookie\u2019s, without bundling js-cookie', () => {
  it('encodes every generated value exactly as js-cookie\u2019s converter does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(encodeValue(value)).toBe(Cookies.converter.write(value, 'name'));
      }),
      { numRuns: 2000 },
    );
  });

  it('encodes names as js-cookie writes them to document.cookie', () => {
    const written: string[] = [];
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => '', set: (cookie: string) => written.push(cookie) });
    try {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', minLength: 1 }), (name) => {
          written.length = 0;
          Cookies.set(name, 'v');
          expect(written[0]?.split('=')[0]).toBe(encodeName(name));
        }),
        { numRuns: 1000 },
      );
    } finally {
      // The own property shadowed the prototype's accessor; removing it restores the real one.
      delete (document as { cookie?: unknown }).cookie;
    }
  });
});
