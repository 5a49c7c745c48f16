/**
 * The embedded database lives in a directory that only one process may open at a time (PGlite
 * is PostgreSQL in one process, without a server to share it). A lock file with the owner's
 * pid turns a second opener into a clear error instead of a corrupted database.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StoreUnavailableError } from './errors.js';

const LOCK_FILE = 'consent-gate.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock (creating the directory); resolves to the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        const who = owner === process.pid ? 'this process' : `process ${owner}`;
        throw new StoreUnavailableError(
          `The data directory ${dataDir} is already open in ${who} (for example \`consent-gate records serve\`). ` +
            'The embedded database serves one process at a time: stop that process first, or keep records in PostgreSQL (--database-url) to read them while a receiver runs.',
        );
      }
      // The owner is gone (a crash): the lock is stale.
      rmSync(file, { force: true });
    }
  }
  throw new StoreUnavailableError(`Could not lock the data directory ${dataDir}: another process keeps taking it.`);
}
