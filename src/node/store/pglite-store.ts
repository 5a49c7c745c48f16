/**
 * The default store: PGlite, PostgreSQL compiled to WebAssembly, in a data directory. No server
 * to run; one process at a time (see data-dir-lock.ts).
 */
import path from 'node:path';
import { importOptional } from '../optional-dependency.js';
import { lockDataDir } from './data-dir-lock.js';
import { StoreUnavailableError } from './errors.js';
import type { SqlClient } from './sql-client.js';
import { createSqlStore, type SqlRecordStore, type SqlStoreOptions } from './sql-store.js';

/** The driver this store loads (an optional peer dependency). */
export const PGLITE_DEPENDENCY = { name: '@electric-sql/pglite', load: () => import('@electric-sql/pglite') } as const;

/** Options for {@link openPgliteStore}. */
export interface PgliteStoreOptions extends SqlStoreOptions {
  /** Directory of the database, created when missing, e.g. `./consent-records`. */
  dataDir: string;
}

interface PgliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  transaction<T>(fn: (tx: { query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function clientOf(db: PgliteLike, release: () => void): SqlClient {
  const client: SqlClient = {
    async query(text, params) {
      return (await db.query(text, params ? [...params] : undefined)).rows as never;
    },
    transaction(fn) {
      return db.transaction((tx) =>
        fn({
          query: async (text, params) => (await tx.query(text, params ? [...params] : undefined)).rows as never,
          transaction: () => Promise.reject(new Error('nested transactions are not used')),
          close: () => Promise.resolve(),
        }),
      );
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
  return client;
}

/**
 * Opens (or creates) the embedded store in `dataDir` and brings its schema up to date.
 * @throws {MissingDependencyError} when `@electric-sql/pglite` is not installed.
 * @throws {StoreUnavailableError} when the directory is in use or cannot be opened.
 */
export async function openPgliteStore(options: PgliteStoreOptions): Promise<SqlRecordStore> {
  const { PGlite } = await importOptional(PGLITE_DEPENDENCY.name, PGLITE_DEPENDENCY.load, 'The embedded record store');
  const dataDir = path.resolve(options.dataDir);
  const release = lockDataDir(dataDir);
  let db: PgliteLike;
  try {
    db = (await PGlite.create({ dataDir })) as unknown as PgliteLike;
  } catch (error) {
    release();
    throw new StoreUnavailableError(
      `Cannot open the embedded database in ${dataDir}: ${(error as Error).message}. Check that the directory is writable and holds a Consent Gate database (or is empty), or choose another with --data DIR.`,
      { cause: error },
    );
  }
  const client = clientOf(db, release);
  try {
    return await createSqlStore(client, options);
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}
