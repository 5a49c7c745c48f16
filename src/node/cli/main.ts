/**
 * `consent-gate`, the command line (README, "The command line"). `run()` takes the arguments and
 * the output streams, so tests run it in-process; bin/consent-gate.mjs calls it for the terminal.
 */
import { parseArgs } from 'node:util';
import { MissingDependencyError } from '../optional-dependency.js';
import { StoreUnavailableError } from '../store/errors.js';
import { importRecords } from './commands/import.js';
import { exportRecords, prune, show, stats } from './commands/read.js';
import { DEFAULT_PORT, serve } from './commands/serve.js';
import { CliError, processIo, type CliIo } from './io.js';
import { STORE_OPTIONS } from './options.js';
import { DEFAULT_DEADLINE_MS, DEFAULT_WATCH_MS } from '../scanner/deadline.js';

export { processIo } from './io.js';
export type { CliIo } from './io.js';

const USAGE = `Usage: consent-gate records <command> [options]
       consent-gate scan <url> [options]

Commands:
  serve                        receive consent records over HTTP (POST, at --path)
      --port N                 port to listen on, 0 for any free one (default ${DEFAULT_PORT})
      --host ADDRESS           address to listen on (default 127.0.0.1)
      --path PATH              where records are received (default /consent)
      --rate-limit N|off       requests per minute per client (default 120)
      --cors ORIGIN            let pages on ORIGIN post records (repeatable), e.g.
                               --cors https://www.example.com; posts from other origins get 403
      --trust-proxy            behind one reverse proxy: rate-limit by the last X-Forwarded-For
                               address, and take X-Forwarded-Host as this receiver's own host
  show <consent-id> [--json]   every record of one visitor's consent, oldest first
  export [--since DATE] [--format jsonl|csv]
                               all records (received since DATE) to standard output
  import <file.jsonl|->         store what \`export --format jsonl\` wrote (any store to any store),
                               each record once, keeping receivedAt; safe to run again
  stats [--since DATE] [--json]
                               visitors who accept, refuse or reset (withdrew), per category,
                               revision and day: each visitor's latest decision counts, once
  prune --older-than <N>d      delete records stored more than N days ago

Where records are kept (every records command):
  --data DIR                   the embedded database (default ./consent-records)
  --database-url URL           PostgreSQL instead, postgres://user:password@host:5432/db

Site scanner (needs playwright-core, tldts and a Chrome or Chromium; CHROMIUM_PATH to choose one):
  scan <url>                   crawl same-site pages in headless Chromium, before any consent
      --pages N                most pages to visit (default 20)
      --out FILE.json          write a config draft for the cookies and vendors found
      --report FILE.md|.html   write the cookie declaration and the tags to make inert
                               (without it, the Markdown report goes to standard output)
  scan --verify <url>          check every page in fresh browsers: nothing before consent, nothing
                               after "Reject all" (the built-in banner, else window.consentGate);
                               exit 0 when clean, 1 on a problem, 2 when no page could be verified
      --config FILE.json       inject Consent Gate with this config into pages without it
      --reject-selector CSS    the site's own "Reject all" control (a headless interface)
      --gpc                    send Global Privacy Control (Sec-GPC: 1, navigator.globalPrivacyControl);
                               opt-out pages must then load nothing of an advertising or social vendor
      --accept                 also check that after "Accept all" only declared cookies and vendors appear
      --accept-selector CSS    the site's own "Accept all" control
      --watch DURATION         how long to watch after each load for late tags (default ${DEFAULT_WATCH_MS / 1000}s)
      --timeout DURATION       deadline for all checks of one page; a busy page is reported and
                               skipped (default ${DEFAULT_DEADLINE_MS / 1000}s)
      --format text|json|junit how to print the result (default text)
      --out FILE.json          also write the result as JSON, the next run's --baseline
      --baseline FILE.json     print what appeared and disappeared since that run; exit 1 on change
  --ignore-robots              visit pages robots.txt disallows (only for your own site)
  --delay MS                   pause between pages (default 500)
  --browser-arg=ARG            one more Chromium flag (repeatable), e.g. --browser-arg=--proxy-server=HOST:PORT
`;

const OPTIONS = {
  ...STORE_OPTIONS,
  port: { type: 'string' },
  host: { type: 'string' },
  path: { type: 'string' },
  'rate-limit': { type: 'string' },
  cors: { type: 'string', multiple: true },
  'trust-proxy': { type: 'boolean' },
  json: { type: 'boolean' },
  since: { type: 'string' },
  format: { type: 'string' },
  'older-than': { type: 'string' },
  pages: { type: 'string' },
  out: { type: 'string' },
  report: { type: 'string' },
  verify: { type: 'boolean' },
  config: { type: 'string' },
  delay: { type: 'string' },
  'browser-arg': { type: 'string', multiple: true },
  gpc: { type: 'boolean' },
  accept: { type: 'boolean' },
  'reject-selector': { type: 'string' },
  'accept-selector': { type: 'string' },
  watch: { type: 'string' },
  timeout: { type: 'string' },
  'ignore-robots': { type: 'boolean' },
  baseline: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: { values: Flags; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  const { values: flags, positionals } = parsed;
  const [group, command, ...rest] = positionals;
  if (flags.help || !group) {
    await io.out(USAGE);
    return flags.help ? 0 : 2;
  }
  if (group === 'scan') {
    if (rest.length) throw new CliError(`scan takes one address; unexpected "${rest[0]}"`, 2);
    // Loaded only for scans: the catalogues and the browser driver stay out of `records`.
    const { scan } = await import('./commands/scan.js');
    return scan(command, flags, io);
  }
  if (group !== 'records') throw new CliError(`unknown command "${group}"\n\n${USAGE}`, 2);
  const expectArgs = (count: number) => {
    if (rest.length > count) throw new CliError(`records ${command} takes ${count ? 'one argument' : 'no arguments'}; unexpected "${rest[count]}"`, 2);
  };
  switch (command) {
    case 'serve':
      expectArgs(0);
      return serve(flags, io);
    case 'show':
      expectArgs(1);
      return show(rest[0], flags, io);
    case 'export':
      expectArgs(0);
      return exportRecords(flags, io);
    case 'import':
      expectArgs(1);
      return importRecords(rest[0], flags, io);
    case 'stats':
      expectArgs(0);
      return stats(flags, io);
    case 'prune':
      expectArgs(0);
      return prune(flags, io);
    default:
      throw new CliError(`${command ? `unknown command "records ${command}"` : 'records needs a command'}\n\n${USAGE}`, 2);
  }
}

/**
 * Runs the command line; resolves to the exit code. Problems a person can fix are printed as
 * one line on standard error (exit 1, or 2 for wrong usage); anything else keeps its stack.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`consent-gate: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof StoreUnavailableError || error instanceof MissingDependencyError) {
      io.err(`consent-gate: ${error.message}\n`);
      return 1;
    }
    io.err(`consent-gate: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
