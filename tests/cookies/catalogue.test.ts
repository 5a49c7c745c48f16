import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHandMade } from '../../scripts/catalogues/cookies.mjs';
import { compilePattern } from '../../src/config/patterns';
import { catalogue, findInCatalogue } from '../../src/cookies/catalogue';

/** The hand-made table (data/cookies.curated.txt), as the generator reads it. */
const handMade = () => parseHandMade(readFileSync(path.resolve(__dirname, '../../data/cookies.curated.txt'), 'utf8'));

const CATEGORIES = ['analytics', 'advertising', 'social', 'functional'];

describe('cookie catalogue', () => {
  it('lists at least 65 well-known cookies', () => {
    expect(catalogue().length).toBeGreaterThanOrEqual(65);
  });

  it('gives every entry a vendor and a known category, and every hand-made entry a purpose', () => {
    for (const entry of catalogue()) {
      expect(entry.vendor, String(entry.pattern)).toMatch(/\S/);
      expect(CATEGORIES, String(entry.pattern)).toContain(entry.category);
      if ('lifetime' in entry) expect(entry.lifetime).toMatch(/\S/);
    }
    // The Open Cookie Database's purposes stay in the full table for tools (data/cookies.full.json),
    // out of the browser subset, to keep the catalogue part small; its lifetimes are free text.
    for (const entry of handMade()) {
      expect(entry.purpose, String(entry.pattern)).toMatch(/\S/);
      if ('lifetime' in entry) expect(entry.lifetime).toMatch(/^(Session|\d+ (minutes?|hours?|days?|weeks?|months?|years?))$/);
    }
  });

  it('is the hand-made table first (it wins), then the open-data subset', () => {
    const all = catalogue();
    const hand = handMade();
    expect(all.length).toBeGreaterThan(hand.length + 100);
    expect(all.slice(0, hand.length).map((entry) => String(entry.pattern))).toEqual(hand.map((entry) => String(entry.pattern)));
  });

  it('compiles every pattern: plain names stay strings, /regex/ forms become RegExps', () => {
    for (const entry of catalogue()) {
      if (typeof entry.pattern === 'string') {
        expect(entry.pattern).toMatch(/^[^\s/|]+$/);
        expect(compilePattern(entry.pattern)).toBe(entry.pattern);
      } else {
        expect(entry.pattern).toBeInstanceOf(RegExp);
      }
    }
    expect(catalogue().filter((entry) => entry.pattern instanceof RegExp).length).toBeGreaterThan(10);
  });

  it('never lets two entries claim the same exact name', () => {
    const names = catalogue().flatMap((entry) => (typeof entry.pattern === 'string' ? [entry.pattern] : []));
    expect(new Set(names).size).toBe(names.length);
  });

  it('expands once and returns the same frozen table on every call', () => {
    expect(catalogue()).toBe(catalogue());
    expect(Object.isFrozen(catalogue())).toBe(true);
    expect(Object.isFrozen(catalogue()[0])).toBe(true);
  });

  it('finds Google Analytics 4 session cookies by pattern', () => {
    expect(findInCatalogue('_ga_ABC123')).toMatchObject({
      category: 'analytics',
      vendor: 'Google Analytics',
      lifetime: '2 years',
    });
    expect(findInCatalogue('_ga')).toMatchObject({ pattern: '_ga', category: 'analytics', vendor: 'Google Analytics' });
  });

  it('knows the Meta pixel cookie as advertising', () => {
    expect(findInCatalogue('_fbp')).toMatchObject({ category: 'advertising', vendor: 'Meta', lifetime: '90 days' });
  });

  it('prefers an exact name over a pattern that also matches it', () => {
    expect(findInCatalogue('_gcl_au')).toMatchObject({ pattern: '_gcl_au' });
    expect(findInCatalogue('_gcl_aw')).toMatchObject({ vendor: 'Google Ads', category: 'advertising' });
    expect(findInCatalogue('_ym_uid')).toMatchObject({ pattern: '_ym_uid', lifetime: '1 year' });
  });

  it('takes the narrower pattern before the broader one', () => {
    expect(findInCatalogue('_hjSessionUser_123')).toMatchObject({ vendor: 'Hotjar', lifetime: '1 year' });
    expect(findInCatalogue('_hjSession_123')).toMatchObject({ vendor: 'Hotjar', lifetime: '30 minutes' });
    expect(findInCatalogue('_hjTLDTest')).toMatchObject({ vendor: 'Hotjar', category: 'analytics' });
  });

  it('covers the major vendors with their usual categories', () => {
    const expected: Array<[string, string, string]> = [
      ['_gid', 'Google Analytics', 'analytics'],
      ['__utmz', 'Google Analytics', 'analytics'],
      ['IDE', 'Google DoubleClick', 'advertising'],
      ['__gads', 'Google AdSense', 'advertising'],
      ['_clck', 'Microsoft Clarity', 'analytics'],
      ['_uetvid', 'Microsoft Advertising', 'advertising'],
      ['_pk_id.1.abcd', 'Matomo', 'analytics'],
      ['MATOMO_SESSID', 'Matomo', 'analytics'],
      ['AMCV_ABC%40AdobeOrg', 'Adobe', 'analytics'],
      ['hubspotutk', 'HubSpot', 'analytics'],
      ['li_fat_id', 'LinkedIn', 'advertising'],
      ['_tt_enable_cookie', 'TikTok', 'advertising'],
      ['personalization_id', 'X (Twitter)', 'advertising'],
      ['_pin_unauth', 'Pinterest', 'advertising'],
      ['cto_bundle', 'Criteo', 'advertising'],
      ['ad-id', 'Amazon Ads', 'advertising'],
      ['_ym_d', 'Yandex Metrica', 'analytics'],
      ['yt-remote-device-id', 'YouTube', 'social'],
      ['mp_0123abcd_mixpanel', 'Mixpanel', 'analytics'],
      ['AMP_0123456789', 'Amplitude', 'analytics'],
      ['intercom-id-abc123', 'Intercom', 'functional'],
      ['__stid', 'ShareThis', 'social'],
      ['disqus_unique', 'Disqus', 'social'],
      ['_hp2_id.12345', 'Heap', 'analytics'],
      ['_rdt_uuid', 'Reddit', 'advertising'],
      ['VISITOR_INFO1_LIVE', 'YouTube', 'social'],
    ];
    for (const [name, vendor, category] of expected) {
      expect(findInCatalogue(name), name).toMatchObject({ vendor, category });
    }
  });

  it('does not catalogue cookies it does not know, nor near misses of its patterns', () => {
    expect(findInCatalogue('session_id')).toBeUndefined();
    expect(findInCatalogue('consent_gate')).toBeUndefined();
    expect(findInCatalogue('x_ga')).toBeUndefined();
    expect(findInCatalogue('mp_abc_mixpanel_extra')).toBeUndefined();
    expect(findInCatalogue('_hp2_idx12')).toBeUndefined();
  });

  it('leaves strictly necessary cookies such as payment fraud prevention out', () => {
    expect(findInCatalogue('__stripe_mid')).toBeUndefined();
    expect(findInCatalogue('__cf_bm')).toBeUndefined();
  });
});

describe('the hand-made table, data/cookies.curated.txt', () => {
  it('reads vendor blocks and entries, skipping blank lines', () => {
    expect(parseHandMade('#Example\n\na_ex Visitor ID|1 year\nd/^_ex_/ Ad state\n')).toEqual([
      { pattern: '_ex', category: 'analytics', vendor: 'Example', purpose: 'Visitor ID', lifetime: '1 year', source: 'hand-made' },
      { pattern: '/^_ex_/', category: 'advertising', vendor: 'Example', purpose: 'Ad state', source: 'hand-made' },
    ]);
  });

  it('refuses a line out of format, naming it, rather than building a wrong catalogue', () => {
    expect(() => parseHandMade('#Example\nx_ex Visitor ID')).toThrow(/"x_ex Visitor ID" is not/);
    expect(() => parseHandMade('a_ex Visitor ID')).toThrow(/under a "#Vendor" line/);
    expect(() => parseHandMade('#Example\na_ex')).toThrow(/is not/);
  });
});

