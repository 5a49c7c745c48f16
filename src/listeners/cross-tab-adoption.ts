/**
 * Another tab decided: adopt what the cookie now says (never what the message says: the cookie is
 * the one record of the decision), and show or hide the banner to match. Only this origin's tabs
 * can post on the channel, and the storage's read drops copies planted on a parent domain, so a
 * sibling subdomain's cookie is never adopted.
 */
import { encodeDecision, newestCurrent, type Currency } from '../core/record';
import type { Stores } from '../core/stores';
import { createCrossTab, type CrossTab } from '../integrations/cross-tab';
import type { DecisionStorage } from '../storage/decision-storage';

export function adoptOtherTabs(view: Window, channelName: string, stores: Stores, storage: DecisionStorage, currency: () => Currency): CrossTab {
  return createCrossTab(view, channelName, () => {
    const current = newestCurrent(storage.read(), currency());
    const mine = stores.$decision.get();
    if ((current && encodeDecision(current)) === (mine && encodeDecision(mine))) return;
    stores.$decision.set(current);
    stores.$surface.set(current ? null : 'banner');
  });
}
