/**
 * Reads one cookie's values from a request's `Cookie` header (RFC 6265 section 5.4: pairs
 * separated by "; "). Several cookies can share a name (host-only and domain-wide copies), so
 * every value is returned. Names and values are URL-decoded the way js-cookie, which writes the
 * consent cookie in the browser, decodes them: each run of %XX escapes, leaving a malformed
 * run as it is. Hostile headers give fewer values, never an exception.
 */

/** Headers longer than this are hostile or broken: browsers send at most a few KiB per cookie. */
export const MAX_COOKIE_HEADER_LENGTH = 64 * 1024;
/** More pairs than any browser keeps for one site. */
const MAX_PAIRS = 1000;

function decode(text: string): string {
  // js-cookie's read converter: decode each run of %XX sequences, keep it when it is not UTF-8.
  return text.replace(/(%[\dA-F]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Every value of cookie `name` in one or more `Cookie` headers, in header order. */
export function cookieValues(header: string | readonly string[] | null | undefined, name: string): string[] {
  const text = typeof header === 'string' ? header : Array.isArray(header) ? header.filter((h) => typeof h === 'string').join('; ') : '';
  if (!text || text.length > MAX_COOKIE_HEADER_LENGTH) return [];
  const values: string[] = [];
  const pairs = text.split(';', MAX_PAIRS);
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals < 1) continue;
    if (decode(pair.slice(0, equals).trim()) !== name) continue;
    let value = pair.slice(equals + 1).trim();
    // RFC 6265 allows a quoted cookie-value; js-cookie strips the quotes too.
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    values.push(decode(value));
  }
  return values;
}
