/**
 * A sync point for "nothing (more) happens", instead of a fixed sleep: the page finishes its
 * pending tasks, two animation frames and an idle period, then a request goes out through the
 * same network stack to the server whose log the test reads, and comes back. Whatever the page
 * set in motion before (a gated element released, a script inserted, a part requested) has by
 * then been sent, so a log that still lacks it proves absence after a causally later event, not
 * after a guessed delay. What it does not cover: work the page itself puts off with a timer of
 * its own; a test about such a timer waits for it explicitly.
 *
 * The servers leave `SETTLED_PATH` out of their request logs.
 */

/** Path of the sentinel request; the test servers do not log it. */
export const SETTLED_PATH = '/__settled';

/** What the sentinel needs of a page: Playwright's `Page` and the engines' `Tab` both fit. */
export interface Evaluating {
  evaluate(fn: (url: string) => Promise<void>, arg: string): Promise<unknown>;
}

let sequence = 0;

/**
 * Resolves once `origin` has answered a sentinel sent after the page's current work. Use the
 * origin whose log the test checks; under a CSP that forbids connecting there, the first party.
 */
export async function settled(page: Evaluating, origin: string): Promise<void> {
  await page.evaluate(async (url) => {
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
    // Then an idle period, so work a page defers "until idle" has had its turn too.
    await new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 1_000 }));
    // `no-cors`: the answer is opaque, but the promise settles only once it has arrived.
    await fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
  }, `${origin}${SETTLED_PATH}?${++sequence}`);
}
