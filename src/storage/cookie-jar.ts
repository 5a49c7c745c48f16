/**
 * Writing cookies to a given document, encoded exactly as js-cookie encodes them (RFC 6265
 * section 4.1.1 cookie-octets). js-cookie itself is not bundled: it always writes to the global
 * `document` while an instance must write where it reads, and all it would add is its encoder at
 * 0.5 KiB of the first view. The tests check this encoder against js-cookie's on generated strings.
 */

export interface CookieAttributes {
  path: string;
  domain?: string;
  sameSite?: 'Lax' | 'Strict' | 'None';
  secure?: boolean;
  /** Seconds; 0 or less deletes. */
  maxAge?: number;
}

/** Encodes a cookie name the way js-cookie does (cookie-name is an RFC 6265 token). */
export function encodeName(name: string): string {
  return encodeURIComponent(name)
    .replace(/%(2[346B]|5E|60|7C)/g, decodeURIComponent)
    .replace(/[()]/g, escape);
}

/** Encodes a cookie value the way js-cookie's default converter does (cookie-octets only). */
export function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent);
}

/** Sets (or, with `maxAge` ≤ 0, deletes) one cookie on `document`. */
export function writeCookie(document: Document, name: string, value: string, attributes: CookieAttributes): void {
  let cookie = `${encodeName(name)}=${encodeValue(value)}; path=${attributes.path}`;
  if (attributes.domain) cookie += `; domain=${attributes.domain}`;
  if (attributes.sameSite) cookie += `; samesite=${attributes.sameSite}`;
  if (attributes.secure) cookie += '; secure';
  if (attributes.maxAge !== undefined) {
    // Expires in the past as well, for browsers that do not know Max-Age (RFC 6265 §4.1.2.2).
    cookie += attributes.maxAge > 0 ? `; max-age=${attributes.maxAge}` : '; max-age=0; expires=Thu, 01 Jan 1970 00:00:01 GMT';
  }
  document.cookie = cookie;
}
