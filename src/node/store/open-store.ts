/** Picks the store from what the user gave: a connection URL means PostgreSQL, else PGlite. */
import { openPgStore } from './pg-store.js';
import { openPgliteStore } from './pglite-store.js';
import type { SqlRecordStore, SqlStoreOptions } from './sql-store.js';

/** Where records are kept. */
export interface StoreLocation extends SqlStoreOptions {
  /** PostgreSQL connection URL; wins over `dataDir`. */
  databaseUrl?: string;
  /**
   * Directory of the embedded database.
   * @default './consent-records'
   */
  dataDir?: string;
}

/** The default data directory, relative to the working directory. */
export const DEFAULT_DATA_DIR = './consent-records';

/** Opens the store for a location: PostgreSQL when `databaseUrl` is set, else the embedded one. */
export function openStore({ databaseUrl, dataDir, ...options }: StoreLocation = {}): Promise<SqlRecordStore> {
  if (databaseUrl) return openPgStore({ ...options, connectionString: databaseUrl });
  return openPgliteStore({ ...options, dataDir: dataDir ?? DEFAULT_DATA_DIR });
}
