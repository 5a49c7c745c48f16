import { describe, expect, it } from 'vitest';
import { fill } from '../../src/core/fill';

describe('placeholders', () => {
  it('fills known placeholders and leaves unknown and inherited ones as written', () => {
    expect(fill('{a} and {b} and {toString}', { a: 'A' })).toBe('A and {b} and {toString}');
  });

  it('inserts values literally, never as replacement patterns', () => {
    expect(fill('{a}', { a: '$& $1' })).toBe('$& $1');
  });
});
