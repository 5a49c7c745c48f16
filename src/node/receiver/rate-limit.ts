/**
 * Requests per client per fixed window, in memory (so per receiver instance). The client is known
 * only by a salted SHA-256 of its address: the salt is random per process and never leaves it, and
 * the address itself is never stored (GDPR Art. 5(1)(c), data minimisation: no IP in the proof).
 */
import { createHash, randomBytes } from 'node:crypto';

/** Rate limit settings. */
export interface RateLimitOptions {
  /** Window length in milliseconds. @default 60000 */
  windowMs?: number;
  /** Requests allowed per client per window. @default 120 */
  max?: number;
}

/** Decides whether one more request from a client is allowed. */
export interface RateLimiter {
  take(address: string, now?: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
  /** Clients tracked in the current window. */
  readonly size: number;
}

export function createRateLimiter({ windowMs = 60_000, max = 120 }: RateLimitOptions = {}): RateLimiter {
  if (!(windowMs > 0) || !(max > 0)) throw new RangeError('rateLimit: windowMs and max must be positive');
  const salt = randomBytes(32);
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;

  const keyOf = (address: string) => createHash('sha256').update(salt).update(address).digest('base64url');

  function sweep(now: number): void {
    // Forget clients whose window has ended, at most once per window: memory stays bounded by
    // the clients seen in about two windows.
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
  }

  return {
    take(address, now = Date.now()) {
      sweep(now);
      const key = keyOf(address);
      const window = windows.get(key);
      if (!window || now - window.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        return { allowed: true };
      }
      if (window.count < max) {
        window.count++;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
    },
    get size() {
      return windows.size;
    },
  };
}
