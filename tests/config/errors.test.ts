import { describe, expect, it } from 'vitest';
import { ConsentGateConfigError } from '../../src/config/errors';

describe('the config error', () => {
  it('lists every problem on its own line with its path, and counts them', () => {
    const error = new ConsentGateConfigError([
      { path: 'mode', message: 'must be "opt-in" or "opt-out"' },
      { path: 'categories.ads.cookies[2]', message: 'must be a string' },
    ]);
    expect(error.message).toBe('Invalid Consent Gate config (2 problems):\n  mode: must be "opt-in" or "opt-out"\n  categories.ads.cookies[2]: must be a string');
    expect(error.problems).toHaveLength(2);
  });

  it('says "problem" for one', () => {
    expect(new ConsentGateConfigError([{ path: 'revision', message: 'must be a whole number' }]).message).toMatch(/^Invalid Consent Gate config \(1 problem\):/);
  });

  it('is an Error named ConsentGateConfigError that keeps the config it was given', () => {
    const config = { mode: 'maybe' };
    const error = new ConsentGateConfigError([], config);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConsentGateConfigError');
    expect(error.config).toBe(config);
  });
});
