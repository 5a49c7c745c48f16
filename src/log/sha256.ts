/**
 * SHA-256 as lowercase hex: the browser's `crypto.subtle` where it exists (secure contexts),
 * else a small implementation of FIPS 180-4, so plain-http pages hash the same way.
 */
/** The first `count` prime numbers. */
function primes(count: number): number[] {
  const found: number[] = [];
  for (let n = 2; found.length < count; n++) {
    if (found.every((prime) => n % prime !== 0)) found.push(n);
  }
  return found;
}

/**
 * The first 32 bits of the fractional part of the square (2) or cube (3) root of `n`, exactly:
 * the integer root of n·2^(32·degree), found by Newton's method on BigInts (which, started above
 * the root, descends to its floor), keeps those bits in its low 32. Floating point would round.
 */
function rootFractionBits(n: number, degree: 2 | 3): number {
  const target = BigInt(n) << BigInt(32 * degree);
  const k = BigInt(degree);
  let root = BigInt(Math.ceil(n ** (1 / degree) * 2 ** 32)) + 2n;
  for (;;) {
    const next = ((k - 1n) * root + target / root ** (k - 1n)) / k;
    if (next >= root) return Number(root & 0xffffffffn);
    root = next;
  }
}

// The constants as FIPS 180-4 defines them, computed rather than listed: 72 ten-digit numbers
// are a fifth of this part's gzip bytes (the unit tests check every output against Node).
const PRIMES = primes(64);
/** Round constants: the cube roots of the first 64 primes (section 4.2.2). */
const K = new Uint32Array(PRIMES.map((prime) => rootFractionBits(prime, 3)));
/** Initial hash value: the square roots of the first 8 primes (section 5.3.3). */
const INITIAL = PRIMES.slice(0, 8).map((prime) => rootFractionBits(prime, 2));

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 in plain JavaScript (FIPS 180-4 section 6.2). */
export function sha256Fallback(data: Uint8Array): string {
  const length = data.length;
  const padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
  padded.set(data);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor((length * 8) / 2 ** 32));
  view.setUint32(padded.length - 4, (length * 8) >>> 0);
  const h = new Uint32Array(INITIAL);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh! + (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) + ((e! & f!) ^ (~e! & g!)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) >>> 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d! + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((value, i) => (h[i] = (h[i]! + value!) >>> 0));
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((value, i) => outView.setUint32(i * 4, value));
  return hex(out);
}

/** SHA-256 (lowercase hex) of a UTF-8 string. */
export async function sha256Hex(text: string): Promise<string> {
  const data = new TextEncoder().encode(text);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Fallback(data);
  return hex(new Uint8Array(await subtle.digest('SHA-256', data)));
}
