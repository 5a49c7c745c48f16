import { describe, expect, it } from 'vitest';
import { autoBlockFeature } from '../../src/autoblock/install';
import { checkConfig } from '../../src/config/checks';
import { validateConfig } from '../../src/config/messages';
import { createLogger } from '../../src/core/logger';

// The key belongs to the feature, not to the bundle: a check knows it only when given the feature.
const features = [autoBlockFeature({ logger: createLogger(), debug: false, report: () => Promise.reject(new Error('not loaded')) })];

describe('the autoBlock key', () => {
  it('is unknown to builds without automatic blocking, and the full report names the build that has it', () => {
    expect(checkConfig({ autoBlock: true })).toEqual([expect.objectContaining({ path: 'autoBlock', code: 'unknown' })]);
    const [problem] = validateConfig({ autoBlock: true });
    expect(problem?.message).toMatch(/consent-gate\.autoblock\.iife\.js/);
    expect(problem?.message).toMatch(/installAutoBlock/);
  });

  it('is accepted as true, false or { debug } by a check given the automatic-blocking feature', () => {
    expect(checkConfig({ autoBlock: true }, { features })).toEqual([]);
    expect(checkConfig({ autoBlock: false }, { features })).toEqual([]);
    expect(checkConfig({ autoBlock: { debug: true } }, { features })).toEqual([]);
    expect(checkConfig({ autoBlock: { debgu: true } }, { features })).toEqual([expect.objectContaining({ path: 'autoBlock.debgu', code: 'unknown' })]);
    expect(checkConfig({ autoBlock: 'yes' }, { features })).toEqual([expect.objectContaining({ path: 'autoBlock', code: 'object' })]);
  });

  it('stays unknown to a check without the feature after one with it ran (no module state)', () => {
    expect(checkConfig({ autoBlock: true }, { features })).toEqual([]);
    expect(checkConfig({ autoBlock: true })).toEqual([expect.objectContaining({ path: 'autoBlock', code: 'unknown' })]);
  });
});
