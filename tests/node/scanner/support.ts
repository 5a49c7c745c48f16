/** Shared by the scanner's specs: the built `dist/`, and the command run in-process. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../../src/node/cli/main.js';

/** The project's built browser files (the fixture's Consent Gate pages and the demo load them). */
export const DIST = path.resolve('dist');

/** Fails with the command to run when the browser build is missing. */
export function requireBuild(): void {
  if (!existsSync(path.join(DIST, 'consent-gate.iife.js'))) throw new Error('dist/consent-gate.iife.js is missing: run `npm run build` before the scanner tests');
}

/** Runs `consent-gate …` in-process; resolves to its exit code and output. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = { stdout: '', stderr: '', out: (text: string) => void (io.stdout += text), err: (text: string) => void (io.stderr += text) };
  const code = await run(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** What a run of the built command in its own process gave. */
export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The Node process's peak resident set (process.resourceUsage().maxRSS), in MB. */
  peakRssMb: number;
  seconds: number;
}

/**
 * Runs the built command (dist/node/cli.js, `npm run build:node`) in a child Node process and
 * reads that process's peak RSS on its way out; the test's own process is not measured.
 */
export function runBuilt(args: readonly string[], timeoutMs = 120_000): Promise<ChildRun> {
  const cli = pathToFileURL(path.resolve('dist/node/cli.js')).href;
  if (!existsSync(new URL(cli))) throw new Error('dist/node/cli.js is missing: run `npm run build:node` before the scanner tests');
  const code = `const { run } = await import(${JSON.stringify(cli)});
const status = await run(process.argv.slice(1));
process.stderr.write('\\nmaxRSS=' + process.resourceUsage().maxRSS + '\\n');
process.exit(status);`;
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', code, ...args], { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const rss = /maxRSS=(\d+)/.exec(stderr);
      const exit = error ? ((error as { code?: unknown }).code as number | null) : 0;
      resolve({ code: typeof exit === 'number' ? exit : null, stdout, stderr, peakRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, seconds: (Date.now() - started) / 1000 });
    });
  });
}
