/**
 * What a site's config declares, as `scan --verify` asks it: which category a cookie or a request
 * belongs to (the config's own declarations first, then the catalogues), and whether it is
 * declared at all (for `--accept`: after "Accept all" only declared cookies and vendors appear).
 */
import { compilePattern, matchesPattern, type NamePattern } from '../../config/patterns.js';
import type { ConsentGateConfig } from '../../types.js';
import { cookieOf, vendorOf } from './catalogues.js';
import { hostOf, type SiteRules } from './site.js';

/** The consent cookie's name when the config does not set one. */
export const DEFAULT_CONSENT_COOKIE = 'consent_gate';

/** Questions about one config. */
export interface Declarations {
  /** No cookie and no vendor is declared (no config, or an empty one). */
  empty: boolean;
  /** The consent cookie itself. */
  isConsentCookie(name: string): boolean;
  /** The category the config declares the cookie in, or undefined. */
  declaredCookie(name: string): string | undefined;
  /** The category the config declares the URL's vendor in (by domain), or undefined. */
  declaredRequest(url: string): string | undefined;
  /** The cookie's category: declared, else from the cookie catalogue, else from its domain's vendor. */
  cookieCategory(name: string, domain: string): string | undefined;
  /** The request's category: declared, else from the vendor catalogue. */
  requestCategory(url: string): string | undefined;
  /** First party (the page's site) or a declared `necessary` vendor. */
  requestAllowedBeforeConsent(url: string, pageUrl: string): boolean;
}

/** Reads the declarations of `config` (none for a page without one). */
export function declarations(config: ConsentGateConfig | null | undefined, site: SiteRules): Declarations {
  const cookies: Array<{ category: string; pattern: NamePattern }> = [];
  const domains: Array<{ category: string; domain: string }> = [];
  for (const [category, entry] of Object.entries(config?.categories ?? {})) {
    for (const cookie of entry?.cookies ?? []) {
      const pattern = compilePattern(typeof cookie === 'string' ? cookie : cookie.name);
      if (!(pattern instanceof Error)) cookies.push({ category, pattern });
    }
    for (const vendor of entry?.vendors ?? []) {
      for (const domain of vendor.domains ?? []) domains.push({ category, domain: domain.replace(/^\./, '').toLowerCase() });
    }
  }
  const consentCookie = config?.cookie?.name ?? DEFAULT_CONSENT_COOKIE;
  const declaredCookie = (name: string) => cookies.find(({ pattern }) => matchesPattern(name, pattern))?.category;
  const declaredRequest = (url: string) => {
    const host = hostOf(url);
    return domains.find(({ domain }) => host === domain || host.endsWith(`.${domain}`))?.category;
  };
  return {
    empty: cookies.length === 0 && domains.length === 0,
    isConsentCookie: (name) => name === consentCookie,
    declaredCookie,
    declaredRequest,
    cookieCategory: (name, domain) => declaredCookie(name) ?? cookieOf(name)?.category ?? vendorOf(`https://${domain.replace(/^\./, '')}/`)?.category,
    requestCategory: (url) => declaredRequest(url) ?? vendorOf(url)?.category,
    requestAllowedBeforeConsent: (url, pageUrl) => site.sameSite(url, pageUrl) || declaredRequest(url) === 'necessary',
  };
}
