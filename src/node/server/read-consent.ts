/**
 * The visitor's consent on the server, from the request's `Cookie` header: the same state object as
 * the browser's `get()` (README, "Reading the cookie on the server"), computed by the browser's own
 * codec and rules (core/record.ts, core/modes.ts), so the two never disagree.
 */
import { resolveConfig, type ResolvedConfig } from '../../config/normalize.js';
import { deriveConsent, startingDecision } from '../../core/modes.js';
import { newestCurrent } from '../../core/record.js';
import type { ConsentGateConfig, ConsentState } from '../../types.js';
import { cookieValues } from './cookie-header.js';

/** Per-request facts for {@link readConsent}. */
export interface ReadConsentOptions {
  /**
   * Whether the request carries Global Privacy Control (`Sec-GPC: 1`, W3C GPC). In opt-out mode it
   * denies `advertising` and `social` exactly as the browser will.
   * @default false
   */
  gpc?: boolean;
  /** Now, in milliseconds since the epoch. @default Date.now() */
  now?: number;
}

/** Reads consent from a `Cookie` header for one resolved configuration. */
export type ConsentReader = (cookieHeader: string | readonly string[] | null | undefined, options?: ReadConsentOptions) => ConsentState;

/**
 * Resolves the configuration once and returns a reader for every request.
 * @throws {ConsentGateConfigError} when the configuration is invalid (the same check as the browser).
 * @example
 * const readConsent = createConsentReader(config);
 * const consent = readConsent(req.headers.cookie, { gpc: req.headers['sec-gpc'] === '1' });
 * if (consent.categories.advertising) renderAdTags();
 */
export function createConsentReader(config: ConsentGateConfig): ConsentReader {
  const resolved = resolveConfig(config);
  return (cookieHeader, options = {}) => readResolved(resolved, cookieHeader, options);
}

function readResolved(resolved: ResolvedConfig, cookieHeader: string | readonly string[] | null | undefined, options: ReadConsentOptions): ConsentState {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const signal = options.gpc === true;
  const values = cookieValues(cookieHeader, resolved.cookie.name);
  const stored = newestCurrent(values, { now, revision: resolved.revision, days: resolved.cookie.days, categories: resolved.optional });
  // A GPC decision the browser has not written yet gets its consent id there; we have none.
  const { decision } = startingDecision(resolved, stored, signal, now, () => '');
  const state = deriveConsent(resolved, decision, signal);
  return state.id === '' ? { ...state, id: null } : state;
}

const readers = new WeakMap<ConsentGateConfig, ConsentReader>();

/**
 * The visitor's consent from a request's `Cookie` header, as the browser's `get()` returns it.
 * A missing, malformed, tampered, expired, future-dated or other-revision cookie is no decision;
 * this never throws for any header. The config is resolved once per config object.
 * @throws {ConsentGateConfigError} when the configuration is invalid.
 */
export function readConsent(cookieHeader: string | readonly string[] | null | undefined, config: ConsentGateConfig, options?: ReadConsentOptions): ConsentState {
  let reader = readers.get(config);
  if (!reader) {
    reader = createConsentReader(config);
    readers.set(config, reader);
  }
  return reader(cookieHeader, options);
}
