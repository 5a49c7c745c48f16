import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import { catalogue } from '../../src/cookies/catalogue';
import { classifyCookie, necessaryConflicts, scanCookies } from '../../src/cookies/scan';

describe('classifyCookie', () => {
  it('classifies a declared cookie by the config before the catalogue', () => {
    const config = resolveConfig({ categories: { functional: { cookies: ['_ga'] }, analytics: {} } });
    expect(classifyCookie('_ga', config, catalogue())).toEqual({ name: '_ga', category: 'functional', vendor: 'Google Analytics' });
  });

  it('names the vendor from the declaration’s provider before the catalogue’s', () => {
    const config = resolveConfig({
      categories: { analytics: { cookies: [{ name: '_ga', provider: 'Our analytics proxy' }] } },
    });
    expect(classifyCookie('_ga', config, catalogue())).toEqual({ name: '_ga', category: 'analytics', vendor: 'Our analytics proxy' });
  });

  it('classifies cookies matching a /regex/ declaration', () => {
    const config = resolveConfig({ categories: { functional: { cookies: ['/^prefs_/', { name: '/^cart-/i' }] } } });
    expect(classifyCookie('prefs_theme', config, catalogue())).toEqual({ name: 'prefs_theme', category: 'functional' });
    expect(classifyCookie('CART-42', config, catalogue())).toEqual({ name: 'CART-42', category: 'functional' });
  });

  it('takes the first category in config order when several declarations match', () => {
    const config = resolveConfig({
      categories: { necessary: { cookies: ['session'] }, functional: { cookies: ['/^sess/'] } },
    });
    expect(classifyCookie('session', config, catalogue()).category).toBe('necessary');
    expect(classifyCookie('sessx', config, catalogue()).category).toBe('functional');
  });

  it('omits the vendor of a declared cookie nobody names', () => {
    const config = resolveConfig({ categories: { necessary: { cookies: ['sid'] } } });
    expect(classifyCookie('sid', config, catalogue())).toEqual({ name: 'sid', category: 'necessary' });
    expect(classifyCookie('sid', config, catalogue())).not.toHaveProperty('vendor');
  });

  it('classifies an undeclared catalogued cookie by the catalogue when the site has its category', () => {
    const config = resolveConfig({ categories: { analytics: {}, advertising: {} } });
    expect(classifyCookie('_ga_XYZ', config, catalogue())).toEqual({ name: '_ga_XYZ', category: 'analytics', vendor: 'Google Analytics' });
    expect(classifyCookie('_fbp', config, catalogue())).toEqual({ name: '_fbp', category: 'advertising', vendor: 'Meta' });
  });

  it('counts catalogued analytics cookies as functional on a site without an analytics category', () => {
    const config = resolveConfig({ categories: { functional: {}, advertising: {} } });
    expect(classifyCookie('_ga', config, catalogue())).toEqual({ name: '_ga', category: 'functional', vendor: 'Google Analytics' });
    expect(classifyCookie('_pk_ses.1.ab12', config, catalogue())).toEqual({ name: '_pk_ses.1.ab12', category: 'functional', vendor: 'Matomo' });
  });

  it('keeps catalogued analytics cookies as analytics when the site has neither analytics nor functional', () => {
    const config = resolveConfig({ categories: { advertising: {} } });
    expect(classifyCookie('_ga', config, catalogue()).category).toBe('analytics');
  });

  it('does not move analytics cookies to functional when the site has an analytics category', () => {
    const config = resolveConfig({ categories: { functional: {}, analytics: {} } });
    expect(classifyCookie('_gid', config, catalogue()).category).toBe('analytics');
  });

  it('reports an unconfigured advertising cookie as advertising, so it stays blocked', () => {
    const config = resolveConfig({ categories: { functional: {} } });
    expect(classifyCookie('_fbp', config, catalogue())).toEqual({ name: '_fbp', category: 'advertising', vendor: 'Meta' });
    expect(classifyCookie('_fbp', config, catalogue()).category).not.toBe('functional');
  });

  it('reports a cookie neither declared nor catalogued as unclassified, without a vendor', () => {
    const config = resolveConfig({ categories: { functional: {} } });
    expect(classifyCookie('mystery', config, catalogue())).toEqual({ name: 'mystery', category: 'unclassified' });
  });

  it('counts the consent cookie itself as necessary', () => {
    expect(classifyCookie('consent_gate', resolveConfig({}), catalogue())).toEqual({ name: 'consent_gate', category: 'necessary' });
    const renamed = resolveConfig({ cookie: { name: 'cg' } });
    expect(classifyCookie('cg', renamed).category).toBe('necessary');
    expect(classifyCookie('consent_gate', renamed).category).toBe('unclassified');
  });
});

