/**
 * Cross-origin requests, off by default. `sendBeacon` with a text/plain body is a simple request
 * and needs no preflight; `fetch` with application/json from another origin does.
 */

/** CORS settings. */
export interface CorsOptions {
  /** Origins allowed to post records, e.g. `['https://www.example.com']`, or `'*'`. */
  origins: readonly string[] | '*';
  /** How long browsers may cache a preflight, in seconds. @default 600 */
  maxAgeSeconds?: number;
}

/** The CORS headers for a request from `origin`, or null when that origin is not allowed. */
export function corsHeaders(cors: CorsOptions | false, origin: string | undefined): Record<string, string> | null {
  if (!cors || !origin) return null;
  if (cors.origins !== '*' && !cors.origins.includes(origin)) return null;
  return { 'access-control-allow-origin': cors.origins === '*' ? '*' : origin, vary: 'origin' };
}

/** Extra headers of a preflight answer. */
export function preflightHeaders(cors: CorsOptions): Record<string, string> {
  return {
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': String(cors.maxAgeSeconds ?? 600),
  };
}
