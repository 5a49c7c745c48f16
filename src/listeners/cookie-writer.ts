/**
 * Keeps the consent cookie equal to the decision in force, and tells the site's other tabs when
 * it changed. A decision that the cookie already holds (adopted from another tab) is not written
 * again, so tabs never echo each other.
 */
import type { Logger } from '../core/logger';
import { encodeDecision } from '../core/record';
import type { Stores } from '../core/stores';
import type { CrossTab } from '../integrations/cross-tab';
import type { DecisionStorage } from '../storage/decision-storage';
import { say } from '../core/wording';

export function writeDecisions(stores: Stores, storage: DecisionStorage, crossTab: CrossTab, logger: Logger): () => void {
  // On $consent, which changes with every decision, so the cookie is written before gating,
  // clean-up and events react to the same change.
  return stores.$consent.listen(() => {
    const decision = stores.$decision.get();
    const stored = storage.read();
    if (!decision) {
      if (stored.length === 0) return;
      storage.clear();
    } else {
      const value = encodeDecision(decision);
      if (stored.length === 1 && stored[0] === value) return;
      if (!storage.write(value)) logger.error(say('cookie-refused'));
    }
    crossTab.announce();
  });
}
