/**
 * Names and `/regex/` strings, as used for cookie and storage declarations and the catalogue.
 * A pattern string is a regex when it starts and ends with `/` (an optional `i` flag is allowed).
 */
const REGEX_FORM = /^\/(.+)\/(i?)$/;

/** A compiled cookie or storage-key pattern. */
export type NamePattern = string | RegExp;

/** Whether a string is written in the `/regex/` form. */
export function isRegexForm(value: string): boolean {
  return REGEX_FORM.test(value);
}

/**
 * Compiles a pattern string. Returns the plain name for exact names, a RegExp for `/regex/`
 * strings, and an Error for a regex that does not compile.
 */
export function compilePattern(value: string): NamePattern | Error {
  const match = REGEX_FORM.exec(value);
  if (!match) return value;
  try {
    return new RegExp(match[1]!, match[2]);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Whether a name matches a compiled pattern. */
export function matchesPattern(name: string, pattern: NamePattern): boolean {
  if (typeof pattern === 'string') return name === pattern;
  pattern.lastIndex = 0;
  return pattern.test(name);
}
