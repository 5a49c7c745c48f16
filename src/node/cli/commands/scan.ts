/** `scan <url>` and `scan --verify <url>`: the site scanner on the command line. */
import { readFile, writeFile } from 'node:fs/promises';
import { validateConfig } from '../../../config/messages.js';
import type { ConsentGateConfig } from '../../../types.js';
import { ChromiumNotFoundError } from '../../scanner/chromium.js';
import { DEFAULT_DELAY_MS, DEFAULT_PAGES } from '../../scanner/crawl.js';
import { htmlReport } from '../../scanner/report-html.js';
import { markdownReport } from '../../scanner/report-markdown.js';
import { summary } from '../../scanner/report-model.js';
import { scanSite, verifySite } from '../../scanner/scan.js';
import { CliError, type CliIo } from '../io.js';

export interface ScanFlags {
  pages?: string;
  out?: string;
  report?: string;
  verify?: boolean;
  config?: string;
  delay?: string;
  'browser-arg'?: string[];
}

function wholeNumber(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new CliError(`${flag} takes a whole number from ${min}, not "${value}"`, 2);
  return Number(value);
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

/** Runs `scan`; resolves to the exit code. */
export async function scan(target: string | undefined, flags: ScanFlags, io: CliIo): Promise<number> {
  const verify = flags.verify === true;
  const options = {
    url: startUrl(target, verify),
    pages: wholeNumber(flags.pages, '--pages', DEFAULT_PAGES, 1),
    delayMs: wholeNumber(flags.delay, '--delay', DEFAULT_DELAY_MS, 0),
    browserArgs: flags['browser-arg'] ?? [],
    onProgress: (line: string) => io.err(`${line}\n`),
  };
  if (flags.report && !/\.(md|markdown|html?)$/i.test(flags.report)) throw new CliError(`--report ${flags.report}: name a .md or .html file`, 2);
  try {
    if (verify) {
      if (flags.out || flags.report) throw new CliError('--out and --report belong to a scan, not to --verify', 2);
      const config = flags.config ? await readConfig(flags.config) : undefined;
      const result = await verifySite({ ...options, config });
      for (const v of result.violations) await io.out(`FAIL ${v.when}: ${v.what} ${v.detail} (${v.page})\n`);
      const tail = result.disallowed.length ? `; ${result.disallowed.length} pages skipped by robots.txt` : '';
      await io.out(`${result.violations.length ? `${result.violations.length} problems` : 'Clean: nothing before consent or after "Reject all"'} on ${result.pages.length} pages${tail}.\n`);
      return result.violations.length ? 1 : 0;
    }
    if (flags.config) throw new CliError('--config belongs to --verify', 2);
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
