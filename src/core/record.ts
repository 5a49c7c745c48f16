/**
 * The consent cookie's value: compact, versioned and URL-safe, so it fits easily in a cookie
 * (RFC 6265 §6.1 and §4.1.1) and a server can read it on the first request.
 *
 * Format (version 1), fields separated by ".":
 *   1 . revision(base 36) . time(UTC seconds, base 36) . consent id (UUID v4) .
 *   method letter + GPC flag (0|1) . allowed ids joined by "~" . denied ids joined by "~"
 * e.g. `1.1.t3k9qz.0b7e…-….a0.functional~social.advertising`
 *
 * Reading is strict and never throws: anything that does not match exactly is no decision.
 */
import type { ConsentMethod } from '../types';

/** A decision as stored in the consent cookie. */
export interface StoredDecision {
  revision: number;
  /** UTC seconds. */
  timestamp: number;
  id: string;
  method: ConsentMethod;
  gpc: boolean;
  /** Category ids the visitor allowed. */
  allowed: string[];
  /** Category ids the visitor denied. */
  denied: string[];
}

const FORMAT_VERSION = '1';
/** Far more than 20 categories need; anything longer is hostile or broken. */
export const MAX_VALUE_LENGTH = 1024;

const METHOD_LETTERS: Record<ConsentMethod, string> = {
  'accept-all': 'a',
  'reject-all': 'r',
  custom: 'c',
  acknowledge: 'k',
  gpc: 'g',
};
const METHODS_BY_LETTER: Record<string, ConsentMethod> = { a: 'accept-all', r: 'reject-all', c: 'custom', k: 'acknowledge', g: 'gpc' };

const ID = '[a-z][a-z0-9_-]{0,31}';
const LIST = `(?:${ID}(?:~${ID})*)?`;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const VALUE = new RegExp(`^1\\.([0-9a-z]{1,6})\\.([0-9a-z]{1,8})\\.(${UUID})\\.([arckg])([01])\\.(${LIST})\\.(${LIST})$`);

/** Writes a decision as a cookie value. */
export function encodeDecision(decision: StoredDecision): string {
  return [
    FORMAT_VERSION,
    decision.revision.toString(36),
    Math.floor(decision.timestamp).toString(36),
    decision.id,
    METHOD_LETTERS[decision.method] + (decision.gpc ? '1' : '0'),
    decision.allowed.join('~'),
    decision.denied.join('~'),
  ].join('.');
}

function splitList(list: string): string[] {
  return list === '' ? [] : list.split('~');
}

/**
 * Reads a cookie value. Returns null for anything that is not exactly a version-1 value:
 * wrong type, too long, unknown version, malformed field, an id listed twice.
 */
export function decodeDecision(value: unknown): StoredDecision | null {
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) return null;
  const match = VALUE.exec(value);
  if (!match) return null;
  const [, revision, timestamp, id, letter, gpc, allowedList, deniedList] = match;
  const allowed = splitList(allowedList!);
  const denied = splitList(deniedList!);
  if (new Set([...allowed, ...denied]).size !== allowed.length + denied.length) return null;
  return {
    revision: parseInt(revision!, 36),
    timestamp: parseInt(timestamp!, 36),
    id: id!,
    method: METHODS_BY_LETTER[letter!]!,
    gpc: gpc === '1',
    allowed,
    denied,
  };
}

/** What makes a stored decision still current. */
export interface Currency {
  /** Now, in UTC seconds. */
  now: number;
  revision: number;
  /** The configured lifetime. */
  days: number;
  /** The configured optional categories: a decision must cover exactly these. */
  categories: readonly string[];
}

/** Clock skew tolerated for a decision that seems to come from the future. */
const FUTURE_TOLERANCE_SECONDS = 300;

/**
 * Whether a stored decision still counts: same revision, exactly the configured categories (a
 * decision about other purposes is no decision about these: RFC 6265 §4.1.1, EDPB Guidelines
 * 05/2020), not older than the configured lifetime (the cookie's own expiry may have been extended
 * or the clock moved), not from the future.
 */
export function isCurrent(decision: StoredDecision, currency: Currency): boolean {
  if (decision.revision !== currency.revision) return false;
  const listed = [...decision.allowed, ...decision.denied];
  if (listed.length !== currency.categories.length || !listed.every((id) => currency.categories.includes(id))) return false;
  if (decision.timestamp > currency.now + FUTURE_TOLERANCE_SECONDS) return false;
  return decision.timestamp + currency.days * 86_400 > currency.now;
}

/**
 * The newest current decision among several cookie values (a host-only and a domain-wide
 * cookie can both be visible; RFC 6265 §5.4). Null when none is current.
 */
export function newestCurrent(values: readonly string[], currency: Currency): StoredDecision | null {
  let newest: StoredDecision | null = null;
  for (const value of values) {
    const decision = decodeDecision(value);
    if (!decision || !isCurrent(decision, currency)) continue;
    if (!newest || decision.timestamp > newest.timestamp) newest = decision;
  }
  return newest;
}

/** A random UUID v4. `crypto.randomUUID` needs a secure context; `getRandomValues` does not. */
export function randomConsentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
