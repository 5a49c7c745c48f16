/** Errors a store raises that a person can act on; the command line prints their message. */

/** The database cannot be opened or reached. The message names the fix. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  /** Machine-readable code, stable for callers. */
  readonly code = 'store_unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Whether the database refused a statement for what it holds (an SQLSTATE outside the
 * connection, resource and operator classes 08, 53, 57, 58): the same rows sent one by one
 * then isolate the one at fault. A database that is down or unreachable gives no SQLSTATE, or
 * one of those classes, and retrying row by row would only multiply the waiting.
 */
export function isStatementError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|53|57|58)/.test(code);
}
