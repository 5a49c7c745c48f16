/** Which bodies the receiver reads: JSON, and the text/plain that `sendBeacon` sends for strings. */

const ACCEPTED = new Set(['application/json', 'text/plain']);

/**
 * Whether a Content-Type header names an accepted type in UTF-8 (RFC 9110 section 8.3: type
 * and parameter names are case-insensitive; JSON is UTF-8 by RFC 8259 section 8.1).
 */
export function isAcceptedContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(';');
  if (!ACCEPTED.has(type!.trim().toLowerCase())) return false;
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=');
    if (name!.trim().toLowerCase() !== 'charset') continue;
    const charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return false;
  }
  return true;
}
