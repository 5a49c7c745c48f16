/** One thing wrong with a configuration. */
export interface ConfigProblem {
  /** Where it is, e.g. `categories.ads.cookies[2]`. */
  path: string;
  /** What was wrong and what is allowed. */
  message: string;
}

/**
 * Thrown by `createConsentGate` and `createConsent` for an invalid configuration. It lists every
 * problem at once, each with the field's path, what was wrong and what is allowed.
 */
export class ConsentGateConfigError extends Error {
  /** Every problem found. */
  readonly problems: readonly ConfigProblem[];

  /**
   * The configuration that failed, kept by production builds so the full report can be made
   * later (the script tag's messages part).
   */
  readonly config?: unknown;

  constructor(problems: ConfigProblem[], config?: unknown) {
    const lines = problems.map((p) => `  ${p.path}: ${p.message}`);
    super(`Invalid Consent Gate config (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ConsentGateConfigError';
    this.problems = problems;
    this.config = config;
  }
}
