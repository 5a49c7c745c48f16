/**
 * The main file lends its parts the code it carries anyway (src/script-tag/shared.ts); the part
 * build reads that file's imports to know which module each lent name comes from
 * (scripts/shared-modules.mjs). Both must name the same things, or a part would read undefined.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedNames } from '../../scripts/shared-modules.mjs';
import { SHARED } from '../../src/script-tag/shared';

describe('what the main file lends its parts', () => {
  it('lends exactly the names the part build replaces', () => {
    const replaced = [...sharedNames(path.resolve(__dirname, '../..')).values()].flat();
    expect(replaced.sort()).toEqual(Object.keys(SHARED).sort());
  });

  it('lends functions and values, never undefined', () => {
    for (const [name, value] of Object.entries(SHARED)) expect(value, name).toBeDefined();
  });
});
