// Type-level specifications of the public API, checked by `tsc --noEmit` (npm run typecheck):
// misuse must not compile.
import { describe, expectTypeOf, it } from 'vitest';
import { createConsentGate, type ConsentGateConfig, type ConsentState } from '../src/index';
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
