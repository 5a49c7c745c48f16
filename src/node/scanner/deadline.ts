/**
 * An overall deadline for work on one page, kept by a Node timer: a page that busy-loops blocks
 * its main thread, so nothing asked of the page (evaluate, waits) ever answers, and only closing
 * its browser context from outside ends the work.
 */

/** After load, how long each check of `scan --verify` watches for late tags when none is given. */
export const DEFAULT_WATCH_MS = 8_000;
/** The overall deadline of one page's checks when none is given. */
export const DEFAULT_DEADLINE_MS = 120_000;

/** The work did not finish in time. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
  constructor(readonly ms: number) {
    super(`did not finish within ${formatDuration(ms)}`);
  }
}

/** "30 s", "1.5 s", "250 ms". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** A pause of `ms` milliseconds. */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work`; when it has not settled after `ms`, calls `abandon` (close the page's context; given
 * at most 10 s) and rejects with {@link DeadlineError}. The abandoned work's own rejection is
 * swallowed.
 */
export async function withDeadline<T>(ms: number, work: () => Promise<T>, abandon: () => Promise<unknown>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const running = work();
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      running.catch(() => undefined);
      const stop = Promise.race([abandon().catch(() => undefined), pause(10_000)]);
      void stop.then(() => reject(new DeadlineError(ms)));
    }, ms);
  });
  try {
    return await Promise.race([running, expired]);
  } catch (error) {
    // Closing the page makes the work fail first ("target closed"): the deadline is the cause.
    if (timedOut) throw new DeadlineError(ms);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A duration as the command line takes it: `10s`, `500ms`, `2m`, or plain milliseconds.
 * @returns milliseconds, or undefined when `text` is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  return Math.round(value * (match[2] === 's' ? 1000 : match[2] === 'm' ? 60_000 : 1));
}
