import { describe, expect, it } from 'vitest';
import { createCookieStorage } from '../../src/storage/cookie-storage';
import { recordingLogger } from '../support/logger';

interface StoredCookie {
  name: string;
  value: string;
  /** undefined: host-only. */
  domain?: string;
  path: string;
}

/**
 * A document with a small cookie jar that keeps what `document.cookie` hides: each cookie's
 * Domain and Path (a page at `www.example.test/shop/cart` sees them all, as a browser would).
 */
function cookieDocument(cookies: StoredCookie[]) {
  const written: string[] = [];
  const doc = {
    location: { hostname: 'www.example.test', pathname: '/shop/cart', protocol: 'https:' },
    get cookie() {
      return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    },
    set cookie(line: string) {
      written.push(line);
      const [pair, ...attributes] = line.split('; ');
      const [name, value] = pair!.split('=') as [string, string];
      const attribute = (key: string) => attributes.find((a) => a.startsWith(`${key}=`))?.slice(key.length + 1);
      const domain = attribute('domain');
      const path = attribute('path') ?? '/';
      const same = (cookie: StoredCookie) => cookie.name === name && cookie.domain === domain && cookie.path === path;
      const index = cookies.findIndex(same);
      if (index >= 0) cookies.splice(index, 1);
      if (attribute('max-age') !== '0') cookies.push({ name, value, domain, path });
    },
  };
  return { doc: doc as unknown as Document, written, cookies };
}

const VISITOR = '1.1.t3k9qz.0b7e1f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b.r0..advertising';
const PLANTED = '1.1.t3k9rz.1c8f2a3b-4d5e-4f6a-9b7c-8d9e0f1a2b3c.a0.advertising.';

describe('reading the consent cookie: copies planted on a parent domain (RFC 6265 §8.6)', () => {
  it('without cookie.domain, expires domain-wide copies before reading and keeps the host-only one', () => {
    const { doc, cookies } = cookieDocument([
      { name: 'consent_gate', value: VISITOR, path: '/' },
      { name: 'consent_gate', value: PLANTED, domain: 'example.test', path: '/' },
      { name: 'consent_gate', value: PLANTED, domain: 'www.example.test', path: '/shop' },
      { name: 'other', value: '1', domain: 'example.test', path: '/' },
    ]);
    const storage = createCookieStorage({ name: 'consent_gate', days: 30, logger: recordingLogger(), document: doc });
    expect(storage.read()).toEqual([VISITOR]);
    expect(cookies.map((cookie) => `${cookie.name} ${cookie.domain ?? 'host-only'} ${cookie.path}`)).toEqual(['consent_gate host-only /', 'other example.test /']);
  });

  it('adopts nothing from a parent domain when the visitor has no cookie of their own', () => {
    const { doc } = cookieDocument([{ name: 'consent_gate', value: PLANTED, domain: 'example.test', path: '/' }]);
    const storage = createCookieStorage({ name: 'consent_gate', days: 30, logger: recordingLogger(), document: doc });
    expect(storage.read()).toEqual([]);
  });

  it('writes nothing when no consent cookie is visible (a first visit costs no cookie writes)', () => {
    const { doc, written } = cookieDocument([{ name: 'other', value: '1', path: '/' }]);
    createCookieStorage({ name: 'consent_gate', days: 30, logger: recordingLogger(), document: doc }).read();
    expect(written).toEqual([]);
  });

  it('with cookie.domain set, the domain-wide copy is the shared decision and is read as it is', () => {
    const { doc, written } = cookieDocument([{ name: 'consent_gate', value: VISITOR, domain: 'example.test', path: '/' }]);
    const storage = createCookieStorage({ name: 'consent_gate', days: 30, domain: 'example.test', logger: recordingLogger(), document: doc });
    expect(storage.read()).toEqual([VISITOR]);
    expect(written).toEqual([]);
  });
});
