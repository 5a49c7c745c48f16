/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme) for the values a consent record hashes:
 * objects with their keys in code-unit order, no whitespace, strings as ECMAScript's
 * `JSON.stringify` writes them (which is what RFC 8785 section 3.2.2.2 prescribes). Numbers are
 * not needed here and are refused rather than serialised loosely.
 */
export type Canonical = string | boolean | null | Canonical[] | { [key: string]: Canonical };

export function canonicalJson(value: Canonical): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value !== 'object') throw new TypeError('canonicalJson: only strings, booleans, null, arrays and objects');
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
}
