/**
 * Writing cookies to a given document. js-cookie encodes names and values (RFC 6265 section 4.1.1
 * cookie-octets) but always writes to the global `document`; an instance must write where it
 * reads, so the string js-cookie would write is assigned to the instance's own document.
 */
import Cookies from 'js-cookie';

export interface CookieAttributes {
  path: string;
  domain?: string;
  sameSite?: 'Lax' | 'Strict' | 'None';
  secure?: boolean;
  /** Seconds; 0 or less deletes. */
  maxAge?: number;
}

/** Encodes a cookie name the way js-cookie does (cookie-name is an RFC 6265 token). */
function encodeName(name: string): string {
  return encodeURIComponent(name)
    .replace(/%(2[346B]|5E|60|7C)/g, decodeURIComponent)
    .replace(/[()]/g, escape);
}

/** Sets (or, with `maxAge` ≤ 0, deletes) one cookie on `document`. */
export function writeCookie(document: Document, name: string, value: string, attributes: CookieAttributes): void {
  let cookie = `${encodeName(name)}=${Cookies.converter.write(value, name)}; path=${attributes.path}`;
  if (attributes.domain) cookie += `; domain=${attributes.domain}`;
  if (attributes.sameSite) cookie += `; samesite=${attributes.sameSite}`;
  if (attributes.secure) cookie += '; secure';
  if (attributes.maxAge !== undefined) {
    // Expires in the past as well, for browsers that do not know Max-Age (standards CK-1).
    cookie += attributes.maxAge > 0 ? `; max-age=${attributes.maxAge}` : '; max-age=0; expires=Thu, 01 Jan 1970 00:00:01 GMT';
  }
  document.cookie = cookie;
}
