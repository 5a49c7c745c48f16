import { describe, expect, it } from 'vitest';
import { ConsentGateConfigError } from '../../src/config/errors';
import { resolveConfig } from '../../src/config/normalize';
import { validateConfig } from '../../src/config/messages';

function problemsOf(config: unknown): string[] {
  return validateConfig(config).map((p) => `${p.path}: ${p.message}`);
}

describe('config validation', () => {
  it('accepts a typical config and an empty one', () => {
    expect(problemsOf({})).toEqual([]);
    expect(
      problemsOf({
        mode: 'opt-in',
        revision: 1,
        privacyPolicyUrl: '/privacy',
        categories: { functional: {}, advertising: {}, social: {} },
      }),
    ).toEqual([]);
  });

  it('rejects a config that is not an object', () => {
    expect(problemsOf(null)).toEqual(['(config): null is not an object']);
    expect(problemsOf([])).toEqual(['(config): an array is not an object']);
  });

  it('names an unknown key with a "did you mean" hint', () => {
    const [problem] = problemsOf({ categores: {} });
    expect(problem).toMatch(/^categores: unknown key: did you mean "categories"\?/);
  });

  it('hints inside nested objects too', () => {
    const [problem] = problemsOf({ categories: { advertising: { cookie: ['_fbp'] } } });
    expect(problem).toMatch(/^categories\.advertising\.cookie: unknown key: did you mean "cookies"\?/);
  });

  it('rejects an unknown mode and lists the allowed ones', () => {
    expect(problemsOf({ mode: 'notice' })).toEqual(['mode: "notice" is not allowed: use "opt-in" or "opt-out"']);
  });

  it('takes settingsButton as true, false or { position: "bottom-left" | "bottom-right" }, and resolves it to its corner', () => {
    for (const settingsButton of [true, false, {}, { position: 'bottom-left' }, { position: 'bottom-right' }]) expect(problemsOf({ settingsButton }), JSON.stringify(settingsButton)).toEqual([]);
    expect(problemsOf({ settingsButton: { position: 'top-right' } })).toEqual(['settingsButton.position: "top-right" is not allowed: use "bottom-left" or "bottom-right"']);
    expect(problemsOf({ settingsButton: 'bottom-right' })).toEqual(['settingsButton: "bottom-right" is not allowed: use true, false or { "position": "bottom-left" | "bottom-right" }']);
    expect(problemsOf({ settingsButton: { corner: 'left' } })[0]).toMatch(/^settingsButton\.corner: unknown key.*Allowed: position/);
    const corner = (settingsButton: unknown) => resolveConfig({ settingsButton } as never).settingsButton;
    expect([corner(undefined), corner(true), corner({}), corner({ position: 'bottom-right' }), corner(false)]).toEqual(['bottom-left', 'bottom-left', 'bottom-left', 'bottom-right', false]);
  });

  it('rejects an unknown banner layout and lists the allowed ones', () => {
    expect(problemsOf({ layout: 'card' })).toEqual(['layout: "card" is not allowed: use "bar" or "box"']);
    expect(problemsOf({ layout: 'bar', position: 'top' })).toEqual([]);
  });

  it('rejects category ids that do not match ^[a-z][a-z0-9_-]{0,31}$', () => {
    for (const id of ['Ads', '1st', '__proto__', 'a'.repeat(33), 'with space', '']) {
      const problems = problemsOf({ categories: { [id]: {} } });
      expect(problems.length, id).toBe(1);
      expect(problems[0]).toContain('is not a category id');
    }
    expect(problemsOf({ categories: { 'my_ads-2': { label: 'My ads' } } })).toEqual([]);
  });

  it('rejects a cookie regex that does not compile, naming the field path', () => {
    const problems = problemsOf({ categories: { ads: { label: 'Ads', cookies: ['_fbp', '_gcl_au', '/[/'] } } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^categories\.ads\.cookies\[2\]: "\/\[\/" is not a valid regex/);
  });

  it('checks storage patterns and described cookies', () => {
    const problems = problemsOf({
      categories: { analytics: { storage: ['/(/'], cookies: [{ purpose: 'stats' }] } },
    });
    // Problems follow the order of the keys in the config.
    expect(problems).toEqual([
      expect.stringMatching(/^categories\.analytics\.storage\[0\]: "\/\(\/" is not a valid regex/),
      expect.stringMatching(/^categories\.analytics\.cookies\[0\]\.name: is required/),
    ]);
  });

  it('rejects javascript: and data: URLs, even disguised, and accepts http(s), mailto and relative ones (no XSS)', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x']) {
      const problems = problemsOf({ privacyPolicyUrl: url });
      expect(problems, url).toHaveLength(1);
      expect(problems[0]).toMatch(/^privacyPolicyUrl: .* scheme: only http\(s\), mailto and relative URLs are allowed/);
    }
    for (const url of ['/privacy', 'privacy.html', 'https://example.com/p', 'http://x.test', 'mailto:dpo@example.com', '#cookies']) {
      expect(problemsOf({ privacyPolicyUrl: url }), url).toEqual([]);
    }
  });

  it('checks vendor privacy URLs and domains', () => {
    const problems = problemsOf({
      categories: { social: { vendors: [{ name: 'X', domains: ['x.com', 'not a host'], privacyUrl: 'javascript:void 0' }] } },
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^categories\.social\.vendors\[0\]\.domains\[1\]/);
    expect(problems[1]).toMatch(/^categories\.social\.vendors\[0\]\.privacyUrl/);
  });

  it('keeps the cookie lifetime between 1 and 395 days (RFC 6265bis)', () => {
    expect(problemsOf({ cookie: { days: 396 } })).toEqual(['cookie.days: 396 is out of range: use a whole number from 1 to 395']);
    expect(problemsOf({ cookie: { days: 0 } })).toHaveLength(1);
    expect(problemsOf({ cookie: { days: 1.5 } })).toHaveLength(1);
    expect(problemsOf({ cookie: { days: 395 } })).toEqual([]);
  });

  it('checks the cookie name and domain', () => {
    expect(problemsOf({ cookie: { name: 'bad name;' } })[0]).toMatch(/^cookie\.name: .* is not a cookie name/);
    expect(problemsOf({ cookie: { domain: 'example.com' } })).toEqual([]);
    expect(problemsOf({ cookie: { domain: 'exa mple' } })).toHaveLength(1);
  });

  it('rejects a revision that is not a whole number', () => {
    expect(problemsOf({ revision: -1 })).toHaveLength(1);
    expect(problemsOf({ revision: '2' })).toHaveLength(1);
  });

  it('rejects a start-time feature the build does not carry, naming the build that does', () => {
    expect(problemsOf({ googleConsentMode: true })[0]).toMatch(/^googleConsentMode: not in this build: .*consent-gate\.gcm\.iife\.js/);
  });

  it('checks the consent log: an endpoint is required and must be a safe URL', () => {
    expect(problemsOf({ log: { endpoint: '/consent' } })).toEqual([]);
    expect(problemsOf({ log: {} })).toEqual(['log.endpoint: is required']);
    expect(problemsOf({ log: { endpoint: 'javascript:alert(1)' } })[0]).toMatch(/^log\.endpoint: "javascript:alert\(1\)" is not a consent log endpoint/);
  });

  it('takes only http(s) and relative URLs as the consent log endpoint: records are sent over HTTP', () => {
    for (const endpoint of ['mailto:dpo@example.com', ' MAILTO:dpo@example.com', 'ftp://example.com/log', 'data:text/plain,x', '']) {
      expect(problemsOf({ log: { endpoint } }), endpoint).toEqual([expect.stringMatching(/^log\.endpoint: .* is not a consent log endpoint: use an http\(s\) URL or a relative one/)]);
    }
    for (const endpoint of ['/consent', 'consent', 'https://log.example.com/c', 'http://127.0.0.1:8080/c', '//log.example.com/c', '?log']) {
      expect(problemsOf({ log: { endpoint } }), endpoint).toEqual([]);
    }
    expect(() => resolveConfig({ log: { endpoint: 'mailto:dpo@example.com' } })).toThrow(ConsentGateConfigError);
  });

  it('rejects a custom category id one edit away from a built-in one, with a "did you mean" hint', () => {
    const typos: Record<string, string> = { analytcs: 'analytics', anlaytics: 'analytics', analytic: 'analytics', functionall: 'functional', socail: 'social', advertsing: 'advertising', necesary: 'necessary', social1: 'social' };
    for (const [typo, meant] of Object.entries(typos)) {
      // Even with a label: a near-miss is far more likely a typo than a new category.
      for (const category of [{}, { label: 'Stats' }]) {
        expect(problemsOf({ categories: { [typo]: category } }), typo).toEqual([
          `categories.${typo}: "${typo}" is one edit away from the built-in category "${meant}": did you mean "${meant}"? Rename it, or give a custom category an id clearly different from it`,
        ]);
      }
    }
    // Case is no excuse either: "Analytics" is not a valid id, and the hint says which one is.
    expect(problemsOf({ categories: { Analytics: {} } })).toContainEqual(expect.stringMatching(/^categories\.Analytics: .*did you mean "analytics"\?/));
    expect(() => resolveConfig({ categories: { analytcs: { cookies: ['_ga'] } } })).toThrow(/did you mean "analytics"\?/);
  });

  it('requires a label for a custom category: visitors see it as the category\'s name', () => {
    expect(problemsOf({ categories: { chat: {} } })).toEqual([
      'categories.chat.label: is required for a custom category: visitors see it as the category\'s name (only the built-in categories have names in every language)',
    ]);
    expect(problemsOf({ categories: { chat: { description: 'Talk to us.' } } })).toHaveLength(1);
  });

  it('keeps valid configs valid: built-in ids without labels, custom ids with them, ids far from a built-in one', () => {
    const valid = {
      categories: {
        necessary: {},
        functional: {},
        analytics: { cookies: ['_ga'] },
        advertising: {},
        social: {},
        chat: { label: 'Live chat' },
        ads: { label: 'Ads' },
        marketing: { label: 'Marketing' },
        preferences: { label: 'Preferences' },
        statistics: { label: 'Statistics' },
        socials: { label: 'x' } as object,
      },
    };
    // "socials" is one edit from "social": the one rejected id in this list.
    expect(problemsOf(valid)).toEqual([expect.stringMatching(/^categories\.socials: .*did you mean "social"\?/)]);
    delete (valid.categories as Record<string, unknown>)['socials'];
    expect(problemsOf(valid)).toEqual([]);
  });

  it('requires the controller name', () => {
    expect(problemsOf({ controller: { contact: 'dpo@example.com' } })).toEqual(['controller.name: is required']);
  });

  it('does not let necessary be switched off by default', () => {
    expect(problemsOf({ categories: { necessary: { default: false } } })).toEqual([
      'categories.necessary.default: is not allowed: necessary is always allowed',
    ]);
  });

  it('checks texts per language', () => {
    expect(problemsOf({ texts: { en: { acceptAll: 'OK' } } })).toEqual([]);
    expect(problemsOf({ texts: { EN: { acceptAll: 1 } } })).toHaveLength(2);
  });

  it('collects every problem at once', () => {
    const problems = problemsOf({ mode: 'x', revision: 'y', cookie: { days: 999 }, theme: 'pink', extra: 1 });
    expect(problems).toHaveLength(5);
  });
});

