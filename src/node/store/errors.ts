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
