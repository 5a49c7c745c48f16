import { describe, expect, it } from 'vitest';
import { acceptAutoBlock } from '../../src/autoblock/install';
import { checkConfig } from '../../src/config/checks';
import { validateConfig } from '../../src/config/messages';

// Registration is per bundle (module state), so the order of these tests matters.
describe('the autoBlock key', () => {
  it('is unknown to builds without automatic blocking, and the full report names the build that has it', () => {
    expect(checkConfig({ autoBlock: true })).toEqual([expect.objectContaining({ path: 'autoBlock', code: 'unknown' })]);
    const [problem] = validateConfig({ autoBlock: true });
    expect(problem?.message).toMatch(/consent-gate\.autoblock\.iife\.js/);
    expect(problem?.message).toMatch(/installAutoBlock/);
  });

  it('is accepted as true, false or { debug } once the bundle has automatic blocking', () => {
    acceptAutoBlock();
    expect(checkConfig({ autoBlock: true })).toEqual([]);
    expect(checkConfig({ autoBlock: false })).toEqual([]);
    expect(checkConfig({ autoBlock: { debug: true } })).toEqual([]);
    expect(checkConfig({ autoBlock: { debgu: true } })).toEqual([expect.objectContaining({ path: 'autoBlock.debgu', code: 'unknown' })]);
    expect(checkConfig({ autoBlock: 'yes' })).toEqual([expect.objectContaining({ path: 'autoBlock', code: 'object' })]);
  });
});
