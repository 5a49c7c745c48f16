import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, withinOneEdit } from '../../src/config/did-you-mean';

describe('the edit distance for typos', () => {
  it('counts a dropped, added or changed letter, and a swapped neighbour pair, as one edit each', () => {
    expect(editDistance('analytics', 'analytic')).toBe(1);
    expect(editDistance('analytics', 'analyticss')).toBe(1);
    expect(editDistance('analytics', 'analytixs')).toBe(1);
    expect(editDistance('analytics', 'anlaytics')).toBe(1);
    expect(editDistance('ads', 'advertising')).toBe(8);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('withinOneEdit: the near-miss test every build carries', () => {
  it('says what editDistance <= 1 says (Damerau-Levenshtein, optimal string alignment), without its table', () => {
    // A small alphabet, so that near and far pairs both come up often.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });
    let near = 0;
    fc.assert(
      fc.property(word, word, (a, b) => {
        if (editDistance(a, b) <= 1) near++;
        expect(withinOneEdit(a, b)).toBe(editDistance(a, b) <= 1);
      }),
      { numRuns: 3000 },
    );
    expect(near).toBeGreaterThan(100);
    expect([withinOneEdit('analytcs', 'analytics'), withinOneEdit('anlaytics', 'analytics'), withinOneEdit('socail', 'social'), withinOneEdit('ads', 'advertising')]).toEqual([true, true, true, false]);
  });
});

describe('did you mean', () => {
  it('suggests the closest known word, ignoring case', () => {
    expect(didYouMean('anlaytics', ['functional', 'analytics', 'advertising'])).toBe('analytics');
    expect(didYouMean('ADVERTISNG', ['analytics', 'advertising'])).toBe('advertising');
  });

  it('suggests nothing for a word too far from every known one', () => {
    expect(didYouMean('marketing', ['analytics', 'advertising'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });

  it('allows more edits for longer words (a third of the length, at least two)', () => {
    expect(didYouMean('ab', ['xy'])).toBe('xy');
    expect(didYouMean('privacyPolicy', ['privacyPolicyUrl'])).toBe('privacyPolicyUrl');
    expect(didYouMean('abcdef', ['uvwdef'])).toBeUndefined();
  });
});
