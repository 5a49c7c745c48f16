import { describe, expect, it } from 'vitest';
import { cookieCatalogueEntries, decodeCookies } from '../../src/catalogues/cookies';
import { COOKIE_DATA } from '../../src/catalogues/cookies.generated';
import { catalogue } from '../../src/cookies/catalogue';
import { findEntry } from '../../src/cookies/scan';

const find = (name: string) => findEntry(cookieCatalogueEntries(), name);

describe('generated cookie catalogue', () => {
  it('classifies well-known cookies', () => {
    expect(find('_ga')).toMatchObject({ category: 'analytics', vendor: 'Google Analytics', lifetime: '2 years' });
    expect(find('_ga_ABC123')).toMatchObject({ category: 'analytics', vendor: 'Google Analytics' });
    expect(find('_fbp')).toMatchObject({ category: 'advertising', vendor: 'Meta' });
    expect(find('IDE')).toMatchObject({ category: 'advertising', vendor: 'Google DoubleClick' });
    expect(find('_hjSessionUser_123')).toMatchObject({ category: 'analytics', vendor: 'Hotjar' });
    expect(find('_gcl_aw')).toMatchObject({ category: 'advertising' });
    expect(find('_pk_id.1.abcd')).toMatchObject({ category: 'analytics', vendor: 'Matomo' });
    expect(find('_uetvid')).toMatchObject({ category: 'advertising' });
    expect(find('YSC')).toMatchObject({ category: 'social', vendor: 'YouTube' });
  });

  it('adds Open Cookie Database entries the hand-made table lacks', () => {
    expect(find('_gac_UA-1234')).toMatchObject({ category: 'advertising', vendor: 'Google Analytics' });
    expect(find('_cs_id')).toMatchObject({ category: 'analytics', vendor: 'ContentSquare' });
    expect(find('_lo_uid')).toMatchObject({ category: 'analytics', vendor: 'Lucky Orange' });
    expect(find('_sp_id.1fff')).toMatchObject({ category: 'analytics', vendor: 'Snowplow' });
    expect(find('_scid_r')).toMatchObject({ category: 'advertising', vendor: 'Snap' });
  });

  it('keeps every hand-made entry, with its purpose and lifetime', () => {
    const generated = cookieCatalogueEntries();
    for (const entry of catalogue()) expect(generated).toContainEqual(entry);
    expect(generated.slice(0, catalogue().length)).toEqual(catalogue());
  });

  it('leaves out generic names and cookies of unknown sites', () => {
    expect(find('token')).toBeUndefined();
    expect(find('uid')).toBeUndefined();
    expect(find('europe')).toBeUndefined();
    expect(find('session')).toBeUndefined();
    expect(find('my_app_pref')).toBeUndefined();
  });

  it('gives every entry a valid category and a vendor', () => {
    for (const entry of cookieCatalogueEntries()) {
      expect(['necessary', 'functional', 'analytics', 'advertising', 'social']).toContain(entry.category);
      expect(entry.vendor).not.toBe('');
    }
  });

  it('compiles every pattern (decoding drops a pattern that does not compile)', () => {
    const lines = COOKIE_DATA.split('\n').filter((line) => line[0] !== '#');
    expect(cookieCatalogueEntries()).toHaveLength(lines.length);
    expect(decodeCookies('#V\na/^ok_/ Fine\na/^[/ Broken')).toHaveLength(1);
  });

  it('decodes names without purpose, with lifetime only, and with both', () => {
    expect(decodeCookies('#Vendor\ndbare\nd/^pre_/ |1 day\nafull Visitor ID|2 years')).toEqual([
      { pattern: 'bare', category: 'advertising', vendor: 'Vendor' },
      { pattern: /^pre_/, category: 'advertising', vendor: 'Vendor', lifetime: '1 day' },
      { pattern: 'full', category: 'analytics', vendor: 'Vendor', purpose: 'Visitor ID', lifetime: '2 years' },
    ]);
  });
});
