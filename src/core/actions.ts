/**
 * The visitor's decisions: each action records a whole decision in `$decision`; listeners do the
 * rest. The one other writer of `$decision` is cross-tab adoption
 * (../listeners/cross-tab-adoption), which takes over a decision another tab already stored.
 */
import type { ResolvedConfig } from '../config/normalize';
import type { ConsentMethod } from '../types';
import type { Logger } from './logger';
import { randomConsentId, type StoredDecision } from './record';
import type { Stores } from './stores';
import { say } from './wording';

export interface Actions {
  acceptAll(): void;
  rejectAll(): void;
  /** Acknowledges the notice and keeps the current state: never grants a denied category. */
  acknowledge(): void;
  /** Changes some categories, recorded as `custom`. Unknown ids are reported and ignored. */
  set(changes: Record<string, boolean>): void;
  /** Forgets the decision: every optional category falls back to its undecided state. */
  reset(): void;
}

export interface ActionContext {
  config: ResolvedConfig;
  stores: Stores;
  signal: boolean;
  logger: Logger;
  /** UTC seconds. */
  now: () => number;
}

export function createActions({ config, stores, signal, logger, now }: ActionContext): Actions {
  function decide(allowedNow: (id: string) => boolean, method: ConsentMethod): void {
    const previous = stores.$decision.get();
    const decision: StoredDecision = {
      revision: config.revision,
      timestamp: now(),
      id: previous?.id ?? randomConsentId(),
      method,
      gpc: signal,
      allowed: config.optional.filter((id) => allowedNow(id)),
      denied: config.optional.filter((id) => !allowedNow(id)),
    };
    stores.$decision.set(decision);
    stores.$surface.set(null);
  }

  return {
    acceptAll: () => decide(() => true, 'accept-all'),
    rejectAll: () => decide(() => false, 'reject-all'),
    acknowledge() {
      const current = stores.$consent.get().categories;
      decide((id) => current[id] === true, 'acknowledge');
    },
    set(changes) {
      const current = stores.$consent.get().categories;
      for (const id of Object.keys(changes)) {
        if (!config.optional.includes(id)) {
          logger.warnOnce(`set:${id}`, say('set-unknown', { id, configured: config.optional.join(', ') || '(none)' }));
        }
      }
      decide((id) => (Object.prototype.hasOwnProperty.call(changes, id) ? changes[id] === true : current[id] === true), 'custom');
    },
    reset() {
      stores.$decision.set(null);
      stores.$surface.set('banner');
    },
  };
}
