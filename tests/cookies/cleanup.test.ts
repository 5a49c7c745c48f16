import { describe, expect, it } from 'vitest';
import { compilePattern, type NamePattern } from '../../src/config/patterns';
import { cleanUp, deleteCookieEverywhere } from '../../src/cookies/cleanup';
import { cookiePage } from '../support/cookie-model';

const patterns = (...names: string[]) => names.map((name) => compilePattern(name) as NamePattern);

describe('clean-up of a withdrawn category (GDPR Art. 7(3): withdrawing is as easy as giving)', () => {
  it("deletes a withdrawn category's cookies on every parent domain and every path prefix", () => {
    const page = cookiePage('https://www.example.test/shop/cart');
    page.seed({ name: '_ga', domain: 'example.test', hostOnly: false, path: '/' });
    page.seed({ name: '_gid', path: '/shop' });
    page.seed({ name: '_gat', domain: 'www.example.test', hostOnly: false, path: '/shop/cart' });
    const report = cleanUp(page.document, ['analytics'], { cookies: patterns('_ga', '_gid', '_gat'), storage: [] });
    expect(page.jar).toEqual([]);
    expect(report).toEqual({ categories: ['analytics'], deleted: ['_ga', '_gid', '_gat'], remaining: [], storage: [] });
  });

  it('deletes every copy of a name that lives in several places, and names it once', () => {
    const page = cookiePage('https://www.example.test/shop/cart');
    page.seed({ name: '_fbp' });
    page.seed({ name: '_fbp', domain: 'example.test', hostOnly: false });
    const report = cleanUp(page.document, ['advertising'], { cookies: patterns('_fbp'), storage: [] });
    expect(page.jar).toEqual([]);
    expect(report.deleted).toEqual(['_fbp']);
  });

  it('matches /regex/ declarations and leaves every other cookie alone', () => {
    const page = cookiePage();
    page.seed({ name: '_ga_ABC123' });
    page.seed({ name: '_ga_XYZ' });
    page.seed({ name: 'session' });
    page.seed({ name: 'my_ga_pref' });
    const report = cleanUp(page.document, ['analytics'], { cookies: patterns('/^_ga_/'), storage: [] });
    expect(page.jar.map((cookie) => cookie.name)).toEqual(['session', 'my_ga_pref']);
    expect(report.deleted).toEqual(['_ga_ABC123', '_ga_XYZ']);
  });

  it('reports a cookie it could not delete as remaining, never as deleted', () => {
    const page = cookiePage();
    page.seed({ name: '_hjid', locked: true });
    page.seed({ name: '_hjSession' });
    const report = cleanUp(page.document, ['analytics'], { cookies: patterns('_hjid', '_hjSession'), storage: [] });
    expect(report.deleted).toEqual(['_hjSession']);
    expect(report.remaining).toEqual(['_hjid']);
  });

  it('does not claim HttpOnly cookies, which the page cannot see', () => {
    const page = cookiePage();
    page.seed({ name: 'IDE', httpOnly: true });
    const report = cleanUp(page.document, ['advertising'], { cookies: patterns('IDE'), storage: [] });
    expect(report).toMatchObject({ deleted: [], remaining: [] });
    expect(page.writes).toEqual([]);
  });

  it('writes host-only deletions only on an IP address or a single-label host', () => {
    for (const url of ['http://127.0.0.1:8080/a/b', 'http://localhost/a/b']) {
      const page = cookiePage(url);
      page.seed({ name: '_ga' });
      cleanUp(page.document, ['analytics'], { cookies: patterns('_ga'), storage: [] });
      expect(page.jar, url).toEqual([]);
      expect(page.writes.every((write) => !write.includes('domain=')), url).toBe(true);
    }
  });

  it("removes the withdrawn category's declared storage keys from localStorage and sessionStorage", () => {
    const page = cookiePage();
    page.localStorage.setItem('_hjTLDTest', '1');
    page.localStorage.setItem('ajs_user_id', '2');
    page.localStorage.setItem('cart', '3');
    page.sessionStorage.setItem('_hjSessionStorageTest', '4');
    const report = cleanUp(page.document, ['analytics'], { cookies: [], storage: patterns('/^_hj/', 'ajs_user_id') });
    expect(report.storage.sort()).toEqual(['_hjSessionStorageTest', '_hjTLDTest', 'ajs_user_id']);
    expect(page.localStorage.getItem('cart')).toBe('3');
    expect(page.localStorage.length).toBe(1);
    expect(page.sessionStorage.length).toBe(0);
  });

  it('still deletes cookies when storage cannot be reached (disabled cookies, sandboxed frames)', () => {
    const page = cookiePage('https://www.example.test/', { storage: 'throws' });
    page.seed({ name: '_ga' });
    const report = cleanUp(page.document, ['analytics'], { cookies: patterns('_ga'), storage: patterns('_ga') });
    expect(report).toEqual({ categories: ['analytics'], deleted: ['_ga'], remaining: [], storage: [] });
  });
});

describe('deleting one cookie everywhere', () => {
  it('tries host-only and each parent domain (without the top-level label) on each path prefix', () => {
    const page = cookiePage('https://a.b.example.test/x/y');
    deleteCookieEverywhere(page.document, 'n');
    const places = page.writes.map((write) => {
      const [, path, domain = 'host-only'] = /path=([^;]*)(?:; domain=([^;]*))?/.exec(write)!;
      return `${path} ${domain}`;
    });
    const domains = ['host-only', 'a.b.example.test', 'b.example.test', 'example.test'];
    expect(places).toEqual(domains.flatMap((domain) => ['/', '/x', '/x/y'].map((path) => `${path} ${domain}`)));
    expect(page.writes.every((write) => write.startsWith('n=;') && write.includes('max-age=0'))).toBe(true);
  });
});

describe('deleting a prefixed cookie', () => {
  it('writes the deletion of a __Secure- or __Host- cookie with Secure, as browsers require, and others without', () => {
    const written: string[] = [];
    const document = {
      location: { hostname: 'www.example.test', pathname: '/' },
      set cookie(value: string) {
        written.push(value);
      },
    } as unknown as Document;
    deleteCookieEverywhere(document, '__Secure-session');
    deleteCookieEverywhere(document, '__Host-cart');
    deleteCookieEverywhere(document, '_ga');
    const of = (name: string) => written.filter((cookie) => cookie.startsWith(`${name}=`));
    expect(of('__Secure-session').length).toBeGreaterThan(0);
    expect(of('__Secure-session').every((cookie) => cookie.includes('; secure'))).toBe(true);
    expect(of('__Host-cart').filter((cookie) => !cookie.includes('domain=')).every((cookie) => cookie.includes('; secure'))).toBe(true);
    expect(of('_ga').some((cookie) => cookie.includes('; secure'))).toBe(false);
  });
});
