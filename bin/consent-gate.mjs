#!/usr/bin/env node
// The `consent-gate` command (package bin). The code lives in dist/node/cli.js, built by
// `npm run build:node`; Ctrl+C and SIGTERM stop `records serve` cleanly.
let cli;
try {
  cli = await import('../dist/node/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/node/cli.js')) throw error;
  process.stderr.write('consent-gate: the command is not built; in a checkout of consent-gate run: npm run build:node\n');
  process.exit(1);
}
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop.abort());
process.exitCode = await cli.run(process.argv.slice(2), cli.processIo(stop.signal));
