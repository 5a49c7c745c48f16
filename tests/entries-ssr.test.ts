// @vitest-environment node
/**
 * Server rendering (README, "For developers: npm": importing any entry touches no `window` or
 * `document`): every public entry imports in plain Node, where there is no `window` or
 * `document`, and reads neither while loading. The built files are checked the same way in a real
 * Node process by tests/browser/package.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

/** Browser globals an import must not reach for. */
const BROWSER_GLOBALS = ['window', 'document', 'self', 'location', 'localStorage', 'sessionStorage', 'customElements', 'HTMLElement'] as const;

/**
 * Turns each browser global into a getter that records the read and answers `undefined`, as Node
 * would, so a module that merely looks (`typeof window`) is caught as well as one that would throw.
 */
function recordBrowserGlobals(): string[] {
  const touched: string[] = [];
  for (const name of BROWSER_GLOBALS) {
    expect(name in globalThis, `${name} exists in this Node environment`).toBe(false);
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
  return touched;
}

afterEach(() => {
  for (const name of BROWSER_GLOBALS) delete (globalThis as Record<string, unknown>)[name];
});

const ENTRIES = {
  'consent-gate': () => import('../src/index'),
  'consent-gate/headless': () => import('../src/headless'),
  'consent-gate/catalogue': () => import('../src/catalogue'),
  'consent-gate/locales/de': () => import('../src/i18n/locales/de'),
  'consent-gate/locales/ja': () => import('../src/i18n/locales/ja'),
};

const EXPORTS: Record<keyof typeof ENTRIES, Record<string, string>> = {
  'consent-gate': { createConsentGate: 'function', createConsent: 'function', ConsentGateConfigError: 'function', validateConfig: 'function', createMemoryStorage: 'function', cookieCatalogue: 'function', findInCatalogue: 'function' },
  'consent-gate/headless': { createConsent: 'function', ConsentGateConfigError: 'function', validateConfig: 'function', createMemoryStorage: 'function' },
  'consent-gate/catalogue': { cookieCatalogue: 'function', findInCatalogue: 'function' },
  'consent-gate/locales/de': { default: 'object' },
  'consent-gate/locales/ja': { default: 'object' },
};

describe('importing every entry with no window (server rendering)', () => {
  for (const [entry, load] of Object.entries(ENTRIES) as Array<[keyof typeof ENTRIES, () => Promise<Record<string, unknown>>]>) {
    it(`${entry} imports in Node, reads no browser global while loading, and has its exports`, async () => {
      vi.resetModules();
      const touched = recordBrowserGlobals();
      const module = await load();
      expect(touched, `browser globals read while importing ${entry}`).toEqual([]);
      const types = Object.fromEntries(Object.keys(EXPORTS[entry]).map((name) => [name, typeof module[name]]));
      expect(types).toEqual(EXPORTS[entry]);
    });
  }

  it('creating an instance is what needs a document: validation and the catalogue work on the server', async () => {
    vi.resetModules();
    const touched = recordBrowserGlobals();
    const { validateConfig, cookieCatalogue } = await import('../src/index');
    expect(validateConfig({ categories: { advertising: {} } })).toEqual([]);
    expect(cookieCatalogue().length).toBeGreaterThan(0);
    expect(touched).toEqual([]);
  });
});
