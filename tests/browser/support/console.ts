/**
 * Browser suites fail on any `[consent-gate]` warning or error a test did not expect. Each suite's
 * page helper attaches its browser context (every page in it, also pages opened later); after the
 * context is closed the suite calls `verify()`, which fails the test on a line no test claimed. A
 * test that provokes a line on purpose claims it with `expect(/…/)`, or takes it with `take(/…/)`
 * to assert on it (counts, wording).
 */
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

/** The marker the library's logger puts first on every line (src/core/logger.ts). */
export const PREFIX = '[consent-gate]';

export interface LoggedLine {
  /** `warning` or `error`, as the browser reports it. */
  type: string;
  text: string;
  /** The page the line came from. */
  url: string;
  claimed: boolean;
}

export interface ConsoleWatch {
  /** Records the `[consent-gate]` warnings and errors of every page in `target`. */
  attach(target: BrowserContext | Page): void;
  /**
   * Declares that this test prints a line matching `pattern` (at least once, or exactly `times`
   * times); `verify()` fails if it did not.
   */
  expect(pattern: RegExp, options?: { times?: number; type?: 'warning' | 'error' }): void;
  /** The lines so far matching `pattern` (they count as expected), for assertions. */
  take(pattern?: RegExp): string[];
  /** Every line so far, claimed or not (for diagnostics). */
  lines(): readonly LoggedLine[];
  /**
   * After a test (and after its contexts closed, so every line has arrived): fails on an
   * unclaimed line or an unmet claim, then forgets both.
   */
  verify(): void;
}

interface Claim {
  pattern: RegExp;
  times?: number;
  type?: string;
}

export function watchConsole(): ConsoleWatch {
  let lines: LoggedLine[] = [];
  let claims: Claim[] = [];
  const attached = new WeakSet<object>();
  const matches = (claim: Claim, line: LoggedLine) => (!claim.type || claim.type === line.type) && claim.pattern.test(line.text);

  const record = (message: ConsoleMessage) => {
    const type = message.type();
    if ((type === 'warning' || type === 'error') && message.text().includes(PREFIX)) {
      let url = '';
      try {
        url = message.page()?.url() ?? '';
      } catch {
        // The page is gone; the line still counts.
      }
      lines.push({ type, text: message.text(), url, claimed: false });
    }
  };

  return {
    attach(target) {
      if (attached.has(target)) return;
      attached.add(target);
      target.on('console', record);
    },
    expect(pattern, options = {}) {
      claims.push({ pattern, ...options });
    },
    take(pattern = /./) {
      const taken = lines.filter((line) => pattern.test(line.text));
      for (const line of taken) line.claimed = true;
      return taken.map((line) => line.text);
    },
    lines: () => lines,
    verify() {
      const problems: string[] = [];
      for (const claim of claims) {
        const hits = lines.filter((line) => matches(claim, line));
        for (const line of hits) line.claimed = true;
        if (claim.times === undefined ? hits.length === 0 : hits.length !== claim.times) {
          problems.push(`expected ${claim.type ?? 'warning|error'} ${claim.pattern}${claim.times === undefined ? '' : ` × ${claim.times}`}, printed ${hits.length} time(s)`);
        }
      }
      const unexpected = lines.filter((line) => !line.claimed);
      lines = [];
      claims = [];
      for (const line of unexpected) problems.push(`unexpected console.${line.type} on ${line.url}: ${line.text}`);
      if (problems.length > 0) throw new Error(`[consent-gate] console check failed (claim expected lines with the suite's console watch):\n${problems.join('\n')}`);
    },
  };
}
