import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashShownTexts, type ShownTexts } from '../../src/log/texts-hash';

const shown: ShownTexts = {
  texts: { bannerTitle: 'Cookies', acceptAll: 'Accept all' },
  categories: [{ id: 'necessary', label: 'Necessary', description: 'Needed' }],
  vendors: ['Google'],
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the hash of what a visitor was shown', () => {
  it('is the SHA-256 hex of the canonical JSON (RFC 8785) of texts, categories and vendors', async () => {
    const canonical =
      '{"categories":[{"description":"Needed","id":"necessary","label":"Necessary"}],"texts":{"acceptAll":"Accept all","bannerTitle":"Cookies"},"vendors":["Google"]}';
    expect(await hashShownTexts(shown)).toBe(sha256(canonical));
  });

  it('does not depend on the order of keys, and ignores anything else passed along', async () => {
    const reordered = { vendors: ['Google'], extra: 'ignored', categories: [{ label: 'Necessary', description: 'Needed', id: 'necessary' }], texts: { acceptAll: 'Accept all', bannerTitle: 'Cookies' } };
    expect(await hashShownTexts(reordered as ShownTexts)).toBe(await hashShownTexts(shown));
  });

  it('changes with any shown word, and with the order of categories and vendors', async () => {
    const base = await hashShownTexts(shown);
    expect(await hashShownTexts({ ...shown, texts: { ...shown.texts, acceptAll: 'Accept All' } })).not.toBe(base);
    expect(await hashShownTexts({ ...shown, vendors: ['Google', 'Meta'] })).not.toBe(await hashShownTexts({ ...shown, vendors: ['Meta', 'Google'] }));
  });
});