describe('resolveConfig', () => {
  it('throws one ConsentGateConfigError that lists every problem', () => {
    let error: unknown;
    try {
      resolveConfig({ mode: 'x', cookie: { days: 500 } } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConsentGateConfigError);
    const configError = error as ConsentGateConfigError;
    expect(configError.problems).toHaveLength(2);
    expect(configError.message).toContain('2 problems');
    expect(configError.message).toContain('mode: "x" is not allowed');
    expect(configError.message).toContain('cookie.days: 500 is out of range');
  });

  it('fills in defaults: opt-in, revision 0, 182 days, necessary first', () => {
    const config = resolveConfig({ categories: { advertising: {}, functional: { default: false } } });
    expect(config.mode).toBe('opt-in');
    expect(config.revision).toBe(0);
    expect(config.cookie).toEqual({ name: 'consent_gate', days: 182, domain: undefined });
    expect(config.categories.map((c) => c.id)).toEqual(['necessary', 'advertising', 'functional']);
    expect(config.optional).toEqual(['advertising', 'functional']);
    expect(config.categories[2]!.default).toBe(false);
  });

  it('compiles regex declarations', () => {
    const config = resolveConfig({ categories: { analytics: { cookies: ['_ga', '/^_ga_/', { name: '/^_gid$/i' }], storage: ['/^amp_/'] } } });
    const analytics = config.categories[1]!;
    expect(analytics.cookies[0]!.pattern).toBe('_ga');
    expect(analytics.cookies[1]!.pattern).toBeInstanceOf(RegExp);
    expect((analytics.cookies[2]!.pattern as RegExp).flags).toBe('i');
    expect(analytics.storage[0]).toBeInstanceOf(RegExp);
  });
});
