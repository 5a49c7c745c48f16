/**
 * Which pages may post records. A `text/plain` POST is a "simple" request (Fetch standard, CORS
 * protocol): a browser sends it from any origin without a preflight, so CORS headers alone would
 * only hide the answer, not stop the write. The receiver therefore refuses a post whose `Origin`
 * is neither its own nor allowed, `null` included (sandboxed frames, `data:` pages, some
 * redirects). A post without `Origin` comes from outside a browser (curl, a server); it is
 * accepted, since anything outside a browser can set any header it likes anyway.
 */
import type { CorsOptions } from './cors.js';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Whether `origin` (an `Origin` header) names the same host and port as `host` (a `Host` header). */
export function isSameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  let from: URL;
  let own: URL;
  try {
    from = new URL(origin);
    own = new URL(`${from.protocol}//${host.trim()}`);
  } catch {
    return false;
  }
  // An Origin header is a serialised origin (RFC 6454 §6.2): no path, no userinfo.
  if (from.origin !== origin) return false;
  const port = (url: URL) => url.port || DEFAULT_PORTS[url.protocol] || '';
  return from.hostname === own.hostname && port(from) === port(own);
}

/**
 * Whether a post with this `Origin` may store a record: no `Origin`, the receiver's own host, or
 * an origin the CORS settings allow.
 */
export function isAllowedOrigin(origin: string | undefined, ownHost: string | undefined, cors: CorsOptions | false): boolean {
  if (origin === undefined) return true;
  if (cors && (cors.origins === '*' || cors.origins.includes(origin))) return true;
  return origin !== 'null' && isSameHost(origin, ownHost);
}

/**
 * The last value of a comma-separated forwarded header: the one the nearest proxy added, the
 * only one a trusted proxy vouches for (earlier values are whatever the client sent).
 */
export function lastForwarded(value: string | undefined): string | undefined {
  const last = value?.split(',').pop()?.trim();
  return last || undefined;
}
