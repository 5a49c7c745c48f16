/**
 * Every unit test fails on a `[consent-gate]` warning or error it did not expect: the setup file
 * `tests/support/console-setup.ts` wraps `console.warn` and `console.error` once, collects the
 * library's messages during each test and checks them after it. A test that provokes a message on
 * purpose claims it with `expectConsoleMessage(/pattern/)`, or takes it with
 * `takeConsoleMessages(/pattern/)` to assert on it. Tests that pass their own recording logger
 * (tests/ui/support.tsx) never reach the console and check that logger instead.
 */
import { inspect } from 'node:util';

/** The marker the library's logger puts first on every line (src/core/logger.ts). */
export const PREFIX = '[consent-gate]';

export type ConsoleLevel = 'warn' | 'error';

/** One `[consent-gate]` line printed during the current test. */
export interface ConsoleMessage {
  level: ConsoleLevel;
  /** The whole line, as the console would print it. */
  text: string;
  /** Whether a claim or a take has accounted for it. */
  claimed: boolean;
}

interface Claim {
  pattern: RegExp;
  level?: ConsoleLevel;
  times?: number;
  /** Where the claim was made, for the failure message. */
  label: string;
}

let messages: ConsoleMessage[] = [];
let claims: Claim[] = [];
let installed = false;

const matches = (claim: Pick<Claim, 'pattern' | 'level'>, message: ConsoleMessage) =>
  (!claim.level || claim.level === message.level) && claim.pattern.test(message.text);

/** One console argument as a short string: elements as their opening markup, not as objects. */
function show(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg instanceof Error) return arg.message;
  const markup = (arg as { outerHTML?: unknown } | null)?.outerHTML;
  if (typeof markup === 'string') return markup.length > 160 ? `${markup.slice(0, 157)}...` : markup;
  return inspect(arg, { depth: 2, breakLength: Infinity });
}

/**
 * Wraps `console.warn` and `console.error` (once per test file): `[consent-gate]` lines are
 * recorded (a failing check prints them), every other line is printed as before.
 */
export function installConsoleWatch(target: Console = globalThis.console): void {
  if (installed) return;
  installed = true;
  for (const level of ['warn', 'error'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      if (args.some((arg) => typeof arg === 'string' && arg.includes(PREFIX))) {
        messages.push({ level, text: args.map(show).join(' '), claimed: false });
        return;
      }
      original(...args);
    };
  }
}

/**
 * Declares that this test prints a `[consent-gate]` line matching `pattern` (at least once, or
 * exactly `times` times). The check after the test fails if it never came, came another number
 * of times, or if any other `[consent-gate]` line was printed.
 */
export function expectConsoleMessage(pattern: RegExp | string, options: { level?: ConsoleLevel; times?: number } = {}): void {
  const regexp = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
  claims.push({ pattern: regexp, ...options, label: `${options.level ?? 'warn|error'} ${regexp}${options.times === undefined ? '' : ` × ${options.times}`}` });
}

/** The `[consent-gate]` lines printed so far in this test, matching `pattern`; they count as expected. */
export function takeConsoleMessages(pattern: RegExp = /./, level?: ConsoleLevel): string[] {
  const taken = messages.filter((message) => matches({ pattern, level }, message));
  for (const message of taken) message.claimed = true;
  return taken.map((message) => message.text);
}

/** The `[consent-gate]` lines printed so far in this test (claimed or not), for diagnostics. */
export function consoleMessages(): readonly ConsoleMessage[] {
  return messages;
}

/** Forgets what was printed and claimed (before each test). */
export function resetConsoleMessages(): void {
  messages = [];
  claims = [];
}

/**
 * After each test: every claim met, no unclaimed `[consent-gate]` line. Resets either way, so
 * one failure does not leak into the next test.
 * @throws {Error} listing the unexpected lines and the claims not met.
 */
export function checkConsoleMessages(): void {
  const problems: string[] = [];
  for (const claim of claims) {
    const hits = messages.filter((message) => matches(claim, message));
    for (const message of hits) message.claimed = true;
    if (claim.times === undefined ? hits.length === 0 : hits.length !== claim.times) {
      problems.push(`expected ${claim.label}, printed ${hits.length} time(s)`);
    }
  }
  const unexpected = messages.filter((message) => !message.claimed);
  resetConsoleMessages();
  for (const message of unexpected) problems.push(`unexpected console.${message.level}: ${message.text}`);
  if (problems.length > 0) {
    throw new Error(`[consent-gate] console check failed (claim expected lines with expectConsoleMessage):\n${problems.join('\n')}`);
  }
}
