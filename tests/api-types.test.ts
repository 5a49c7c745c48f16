// Type-level specifications of the public API, checked by `tsc --noEmit` (npm run typecheck):
// misuse must not compile.
import { describe, expectTypeOf, it } from 'vitest';
import { createConsentGate, type ConsentGateConfig, type ConsentState, type TextKey } from '../src/index';
import type { TEXT_KEYS } from '../src/config/text-keys';
import { createConsent } from '../src/headless';

describe('public types', () => {
  it('narrows category ids to the configured ones (and necessary)', () => {
    const typed = () => {
      const gate = createConsent({ categories: { analytics: {}, advertising: {} } });
      gate.allowed('analytics');
      gate.allowed('necessary');
      // @ts-expect-error: "social" is not configured
      gate.allowed('social');
      // @ts-expect-error: not a configured category
      gate.set({ marketing: true });
      gate.set({ advertising: false });
    };
    expectTypeOf(typed).toBeFunction();
  });

  it('takes any id when the category ids are not known at compile time', () => {
    const typed = () => {
      const config: ConsentGateConfig = JSON.parse('{"categories":{"analytics":{}}}') as ConsentGateConfig;
      createConsentGate(config).allowed('analytics');
      createConsent(config).set({ chat: true });
      expectTypeOf(createConsent(config).allowed).parameter(0).toEqualTypeOf<string>();
      // Without categories, only necessary is known.
      // @ts-expect-error: no category configured
      createConsent({}).allowed('analytics');
    };
    expectTypeOf(typed).toBeFunction();
  });

  it('types the keys of texts: a misspelled key does not compile', () => {
    const typed = () => {
      const ok: ConsentGateConfig = { texts: { en: { acceptAll: 'OK' }, 'pt-BR': { rejectAll: 'Recusar' } } };
      // @ts-expect-error: "acceptAl" is not a text key
      const typo: ConsentGateConfig = { texts: { en: { acceptAl: 'OK' } } };
      expectTypeOf<TextKey>().toEqualTypeOf<(typeof TEXT_KEYS)[number]>();
      return [ok, typo];
    };
    expectTypeOf(typed).toBeFunction();
  });

  it('exposes the consent store read-only', () => {
    const typed = () => {
      const gate = createConsentGate({ categories: { social: {} } });
      expectTypeOf(gate.$consent.get()).toEqualTypeOf<ConsentState>();
      // @ts-expect-error: the store has no public setter
      gate.$consent.set(gate.get());
    };
    expectTypeOf(typed).toBeFunction();
  });

  it('rejects config fields of the wrong type', () => {
    // @ts-expect-error: mode is 'opt-in' | 'opt-out'
    const wrongMode: ConsentGateConfig = { mode: 'notice' };
    // @ts-expect-error: days is a number
    const wrongDays: ConsentGateConfig = { cookie: { days: '182' } };
    expectTypeOf(wrongMode).toEqualTypeOf<ConsentGateConfig>();
    expectTypeOf(wrongDays).toEqualTypeOf<ConsentGateConfig>();
  });
});
