/**
 * First or third party (as in automatic blocking): a URL is first party when it belongs to the
 * page's site, i.e. the same registrable domain by the Public Suffix List (tldts, an optional peer
 * dependency), or the same host for IP addresses and `localhost`. Ports and schemes do not matter,
 * as for the browser's notion of "site" in SameSite.
 */
import { importOptional } from '../optional-dependency.js';

/** Names the site of a URL or host. */
export interface SiteRules {
  /** The site of a URL or bare host: `shop.example.co.uk` → `example.co.uk`; IPs and localhost stay whole. */
  siteOf(urlOrHost: string): string;
  /** Whether two URLs (or hosts) are the same site. */
  sameSite(a: string, b: string): boolean;
}

/** The host of a URL, or the argument itself when it is a bare host. Lower case, no trailing dot. */
export function hostOf(urlOrHost: string): string {
  let host = urlOrHost;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(urlOrHost)) {
    try {
      host = new URL(urlOrHost).hostname;
    } catch {
      return '';
    }
  }
  return host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
}

function isIpOrLocal(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') || host === 'localhost' || host.endsWith('.localhost');
}

/**
 * Loads the Public Suffix List rules.
 * @throws {MissingDependencyError} when tldts is not installed.
 */
export async function loadSiteRules(): Promise<SiteRules> {
  const tldts = await importOptional('tldts', () => import('tldts'), 'consent-gate scan');
  const siteOf = (urlOrHost: string): string => {
    const host = hostOf(urlOrHost);
    if (!host || isIpOrLocal(host)) return host;
    // Private suffixes count (github.io sites are separate sites), as browsers do.
    return tldts.getDomain(host, { allowPrivateDomains: true }) ?? host;
  };
  return { siteOf, sameSite: (a, b) => siteOf(a) === siteOf(b) };
}
