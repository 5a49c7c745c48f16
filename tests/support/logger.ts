import type { Logger } from '../../src/core/logger';

/** A logger that records what it would have said, keyed like the real one. */
export function recordingLogger(): Logger & { warnings: unknown[][]; errors: unknown[][] } {
  const said = new Set<string>();
  const logger = {
    warnings: [] as unknown[][],
    errors: [] as unknown[][],
    warnOnce(key: string, ...details: unknown[]) {
      if (said.has(key)) return;
      said.add(key);
      logger.warnings.push(details);
    },
    error(...details: unknown[]) {
      logger.errors.push(details);
    },
  };
  return logger;
}
