/**
 * The consent cookie, encoded as js-cookie encodes it and written to the instance's own document.
 * Attributes follow contract section 5 and standards CK-1/CK-2: Path=/, SameSite=Lax, Secure
 * on https, Max-Age rather than Expires, never HttpOnly, optional Domain.
 */
import { deleteCookieEverywhere } from '../cookies/cleanup';
import { visibleCookieValues } from '../cookies/locations';
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
  const read = () => visibleCookieValues(document.cookie, name);

  function writeTo(value: string, cookieDomain: string | undefined): boolean {
    writeCookie(document, name, value, { path: '/', domain: cookieDomain, sameSite: 'Lax', secure: location.protocol === 'https:', maxAge: days * 86_400 });
    return read().includes(value);
  }

  return {
    read,
    write(value) {
      if (!domain) return writeTo(value, undefined);
      if (writeTo(value, domain)) return true;
      // The browser refused the Domain (not a suffix of this host, or a public suffix):
      // keep the decision host-only rather than lose it.
      logger.warnOnce('cookie-domain', say('cookie-domain', { domain, host: location.hostname }));
      return writeTo(value, undefined);
    },
    clear() {
      // Host-only and domain-wide copies, on `/` or on a longer path (standards CK-7).
      deleteCookieEverywhere(document, name);
    },
  };
}
