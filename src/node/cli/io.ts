/** Where the command line writes, so tests can run it in-process and read what it printed. */

/** Output streams and the stop signal of one run. */
export interface CliIo {
  /** Standard output; resolves when the text may be written again (back-pressure on large exports). */
  out(text: string): void | Promise<void>;
  /** Standard error. */
  err(text: string): void;
  /** Stops a long-running command (`records serve`). */
  signal?: AbortSignal;
}

/** An error a person can fix, printed without a stack trace. `exitCode` 2 means wrong usage. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The process's own streams. */
export function processIo(signal?: AbortSignal): CliIo {
  return {
    out: (text) =>
      new Promise<void>((resolve) => {
        if (process.stdout.write(text)) resolve();
        else process.stdout.once('drain', resolve);
      }),
    err: (text) => void process.stderr.write(text),
    signal,
  };
}
