/**
 * What the consent is before and after a stored decision, per mode and privacy signal
 * (W3C GPC, 11 CCR §7025). Pure functions: table-driven tests cover them.
 */
import type { ResolvedConfig } from '../config/normalize';
import type { ConsentState } from '../types';
import type { StoredDecision } from './record';

/** Categories that Global Privacy Control opts out of in opt-out mode (sale and sharing). */
export const GPC_CATEGORIES: readonly string[] = ['advertising', 'social'];

/** The navigator fields read for privacy signals. */
export interface PrivacySignalSource {
  globalPrivacyControl?: unknown;
  doNotTrack?: unknown;
}

/**
 * Whether the browser sends an opt-out preference signal: GPC always, Do Not Track only when
 * the site asked for it (it is deprecated and never required by law).
 */
export function readPrivacySignal(source: PrivacySignalSource | undefined, respectDoNotTrack: boolean): boolean {
  if (!source) return false;
  if (source.globalPrivacyControl === true) return true;
  return respectDoNotTrack && source.doNotTrack === '1';
}

/** A category's state when the visitor has not decided about it. */
function undecidedState(config: ResolvedConfig, id: string, signal: boolean): boolean {
  if (config.mode === 'opt-in') return false;
  if (signal && GPC_CATEGORIES.includes(id)) return false;
  return config.categories.find((c) => c.id === id)?.default ?? false;
}

/** The consent state that follows from a decision (or its absence). */
export function deriveConsent(config: ResolvedConfig, decision: StoredDecision | null, signal: boolean): ConsentState {
  const categories: Record<string, boolean> = {};
  for (const { id } of config.categories) {
    if (id === 'necessary') categories[id] = true;
    else if (decision?.allowed.includes(id)) categories[id] = true;
    else if (decision?.denied.includes(id)) categories[id] = false;
    else categories[id] = undecidedState(config, id, signal);
  }
  return {
    decided: decision !== null,
    categories,
    method: decision?.method ?? null,
    revision: decision?.revision ?? config.revision,
    id: decision?.id ?? null,
    timestamp: decision?.timestamp ?? null,
    gpc: decision?.gpc ?? signal,
  };
}

/**
 * The decision to start from. In opt-out mode a privacy signal denies advertising and social
 * without asking and beats a decision stored without it; a decision the visitor made while the
 * signal was on (they switched a category back on) is theirs and stands. In opt-in mode the
 * signal grants nothing and changes nothing.
 */
export function startingDecision(
  config: ResolvedConfig,
  stored: StoredDecision | null,
  signal: boolean,
  now: number,
  newId: () => string,
): { decision: StoredDecision | null; changed: boolean } {
  if (config.mode !== 'opt-out' || !signal || stored?.gpc) return { decision: stored, changed: false };
  const before = deriveConsent(config, stored, false);
  const allowed = config.optional.filter((id) => before.categories[id] && !GPC_CATEGORIES.includes(id));
  const denied = config.optional.filter((id) => !allowed.includes(id));
  const decision: StoredDecision = {
    revision: config.revision,
    timestamp: now,
    id: stored?.id ?? newId(),
    method: 'gpc',
    gpc: true,
    allowed,
    denied,
  };
  return { decision, changed: true };
}
