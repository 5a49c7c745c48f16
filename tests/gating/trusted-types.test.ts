import { describe, expect, it } from 'vitest';
import { scriptTrust } from '../../src/gating/trusted-types';

/** A stand-in for the browser's `trustedTypes`, recording the policy the library makes. */
function fakeView() {
  const made: Array<{ name: string; rules: { createScript(s: string): string; createScriptURL(s: string): string } }> = [];
  const view = {
    trustedTypes: {
      createPolicy(name: string, rules: { createScript(s: string): string; createScriptURL(s: string): string }) {
        if (made.some((policy) => policy.name === name)) throw new TypeError('duplicate policy');
        made.push({ name, rules });
        return { createScript: (s: string) => ({ trusted: rules.createScript(s) }), createScriptURL: (s: string) => ({ trusted: rules.createScriptURL(s) }) };
      },
    },
  };
  return { view: view as unknown as Window, made };
}

describe('the consent-gate Trusted Types policy (Trusted Types)', () => {
  it('is made once per page, named consent-gate, and shared by every caller', () => {
    const { view, made } = fakeView();
    expect(scriptTrust(view)).toBe(scriptTrust(view));
    expect(made.map((policy) => policy.name)).toEqual(['consent-gate']);
  });

  it('turns the value the library is assigning into a trusted value', () => {
    const { view } = fakeView();
    expect(scriptTrust(view).url('https://ads.example/tag.js')).toEqual({ trusted: 'https://ads.example/tag.js' });
    expect(scriptTrust(view).text('window.x = 1;')).toEqual({ trusted: 'window.x = 1;' });
  });

  it('passes no other string: the policy itself refuses anything it was not handed by the library', () => {
    const { view, made } = fakeView();
    scriptTrust(view);
    const rules = made[0]!.rules;
    expect(() => rules.createScriptURL('https://evil.example/x.js')).toThrow(TypeError);
    expect(() => rules.createScript('alert(1)')).toThrow(TypeError);
  });

  it('falls back to plain strings where the page has no Trusted Types', () => {
    expect(scriptTrust({} as Window).url('/a.js')).toBe('/a.js');
  });
});
