import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import type { StoredDecision } from '../../src/core/record';
import { createStores } from '../../src/core/stores';

const config = resolveConfig({ mode: 'opt-out', categories: { functional: {}, advertising: {} } });
const decision: StoredDecision = {
  revision: 0,
  timestamp: 1_790_000_000,
  id: '0b7e4a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  method: 'custom',
  gpc: false,
  allowed: ['advertising'],
  denied: ['functional'],
};

describe("the instance's stores", () => {
  it('start from the stored decision, with no surface open', () => {
    const stores = createStores(config, decision, false);
    expect(stores.$decision.get()).toBe(decision);
    expect(stores.$consent.get()).toMatchObject({ decided: true, categories: { necessary: true, functional: false, advertising: true } });
    expect(stores.$surface.get()).toBeNull();
  });

  it('derive the consent from the mode and the privacy signal while nothing is decided', () => {
    expect(createStores(config, null, false).$consent.get().categories).toEqual({ necessary: true, functional: true, advertising: true });
    expect(createStores(config, null, true).$consent.get()).toMatchObject({ gpc: true, categories: { functional: true, advertising: false } });
  });

  it('re-derive the consent on every decision; a listener of the consent reads the decision that caused it', () => {
    const stores = createStores(config, null, false);
    const seen: Array<[boolean, StoredDecision | null]> = [];
    stores.$consent.listen((state) => seen.push([state.categories.functional!, stores.$decision.get()]));
    stores.$decision.set(decision);
    stores.$decision.set(null);
    expect(seen).toEqual([
      [false, decision],
      [true, null],
    ]);
  });

  it('are separate per instance: two instances never share state', () => {
    const one = createStores(config, null, false);
    const two = createStores(config, null, false);
    one.$decision.set(decision);
    one.$surface.set('banner');
    expect(two.$decision.get()).toBeNull();
    expect(two.$consent.get().decided).toBe(false);
    expect(two.$surface.get()).toBeNull();
  });
});