describe('scanCookies', () => {
  it('classifies every visible cookie once, in order', () => {
    const config = resolveConfig({
      categories: { functional: { cookies: ['lang'] }, advertising: {} },
    });
    const cookieString = 'lang=en; _ga=GA1.2.3.4; _fbp=fb.1.2.3; lang=fr; mystery=1; consent_gate=abc';
    expect(scanCookies(cookieString, config, catalogue())).toEqual([
      { name: 'lang', category: 'functional' },
      { name: '_ga', category: 'functional', vendor: 'Google Analytics' },
      { name: '_fbp', category: 'advertising', vendor: 'Meta' },
      { name: 'mystery', category: 'unclassified' },
      { name: 'consent_gate', category: 'necessary' },
    ]);
  });

  it('returns nothing for an empty cookie string', () => {
    expect(scanCookies('', resolveConfig({}))).toEqual([]);
  });
});

describe('necessaryConflicts', () => {
  it('lists catalogued analytics and advertising cookies declared as necessary by exact name', () => {
    const config = resolveConfig({
      categories: { necessary: { cookies: ['sid', '_ga', { name: '_fbp', provider: 'Meta' }, '_ga_ABC'] } },
    });
    expect(necessaryConflicts(config, catalogue())).toEqual([
      { cookie: '_ga', category: 'analytics', vendor: 'Google Analytics' },
      { cookie: '_fbp', category: 'advertising', vendor: 'Meta' },
      { cookie: '_ga_ABC', category: 'analytics', vendor: 'Google Analytics' },
    ]);
  });

  it('tests regex declarations against the catalogue’s exact names', () => {
    const config = resolveConfig({ categories: { necessary: { cookies: ['/^_gcl_/', '/^__utm[ab]$/'] } } });
    expect(necessaryConflicts(config, catalogue())).toEqual([
      { cookie: '_gcl_au', category: 'advertising', vendor: 'Google Ads' },
      { cookie: '__utma', category: 'analytics', vendor: 'Google Analytics' },
      { cookie: '__utmb', category: 'analytics', vendor: 'Google Analytics' },
    ]);
  });

  it('flags a regex declaration that is the same as a catalogued pattern', () => {
    const config = resolveConfig({ categories: { necessary: { cookies: ['/^_hj/'] } } });
    expect(necessaryConflicts(config, catalogue())).toEqual([{ cookie: '/^_hj/', category: 'analytics', vendor: 'Hotjar' }]);
  });

  it('lists each cookie once', () => {
    const config = resolveConfig({ categories: { necessary: { cookies: ['_ga', '/^_ga$/'] } } });
    expect(necessaryConflicts(config, catalogue())).toEqual([{ cookie: '_ga', category: 'analytics', vendor: 'Google Analytics' }]);
  });

  it('accepts necessary declarations of functional, social or unknown cookies', () => {
    const config = resolveConfig({
      categories: { necessary: { cookies: ['sid', '__zlcmid', 'YSC', '/^csrf/'] } },
    });
    expect(necessaryConflicts(config, catalogue())).toEqual([]);
  });

  it('ignores tracking cookies declared in other categories', () => {
    const config = resolveConfig({ categories: { analytics: { cookies: ['_ga'] }, advertising: { cookies: ['/^_gcl_/'] } } });
    expect(necessaryConflicts(config, catalogue())).toEqual([]);
  });
});

describe('without the built-in catalogue (the headless default)', () => {
  it('classifies by the config declarations alone', () => {
    const config = resolveConfig({ categories: { advertising: { cookies: ['_fbp'] } } });
    expect(classifyCookie('_fbp', config)).toEqual({ name: '_fbp', category: 'advertising' });
    expect(classifyCookie('_ga', config)).toEqual({ name: '_ga', category: 'unclassified' });
    expect(necessaryConflicts(resolveConfig({ categories: { necessary: { cookies: ['_ga'] } } }))).toEqual([]);
  });
});
