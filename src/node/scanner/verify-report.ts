/**
 * A verify run for people and for CI: plain text, JSON (also the `--baseline` file of the next
 * run) or JUnit XML (one test case per page). Page URLs are printed whole, with their query:
 * `/?mode=opt-out` and `/` are different pages.
 */
import type { VerifyResult } from './scan.js';

/** What appeared and disappeared since a previous run. */
export interface BaselineDiff {
  appeared: string[];
  disappeared: string[];
}

/** The JSON a run writes (and `--baseline` reads back). */
export interface VerifyJson {
  verified: number;
  pages: Array<{ url: string; verified: boolean; violations: VerifyResult['violations'] }>;
  disallowed: string[];
  violations: VerifyResult['violations'];
  recordsIntercepted: number;
  /** What the next run is compared with. */
  inventory: string[];
  baseline?: BaselineDiff;
}

/** Every fact of a run that `--baseline` compares: pages, problems and what each check saw. */
export function inventory(result: VerifyResult): string[] {
  return [
    ...result.pages.map((page) => `page ${page.url}${page.verified ? '' : ' (not verified)'}`),
    ...result.violations.map((v) => `problem ${v.when}: ${v.what} ${v.detail} (${v.page})`),
    ...result.observed,
  ].sort();
}

/** Compares two inventories. */
export function compareBaseline(previous: readonly string[], current: readonly string[]): BaselineDiff {
  const before = new Set(previous);
  const now = new Set(current);
  return { appeared: current.filter((item) => !before.has(item)), disappeared: previous.filter((item) => !now.has(item)) };
}

/** Reads the inventory out of a previous run's JSON. */
export function baselineInventory(json: unknown): string[] | undefined {
  const list = (json as { inventory?: unknown } | null)?.inventory;
  return Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : undefined;
}

/** The run as JSON. */
export function verifyJson(result: VerifyResult, baseline?: BaselineDiff): VerifyJson {
  return {
    verified: result.verified,
    pages: result.pages.map(({ url, verified, violations }) => ({ url, verified, violations })),
    disallowed: result.disallowed,
    violations: result.violations,
    recordsIntercepted: result.recordsIntercepted,
    inventory: inventory(result),
    ...(baseline ? { baseline } : {}),
  };
}

/** The sentence that ends a text report. */
export function verdict(result: VerifyResult): string {
  const skipped = result.disallowed.length ? `; ${result.disallowed.length} pages skipped by robots.txt` : '';
  const records = `${result.recordsIntercepted} consent record${result.recordsIntercepted === 1 ? '' : 's'} answered by the verifier, none sent to the site's store`;
  if (result.verified === 0) {
    const why = result.pages.length === 0 && result.disallowed.length ? 'robots.txt disallows the start page (use --ignore-robots for your own site)' : `${result.pages.length} page${result.pages.length === 1 ? '' : 's'} visited, none could be checked to the end`;
    return `NOT VERIFIED: 0 pages verified: ${why}${skipped}. This is not a clean result.`;
  }
  const head = result.violations.length ? `${result.violations.length} problem${result.violations.length === 1 ? '' : 's'}` : 'Clean: nothing before consent or after "Reject all"';
  return `${head} on ${result.verified} page${result.verified === 1 ? '' : 's'} verified${skipped}; ${records}.`;
}

/** The run as text: one FAIL line per problem, then the verdict. */
export function verifyText(result: VerifyResult, baseline?: BaselineDiff): string {
  const lines = result.violations.map((v) => `FAIL ${v.when}: ${v.what} ${v.detail} (${v.page})`);
  if (baseline) {
    lines.push(...baseline.appeared.map((item) => `APPEARED ${item}`), ...baseline.disappeared.map((item) => `DISAPPEARED ${item}`));
    if (!baseline.appeared.length && !baseline.disappeared.length) lines.push('No change since the baseline.');
  }
  lines.push(verdict(result));
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  // XML 1.0 forbids most control characters even as references.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The run as JUnit XML: a test case per page (skipped when not verified), and one for the baseline. */
export function verifyJunit(result: VerifyResult, baseline?: BaselineDiff): string {
  const cases = result.pages.map((page) => {
    const failures = page.violations.map((v) => `      <failure message="${xml(`${v.when}: ${v.what} ${v.detail}`)}" type="${xml(v.what)}"/>\n`).join('');
    const skipped = page.verified ? '' : '      <skipped message="not verified"/>\n';
    return `    <testcase classname="consent-gate.verify" name="${xml(page.url)}">\n${failures}${failures ? '' : skipped}    </testcase>\n`;
  });
  if (result.verified === 0) cases.push(`    <testcase classname="consent-gate.verify" name="verified pages">\n      <failure message="${xml(verdict(result))}" type="not verified"/>\n    </testcase>\n`);
  if (baseline) {
    const changes = [...baseline.appeared.map((item) => `appeared: ${item}`), ...baseline.disappeared.map((item) => `disappeared: ${item}`)];
    cases.push(`    <testcase classname="consent-gate.verify" name="baseline">\n${changes.map((change) => `      <failure message="${xml(change)}" type="changed"/>\n`).join('')}    </testcase>\n`);
  }
  const failures = cases.filter((c) => c.includes('<failure')).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="consent-gate scan --verify" tests="${cases.length}" failures="${failures}" skipped="${cases.filter((c) => c.includes('<skipped')).length}">\n${cases.join('')}  </testsuite>\n</testsuites>\n`;
}
