/**
 * The one `[consent-gate]` console voice: loud about configuration, quiet at run time, and
 * each warning said once per instance so a page full of marked elements does not flood it.
 */
export interface Logger {
  /** Warns once per key. */
  warnOnce(key: string, ...details: unknown[]): void;
  /** Reports an error (every time). */
  error(...details: unknown[]): void;
}

const PREFIX = '[consent-gate]';

export function createLogger(): Logger {
  const said = new Set<string>();
  return {
    warnOnce(key, ...details) {
      if (said.has(key)) return;
      said.add(key);
      console.warn(PREFIX, ...details);
    },
    error(...details) {
      console.error(PREFIX, ...details);
    },
  };
}
