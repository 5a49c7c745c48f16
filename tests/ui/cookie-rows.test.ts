import { describe, expect, it } from 'vitest';
import { displayName } from '../../src/ui/cookie-rows';

describe('readable cookie names', () => {
  it('keeps an exact name as it is', () => {
    expect(displayName('_ga')).toBe('_ga');
    expect(displayName('session_id')).toBe('session_id');
  });

  it('shows a prefix regex as the prefix and a star', () => {
    expect(displayName('/^_ga_/')).toBe('_ga_*');
    expect(displayName('/^_pk_id\\./')).toBe('_pk_id.*');
    expect(displayName('/^_gat_/i')).toBe('_gat_*');
  });

  it('shows an anchored exact regex without a star', () => {
    expect(displayName('/^_fbp$/')).toBe('_fbp');
  });

  it('shows a trailing ".*" or ".+" as a star', () => {
    expect(displayName('/^_hj.*/')).toBe('_hj*');
    expect(displayName('/^_hj.+/')).toBe('_hj*');
  });

  it('keeps the star for a prefix regex anchored at the end with ".*$" or ".+$"', () => {
    // `/^_gcl_.*$/` matches every name starting with `_gcl_`, like `/^_gcl_/`.
    expect(displayName('/^_gcl_.*$/')).toBe('_gcl_*');
    expect(displayName('/^_hj.+$/')).toBe('_hj*');
  });
});
