/**
 * The instance's state, in nanostores. `$decision` is written by the actions and by cross-tab
 * adoption (a decision another tab stored); `$surface` also by the instance's `show()`,
 * `showPreferences()` and `hide()`; `$consent` only here, derived. The cookie writer, start-time
 * features, gating, clean-up and events listen.
 */
import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { ResolvedConfig } from '../config/normalize';
import type { ConsentState, Surface } from '../types';
import { deriveConsent } from './modes';
import type { StoredDecision } from './record';

export interface Stores {
  /** The current decision, as stored; null when there is none. */
  $decision: WritableAtom<StoredDecision | null>;
  /**
   * The consent state derived from the decision, the mode and the privacy signal. It changes
   * right after every decision, so listeners that need the decision read `$decision.get()`.
   */
  $consent: ReadableAtom<ConsentState>;
  /** Which interface should be visible. */
  $surface: WritableAtom<Surface>;
}

export function createStores(config: ResolvedConfig, decision: StoredDecision | null, signal: boolean): Stores {
  const $decision = atom<StoredDecision | null>(decision);
  // Derived by hand rather than with `computed`, whose lifecycle code the first view does not need.
  const $consent = atom(deriveConsent(config, decision, signal));
  $decision.listen((value) => $consent.set(deriveConsent(config, value, signal)));
  const $surface = atom<Surface>(null);
  return { $decision, $consent, $surface };
}
