import { describe, expect, it } from 'vitest';
import { regressions } from '../../scripts/size.mjs';

describe('the size check (scripts/size.mjs)', () => {
  it('passes files at or under their recorded figure', () => {
    expect(regressions({ 'parts/dialog.js': 7990, headless: 8000 }, { 'parts/dialog.js': 7990, headless: 8935 })).toEqual([]);
  });

  it('fails a file that grew past its recorded figure, naming it and the growth', () => {
    expect(regressions({ 'consent-gate.iife.js': 14250 }, { 'consent-gate.iife.js': 14247 })).toEqual([
      'size: consent-gate.iife.js grew from 14247 B to 14250 B (+3 B)',
    ]);
  });

  it('fails a shipped file that has no recorded figure, so a new file is recorded on purpose', () => {
    expect(regressions({ 'parts/signals.js': 300 }, {})).toEqual([
      'size: parts/signals.js (300 B) has no recorded figure in scripts/size-recorded.json',
    ]);
  });
});
