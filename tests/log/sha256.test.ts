import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Fallback, sha256Hex } from '../../src/log/sha256';

const nodeHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('SHA-256 for the texts hash', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(sha256Fallback(encode(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Fallback(encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Fallback(encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('the fallback (for plain-http pages without crypto.subtle) agrees with Node on any input, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Fallback(bytes)).toBe(nodeHash(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes UTF-8 text with crypto.subtle where it exists', async () => {
    expect(await sha256Hex('Cookie-Einwilligung “ja”')).toBe(nodeHash(new TextEncoder().encode('Cookie-Einwilligung “ja”')));
  });
});
