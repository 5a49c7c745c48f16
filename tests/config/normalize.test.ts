import { describe, expect, it } from 'vitest';
import { ConsentGateConfigError } from '../../src/config/errors';
import { categoryResolver, resolveConfig } from '../../src/config/normalize';

describe('resolving a configuration', () => {
  it('puts necessary first, whether or not the site configured it, and lists the others as optional in config order', () => {
    const resolved = resolveConfig({ categories: { advertising: {}, necessary: { cookies: ['session'] }, analytics: {} } });
    expect(resolved.categories.map((category) => category.id)).toEqual(['necessary', 'advertising', 'analytics']);
    expect(resolved.optional).toEqual(['advertising', 'analytics']);
    expect(resolved.categories[0]!.cookies.map((cookie) => cookie.name)).toEqual(['session']);
  });

  it('compiles cookie and storage declarations: names stay names, /regex/ strings become regexes', () => {
    const resolved = resolveConfig({ categories: { analytics: { cookies: ['_ga', { name: '/^_ga_/', provider: 'Google' }], storage: ['/^_hj/i', 'ajs_user_id'] } } });
    const [plain, described] = resolved.categories[1]!.cookies;
    expect(plain).toEqual({ name: '_ga', pattern: '_ga' });
    expect(described).toMatchObject({ name: '/^_ga_/', provider: 'Google' });
    expect(described!.pattern).toEqual(/^_ga_/);
    expect(resolved.categories[1]!.storage).toEqual([/^_hj/i, 'ajs_user_id']);
  });

  it('starts every optional category on in opt-out mode unless it says default: false; necessary is always on', () => {
    const resolved = resolveConfig({ mode: 'opt-out', categories: { necessary: {}, functional: {}, advertising: { default: false } } });
    expect(resolved.categories.map((category) => [category.id, category.default])).toEqual([
      ['necessary', true],
      ['functional', true],
      ['advertising', false],
    ]);
  });

  it('resolves the settings button to its corner, or false for none', () => {
    expect(resolveConfig({}).settingsButton).toBe('bottom-left');
    expect(resolveConfig({ settingsButton: true }).settingsButton).toBe('bottom-left');
    expect(resolveConfig({ settingsButton: false }).settingsButton).toBe(false);
    expect(resolveConfig({ settingsButton: { position: 'bottom-right' } }).settingsButton).toBe('bottom-right');
  });

  it('keeps the consent cookie settings the site gave, with the defaults for the rest', () => {
    expect(resolveConfig({ cookie: { name: 'cg', domain: 'example.test' } }).cookie).toEqual({ name: 'cg', days: 182, domain: 'example.test' });
    expect(resolveConfig({ cookie: { days: 30 } }).cookie).toEqual({ name: 'consent_gate', days: 30, domain: undefined });
  });

  it('keeps the configuration as given for the instance', () => {
    const config = { categories: { analytics: {} } };
    expect(resolveConfig(config).source).toBe(config);
  });

  it('throws one error that lists every problem with its path', () => {
    expect(() => resolveConfig({ mode: 'maybe', revision: -1 } as never)).toThrow(ConsentGateConfigError);
    try {
      resolveConfig({ mode: 'maybe', revision: -1 } as never);
    } catch (error) {
      expect((error as ConsentGateConfigError).problems.map((problem) => problem.path)).toEqual(['mode', 'revision']);
    }
  });
});

describe('the category rule for markup and the catalogue', () => {
  it('maps configured ids to themselves, analytics to functional when the site has only functional, else null', () => {
    const resolve = categoryResolver(['necessary', 'functional']);
    expect(resolve('functional')).toBe('functional');
    expect(resolve('analytics')).toBe('functional');
    expect(resolve('advertising')).toBeNull();
    expect(categoryResolver(['necessary'])('analytics')).toBeNull();
  });
});
