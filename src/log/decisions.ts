/**
 * Decisions on their way to the consent log. `keepDecisions` runs from the instance's creation,
 * in the main file of the script tag: it keeps each decision synchronously, at the moment it is
 * made, in memory and in localStorage, until the log client (a part, loaded later, or never when
 * it fails to load) takes it with `takeDecisions` and turns it into a record. The consent cookie
 * holds only the last decision, so recovering from it lost every earlier one.
 *
 * The main file's share is kept to a few bytes: each page view writes its own storage key (so it
 * never reads, merges or removes anything) and validates nothing; the client does that, storage
 * being hostile.
 */
import type { ConsentGate } from '../consent-gate';
import { randomConsentId } from '../core/record';
import type { ConsentState } from '../types';

/**
 * One decision as kept: the state after it, the consent id before it (the one a `reset()`
 * forgets), the page URL without query or fragment, when (milliseconds), and the record id.
 * A tuple, not an object: property names would ship in the main file.
 */
export type KeptDecision = [state: ConsentState, previousId: string | null, url: string, now: number, recordId: string];

/** The page URL as records carry it: no query, no fragment (they may hold personal data). */
export const pageUrl = (location: Location) => location.origin + location.pathname;

/** A page view's storage key is `consent-gate:log:<cookie name>:<random>`, next to the record queue's. */
const prefix = (cookieName: string) => `consent-gate:log:${cookieName}:`;

/**
 * Keeps every decision of `gate` from now on in `kept`, and this page view's in a storage key of
 * its own; returns the function that stops.
 */
export function keepDecisions(gate: ConsentGate, view: Window, cookieName: string, kept: KeptDecision[]): () => void {
  const key = prefix(cookieName) + randomConsentId();
  let before = gate.get();
  return gate.on('change', (state) => {
    kept.push([state, before.id, pageUrl(view.location), Date.now(), randomConsentId()]);
    before = state;
    try {
      view.localStorage.setItem(key, JSON.stringify(kept));
    } catch {
      // Storage full or disabled: kept in memory, this page view still sends it.
    }
  });
}

/**
 * Takes the decisions kept in memory and those earlier page views left in storage, oldest first,
 * each once, and forgets them. What storage holds is returned unchecked: the caller validates it.
 */
export function takeDecisions(kept: KeptDecision[], storage: Storage | undefined, cookieName: string): unknown[] {
  const taken: unknown[] = kept.splice(0);
  let keys: string[] = [];
  try {
    keys = Array.from({ length: storage!.length }, (_, index) => storage!.key(index)!).filter((key) => key.startsWith(prefix(cookieName)));
  } catch {
    // No storage: only what memory kept.
  }
  for (const key of keys) {
    try {
      const stored: unknown = JSON.parse(storage!.getItem(key)!);
      if (Array.isArray(stored)) taken.push(...(stored as unknown[]));
    } catch {
      // Garbled: nothing taken from it.
    }
    try {
      storage!.removeItem(key);
    } catch {
      // Taken once anyway: the receiver stores each record id once.
    }
  }
  const ids = new Set<unknown>();
  return taken
    .filter((decision) => Array.isArray(decision) && typeof decision[3] === 'number' && !ids.has(decision[4]) && ids.add(decision[4]))
    .sort((a, b) => (a as KeptDecision)[3] - (b as KeptDecision)[3]);
}
