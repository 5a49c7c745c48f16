/** Shared by the scanner's specs: the built `dist/`, and the command run in-process. */
import { existsSync } from 'node:fs';
import path from 'node:path';
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
