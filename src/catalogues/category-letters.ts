/**
 * The one-letter category codes of the generated catalogues' compact tables (written by
 * scripts/catalogues/vendors.mjs, `LETTER`), decoded by ./cookies.ts and ./vendors.ts.
 */
export const CATEGORY_OF_LETTER: Record<string, string> = {
  n: 'necessary',
  f: 'functional',
  a: 'analytics',
  d: 'advertising',
  s: 'social',
};
