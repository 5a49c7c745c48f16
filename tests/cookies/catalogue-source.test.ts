import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../../src/cookies/catalogue';
import { catalogueSource } from '../../src/cookies/catalogue-source';

const ENTRIES: CatalogueEntry[] = [{ pattern: '_ga', category: 'analytics', vendor: 'Google Analytics' }];

describe('where an instance gets the cookie catalogue', () => {
  it('has a table given up front at hand at once', async () => {
    const source = catalogueSource(ENTRIES);
    expect(source.current()).toBe(ENTRIES);
    await expect(source.load()).resolves.toBe(ENTRIES);
  });

  it('is an empty table without the option', () => {
    expect(catalogueSource().current()).toEqual([]);
  });

  it('calls a loader only on first need, once, and remembers what it loaded', async () => {
    let calls = 0;
    const source = catalogueSource(async () => (calls++, ENTRIES));
    expect(calls).toBe(0);
    expect(source.current()).toBeUndefined();
    const [first, second] = await Promise.all([source.load(), source.load()]);
    expect(first).toBe(ENTRIES);
    expect(second).toBe(ENTRIES);
    expect(source.current()).toBe(ENTRIES);
    await source.load();
    expect(calls).toBe(1);
  });
});
