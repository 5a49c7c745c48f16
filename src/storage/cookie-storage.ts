/**
 * The consent cookie, encoded as js-cookie encodes it and written to the instance's own document.
 * Attributes follow RFC 6265 §4.1 and §5.3 (README, "The consent cookie"): Path=/, SameSite=Lax,
 * Secure on https, Max-Age rather than Expires, never HttpOnly, optional Domain.
 */
import { deleteCookieEverywhere } from '../cookies/cleanup';
import { candidateDomains, candidatePaths, visibleCookieValues } from '../cookies/locations';
import type { Logger } from '../core/logger';
import { writeCookie } from './cookie-jar';
import type { DecisionStorage } from './decision-storage';
import { say } from '../core/wording';

export interface CookieStorageOptions {
  name: string;
  days: number;
  domain?: string;
  logger: Logger;
  /** The document whose cookies are used. */
  document: Document;
}

export function createCookieStorage({ name, days, domain, logger, document }: CookieStorageOptions): DecisionStorage {
  const location = document.location;
  const visible = () => visibleCookieValues(document.cookie, name);

  function writeTo(value: string, cookieDomain: string | undefined): boolean {
    writeCookie(document, name, value, { path: '/', domain: cookieDomain, sameSite: 'Lax', secure: location.protocol === 'https:', maxAge: days * 86_400 });
    return visible().includes(value);
  }

  return {
    /**
     * Cookie tossing (RFC 6265 §8.6, "Weak Integrity"): any sibling subdomain can set a consent
     * cookie on a parent domain, and `document.cookie` does not say which copy is which. Without
     * a configured `domain` the decision is host-only, so every domain-wide copy comes from
     * elsewhere: it is expired before reading, never adopted. (On a public suffix the browser
     * refuses the deletion, harmlessly.)
     */
    read() {
      const values = visible();
      if (domain || values.length === 0) return values;
      for (const parent of candidateDomains(location.hostname).slice(1)) {
        for (const path of candidatePaths(location.pathname)) writeCookie(document, name, '', { path, domain: parent, maxAge: 0 });
      }
      return visible();
    },
    write(value) {
      if (!domain) return writeTo(value, undefined);
      if (writeTo(value, domain)) return true;
      // The browser refused the Domain (not a suffix of this host, or a public suffix):
      // keep the decision host-only rather than lose it.
      logger.warnOnce('cookie-domain', say('cookie-domain', { domain, host: location.hostname }));
      return writeTo(value, undefined);
    },
    clear() {
      // Host-only and domain-wide copies, on `/` or on a longer path (RFC 6265 §5.4).
      deleteCookieEverywhere(document, name);
    },
  };
}
