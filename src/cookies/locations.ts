/**
 * Where a cookie visible to this page may live. `document.cookie` hides a cookie's Domain and
 * Path, and deleting needs an exact match (RFC 6265 §5.3), so deletion tries every place.
 */

/**
 * Domains to try, host-only first (`undefined`), then the host and each parent domain. The bare
 * top-level label is left out; browsers refuse public suffixes such as `co.uk` on their own.
 */
export function candidateDomains(hostname: string): Array<string | undefined> {
  const domains: Array<string | undefined> = [undefined];
  // IP addresses and single-label hosts (localhost) only have host-only cookies.
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':') || !hostname.includes('.')) return domains;
  const labels = hostname.split('.');
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** `/` and each prefix of the current path: `/shop/cart` gives `/`, `/shop`, `/shop/cart`. */
export function candidatePaths(pathname: string): string[] {
  const paths = ['/'];
  const segments = pathname.split('/').filter(Boolean);
  for (let i = 1; i <= segments.length; i++) paths.push(`/${segments.slice(0, i).join('/')}`);
  return paths;
}

/** The names of the cookies visible to this page (each once). */
export function visibleCookieNames(cookieString: string): string[] {
  const names = new Set<string>();
  for (const part of cookieString.split(';')) {
    const name = part.split('=')[0]!.trim();
    if (name) names.add(safeDecode(name));
  }
  return [...names];
}

/** Every value visible for one cookie name; there can be several (host-only and domain-wide). */
export function visibleCookieValues(cookieString: string, name: string): string[] {
  const values: string[] = [];
  for (const part of cookieString.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || safeDecode(part.slice(0, index).trim()) !== name) continue;
    values.push(safeDecode(part.slice(index + 1).trim()));
  }
  return values;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
