import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../src/storage/decision-storage';

describe('memory storage for the decision (tests, server-side use)', () => {
  it('starts with the given values and keeps one value per write', () => {
    const storage = createMemoryStorage(['a', 'b']);
    expect(storage.read()).toEqual(['a', 'b']);
    expect(storage.write('c')).toBe(true);
    expect(storage.read()).toEqual(['c']);
  });

  it('clears every value', () => {
    const storage = createMemoryStorage(['a']);
    storage.clear();
    expect(storage.read()).toEqual([]);
  });

  it('hands out copies: changing what was read or given changes nothing stored', () => {
    const initial = ['a'];
    const storage = createMemoryStorage(initial);
    initial.push('b');
    storage.read().push('c');
    expect(storage.read()).toEqual(['a']);
  });
});
