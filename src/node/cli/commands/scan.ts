/** `scan <url>` and `scan --verify <url>`: the site scanner on the command line. */
import { readFile, writeFile } from 'node:fs/promises';
import { validateConfig } from '../../../config/messages.js';
import type { ConsentGateConfig } from '../../../types.js';
import { importOptionals } from '../../optional-dependency.js';
import { ChromiumNotFoundError } from '../../scanner/chromium.js';
import { DEFAULT_DELAY_MS, DEFAULT_PAGES } from '../../scanner/crawl.js';
import { DEFAULT_DEADLINE_MS, DEFAULT_WATCH_MS, parseDuration } from '../../scanner/deadline.js';
import { htmlReport } from '../../scanner/report-html.js';
import { markdownReport } from '../../scanner/report-markdown.js';
import { summary } from '../../scanner/report-model.js';
import { scanSite, verifySite } from '../../scanner/scan.js';
import { baselineInventory, compareBaseline, inventory, verifyJson, verifyJunit, verifyText, type BaselineDiff } from '../../scanner/verify-report.js';
import { CliError, type CliIo } from '../io.js';

export interface ScanFlags {
  pages?: string;
  out?: string;
  report?: string;
  verify?: boolean;
  config?: string;
  delay?: string;
  'browser-arg'?: string[];
  gpc?: boolean;
  accept?: boolean;
  'reject-selector'?: string;
  'accept-selector'?: string;
  watch?: string;
  timeout?: string;
  'ignore-robots'?: boolean;
  format?: string;
  baseline?: string;
}

/** Exit codes of `scan --verify`: problems (or a change since the baseline), and nothing verified. */
export const EXIT_PROBLEMS = 1;
export const EXIT_NOT_VERIFIED = 2;

function wholeNumber(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new CliError(`${flag} takes a whole number from ${min}, not "${value}"`, 2);
  return Number(value);
}

function duration(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new CliError(`${flag} takes a duration such as 10s, 1500ms or 2m, not "${value}"`, 2);
  return ms;
}

function startUrl(value: string | undefined, verify: boolean): string {
  if (!value) throw new CliError(`scan needs the address of a page: consent-gate scan ${verify ? '--verify ' : ''}https://www.example.com/`, 2);
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through
  }
  throw new CliError(`"${value}" is not an http(s) address such as https://www.example.com/`, 2);
}

async function readConfig(file: string): Promise<ConsentGateConfig> {
  let config: unknown;
  try {
    config = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`--config ${file}: ${(error as Error).message}`);
  }
  const problems = validateConfig(config);
  if (problems.length) throw new CliError(`--config ${file} is not a valid Consent Gate config:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return config as ConsentGateConfig;
}

async function readBaseline(file: string): Promise<string[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`--baseline ${file}: ${(error as Error).message}`, 2);
  }
  const list = baselineInventory(json);
  if (!list) throw new CliError(`--baseline ${file}: not the JSON of a previous run (no "inventory" list); write one with: consent-gate scan --verify <url> --out ${file}`, 2);
  return list;
}

const VERIFY_ONLY = ['gpc', 'accept', 'reject-selector', 'accept-selector', 'watch', 'timeout', 'format', 'baseline', 'config'] as const;

/** Runs `scan`; resolves to the exit code. */
export async function scan(target: string | undefined, flags: ScanFlags, io: CliIo): Promise<number> {
  const verify = flags.verify === true;
  const options = {
    url: startUrl(target, verify),
    pages: wholeNumber(flags.pages, '--pages', DEFAULT_PAGES, 1),
    delayMs: wholeNumber(flags.delay, '--delay', DEFAULT_DELAY_MS, 0),
    browserArgs: flags['browser-arg'] ?? [],
    ignoreRobots: flags['ignore-robots'] === true,
    onProgress: (line: string) => io.err(`${line}\n`),
  };
  if (flags.report && !/\.(md|markdown|html?)$/i.test(flags.report)) throw new CliError(`--report ${flags.report}: name a .md or .html file`, 2);
  if (!verify) {
    const misplaced = VERIFY_ONLY.find((flag) => flags[flag] !== undefined);
    if (misplaced) throw new CliError(`--${misplaced} belongs to --verify`, 2);
  }
  const format = flags.format ?? 'text';
  if (!['text', 'json', 'junit'].includes(format)) throw new CliError(`--format takes text, json or junit, not "${format}"`, 2);
  // Every missing package named at once, before anything is read, launched or written.
  await importOptionals(
    [
      { name: 'tldts', load: () => import('tldts') },
      { name: 'playwright-core', load: () => import('playwright-core') },
    ],
    'consent-gate scan',
  );
  try {
    if (verify) {
      if (flags.report) throw new CliError('--report belongs to a scan, not to --verify (use --format and --out)', 2);
      const config = flags.config ? await readConfig(flags.config) : undefined;
      const previous = flags.baseline ? await readBaseline(flags.baseline) : undefined;
      const result = await verifySite({
        ...options,
        config,
        gpc: flags.gpc === true,
        accept: flags.accept === true,
        rejectSelector: flags['reject-selector'],
        acceptSelector: flags['accept-selector'],
        watchMs: duration(flags.watch, '--watch', DEFAULT_WATCH_MS),
        deadlineMs: duration(flags.timeout, '--timeout', DEFAULT_DEADLINE_MS),
      });
      const diff: BaselineDiff | undefined = previous && compareBaseline(previous, inventory(result));
      if (flags.out) await writeFile(flags.out, `${JSON.stringify(verifyJson(result), null, 2)}\n`);
      const writers = { text: verifyText, json: (r: typeof result, d?: BaselineDiff) => `${JSON.stringify(verifyJson(r, d), null, 2)}\n`, junit: verifyJunit };
      await io.out(writers[format as keyof typeof writers](result, diff));
      if (result.verified === 0) return EXIT_NOT_VERIFIED;
      const changed = diff && (diff.appeared.length > 0 || diff.disappeared.length > 0);
      return result.violations.length || changed ? EXIT_PROBLEMS : 0;
    }
    const { report, draft } = await scanSite(options);
    if (draft.problems.length) throw new Error(`the drafted config does not validate: ${JSON.stringify(draft.problems)}`);
    if (flags.out) await writeFile(flags.out, `${JSON.stringify(draft.config, null, 2)}\n`);
    if (flags.report) await writeFile(flags.report, /\.html?$/i.test(flags.report) ? htmlReport(report) : markdownReport(report));
    if (!flags.report) await io.out(markdownReport(report));
    io.err(`${summary(report)}.${flags.out ? ` Config draft: ${flags.out}.` : ''}${flags.report ? ` Report: ${flags.report}.` : ''}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) throw new CliError(error.message);
    throw error;
  }
}
