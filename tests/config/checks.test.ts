import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkConfig, describeProblem } from '../../src/config/checks';
import { TEXT_KEYS } from '../../src/config/text-keys';
import { ConsentGateConfigError } from '../../src/config/errors';
import { validateConfig } from '../../src/config/messages';
import { resolveConfig } from '../../src/config/normalize';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Values that are sometimes right and often wrong for any field. */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.boolean(),
  fc.integer({ min: -5, max: 500 }),
  fc.constantFrom('opt-in', 'opt-out', 'top', 'dark', 'en', 'pt-BR', '/privacy', 'javascript:alert(1)', '/[/', '/^_ga_/', '_fbp', 'ads.example.com', '', 'x y'),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
);

const cookie = fc.oneof(anyValue, fc.record({ name: anyValue, purpose: anyValue, lifetime: anyValue, provider: anyValue }, { requiredKeys: [] }));
const vendor = fc.record({ name: anyValue, domains: fc.oneof(anyValue, fc.array(anyValue, { maxLength: 3 })), privacyUrl: anyValue }, { requiredKeys: [] });
const category = fc.oneof(
  anyValue,
  fc.record(
    {
      label: anyValue,
      description: anyValue,
      cookies: fc.oneof(anyValue, fc.array(cookie, { maxLength: 3 })),
      storage: fc.oneof(anyValue, fc.array(anyValue, { maxLength: 3 })),
      vendors: fc.oneof(anyValue, fc.array(vendor, { maxLength: 2 })),
      default: anyValue,
      defualt: anyValue,
    },
    { requiredKeys: [] },
  ),
);
const categoryId = fc.constantFrom('necessary', 'functional', 'analytics', 'advertising', 'social', 'chat', 'Ads', '1st', '__proto__', 'with space');

/** Generated configs: mostly well-formed shapes with wrong values here and there, and typos. */
const config = fc.oneof(
  anyValue,
  fc.record(
    {
      mode: anyValue,
      revision: anyValue,
      categories: fc.oneof(anyValue, fc.dictionary(categoryId, category, { maxKeys: 4 })),
      privacyPolicyUrl: anyValue,
      controller: fc.oneof(anyValue, fc.record({ name: anyValue, contact: anyValue }, { requiredKeys: [] })),
      cookie: fc.oneof(anyValue, fc.record({ name: anyValue, days: anyValue, domain: anyValue }, { requiredKeys: [] })),
      respectDoNotTrack: anyValue,
      closeButton: anyValue,
      settingsButton: anyValue,
      position: anyValue,
      layout: anyValue,
      theme: anyValue,
      language: anyValue,
      texts: fc.oneof(anyValue, fc.dictionary(fc.constantFrom('en', 'de', 'pt-BR', 'EN'), fc.dictionary(fc.oneof(fc.constantFrom('acceptAll', 'save', 'acceptAl'), fc.string({ maxLength: 6 })), anyValue, { maxKeys: 2 }), { maxKeys: 2 })),
      categores: anyValue,
    },
    { requiredKeys: [] },
  ),
);

describe('the compact check every build carries', () => {
  it('accepts and rejects exactly the configs the full report accepts and rejects, naming the same paths', () => {
    let rejected = 0;
    fc.assert(
      fc.property(config, (candidate) => {
        const compact = checkConfig(candidate, { textKeys: TEXT_KEYS }).map(describeProblem);
        const full = validateConfig(candidate);
        if (full.length > 0) rejected++;
        expect(compact.map((p) => p.path)).toEqual(full.map((p) => p.path));
      }),
      { numRuns: 3000 },
    );
    // The generator must exercise both sides, or the property proves nothing.
    expect(rejected).toBeGreaterThan(300);
    expect(rejected).toBeLessThan(3000);
  });

  it('leaves the keys of texts to the full report and development builds: the first view does not carry their list', () => {
    fc.assert(
      fc.property(config, (candidate) => {
        // Under `texts`, only a text key can be an unknown key.
        const withKeys = checkConfig(candidate, { textKeys: TEXT_KEYS }).filter((p) => !(p.code === 'unknown' && p.path.startsWith('texts.')));
        expect(checkConfig(candidate).map((p) => p.path)).toEqual(withKeys.map((p) => p.path));
      }),
      { numRuns: 1000 },
    );
    const typo = { texts: { en: { acceptAl: 'OK' } } };
    expect(validateConfig(typo)).toEqual([{ path: 'texts.en.acceptAl', message: expect.stringMatching(/^unknown key: did you mean "acceptAll"\?/) }]);
    vi.stubEnv('NODE_ENV', 'development');
    expect(() => resolveConfig(typo as never)).toThrow(/texts\.en\.acceptAl: unknown key: did you mean "acceptAll"\?/);
    vi.stubEnv('NODE_ENV', 'production');
    expect(resolveConfig(typo as never).texts).toEqual(typo.texts);
  });

  it('in a production build, throws a short error that names the first failing path and why', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const attempt = () => resolveConfig({ mode: 'notice', categories: { ads: { cookies: ['_fbp', '/[/'] } } } as never);
    expect(attempt).toThrow(ConsentGateConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConsentGateConfigError).problems;
      expect(problems[0]).toEqual({ path: 'mode', message: 'enum (opt-in|opt-out)' });
      expect(problems[1]!.path).toBe('categories.ads.cookies[1]');
      expect(problems[1]!.message).toMatch(/^regex \(/);
      // The config is kept so the script tag's messages part can word the full report later.
      expect((error as ConsentGateConfigError).config).toEqual({ mode: 'notice', categories: { ads: { cookies: ['_fbp', '/[/'] } } });
    }
  });

  it('in a development build, throws the full report with hints', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(() => resolveConfig({ categores: {} } as never)).toThrow(/categores: unknown key: did you mean "categories"\?/);
  });

  it('accepts a valid config in both builds', () => {
    const valid = { mode: 'opt-out' as const, revision: 3, privacyPolicyUrl: '/privacy', categories: { analytics: { cookies: ['_ga', '/^_ga_/'] } } };
    vi.stubEnv('NODE_ENV', 'production');
    expect(resolveConfig(valid).optional).toEqual(['analytics']);
    vi.stubEnv('NODE_ENV', 'development');
    expect(resolveConfig(valid).optional).toEqual(['analytics']);
  });
});

describe('the resolved config: every default in one place', () => {
  it('fills in every default', () => {
    const resolved = resolveConfig({});
    expect(resolved).toMatchObject({
      mode: 'opt-in',
      revision: 0,
      optional: [],
      cookie: { name: 'consent_gate', days: 182 },
      respectDoNotTrack: false,
      closeButton: false,
      settingsButton: 'bottom-left',
      position: 'bottom',
      layout: 'box',
      theme: 'auto',
      texts: {},
    });
  });

  it('has one categoryFor() rule: configured ids as they are, analytics by functional when the site has no analytics category, else null', () => {
    const withFunctional = resolveConfig({ categories: { functional: {}, advertising: {} } });
    expect(withFunctional.categoryFor('advertising')).toBe('advertising');
    expect(withFunctional.categoryFor('analytics')).toBe('functional');
    expect(withFunctional.categoryFor('necessary')).toBe('necessary');
    expect(withFunctional.categoryFor('social')).toBeNull();
    const withAnalytics = resolveConfig({ categories: { functional: {}, analytics: {} } });
    expect(withAnalytics.categoryFor('analytics')).toBe('analytics');
    expect(resolveConfig({ categories: { advertising: {} } }).categoryFor('analytics')).toBeNull();
  });
});

