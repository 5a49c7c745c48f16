/**
 * What the script-tag build knows about its own files, written in at build time by
 * `scripts/build-script-tag.mjs`: the sha256 of each part and each locale. The hash is both the
 * integrity check and, shortened, part of the file name (so a cached main file never meets a
 * newer part): `parts/dialog.<8 characters>.js`, `locales/de.<8 characters>.json`.
 */

type Hashes = Record<string, string>;
declare const __CONSENT_GATE_FILES__: { parts: Hashes; locales: Hashes } | undefined;

const FILES = typeof __CONSENT_GATE_FILES__ === 'object' ? __CONSENT_GATE_FILES__ : { parts: {}, locales: {} };

/** A built file: its name in its folder and its integrity value; undefined when the build has none. */
export function builtFile(kind: 'parts' | 'locales', name: string): { file: string; integrity: string } | undefined {
  const hash = Object.prototype.hasOwnProperty.call(FILES[kind], name) ? FILES[kind][name] : undefined;
  if (!hash) return undefined;
  // base64url, so the name is safe in any URL.
  const tag = hash.slice(0, 8).replace(/[+/]/g, (c) => (c === '+' ? '-' : '_'));
  return { file: `${kind}/${name}.${tag}.${kind === 'parts' ? 'js' : 'json'}`, integrity: `sha256-${hash}` };
}
