import { describe, expect, it } from 'vitest';
import { compilePattern, isRegexForm, matchesPattern } from '../../src/config/patterns';

describe('cookie and storage name patterns', () => {
  it('reads a string that starts and ends with "/" (optionally "/i") as a regex, anything else as a name', () => {
    expect(isRegexForm('/^_ga_/')).toBe(true);
    expect(isRegexForm('/^_ga_/i')).toBe(true);
    expect(isRegexForm('/^_ga_/g')).toBe(false);
    expect(isRegexForm('_ga')).toBe(false);
    expect(isRegexForm('//')).toBe(false);
  });

  it('compiles regexes, keeps exact names as strings, and returns the error of a regex that does not compile', () => {
    expect(compilePattern('_ga')).toBe('_ga');
    const regex = compilePattern('/^_GA_/i') as RegExp;
    expect(regex).toBeInstanceOf(RegExp);
    expect(regex.flags).toBe('i');
    expect(compilePattern('/(/')).toBeInstanceOf(Error);
  });

  it('matches an exact name exactly, and a regex wherever it matches', () => {
    expect(matchesPattern('_ga', '_ga')).toBe(true);
    expect(matchesPattern('_ga_1', '_ga')).toBe(false);
    expect(matchesPattern('_ga_1', compilePattern('/^_ga_/') as RegExp)).toBe(true);
    expect(matchesPattern('x_ga_1', compilePattern('/^_ga_/') as RegExp)).toBe(false);
  });

  it('gives the same answer every time for a global regex (its lastIndex is reset)', () => {
    const pattern = /_ga/g;
    expect([matchesPattern('_ga', pattern), matchesPattern('_ga', pattern), matchesPattern('_ga', pattern)]).toEqual([true, true, true]);
  });
});
