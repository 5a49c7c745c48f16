/**
 * PostgreSQL through `pg`, for sites that outgrow one machine: any number of receivers share
 * one database (or a PostgreSQL-compatible distributed one), each with a small pool.
 */
import { importOptional } from '../optional-dependency.js';
import { StoreUnavailableError } from './errors.js';
import type { SqlClient } from './sql-client.js';
import { createSqlStore, type SqlRecordStore, type SqlStoreOptions } from './sql-store.js';

/** The driver this store loads (an optional peer dependency). */
export const PG_DEPENDENCY = { name: 'pg', load: () => import('pg') } as const;

/** Options for {@link openPgStore}. */
export interface PgStoreOptions extends SqlStoreOptions {
  /** `postgres://user:password@host:5432/database` */
  connectionString: string;
  /**
   * Connections per receiver. Batching keeps this small.
   * @default 10
   */
  maxConnections?: number;
  /**
   * How long to wait for a connection before failing, in milliseconds.
   * @default 5000
   */
  connectTimeoutMs?: number;
}

/** The URL without its password, safe to print. */
export function redactUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(an invalid URL)';
  }
}

/** Explains a connection failure in words that name the fix. */
export function explainPgError(error: unknown, connectionString: string): StoreUnavailableError {
  const where = redactUrl(connectionString);
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  const fixes: Record<string, string> = {
    ECONNREFUSED: `nothing accepts connections at ${where}. Start PostgreSQL, or correct the host and port in --database-url.`,
    ENOTFOUND: `the host in ${where} is unknown. Correct --database-url.`,
    ETIMEDOUT: `PostgreSQL at ${where} did not answer in time. Check that it runs and that the network allows it.`,
    '28P01': `PostgreSQL refused the user or password in ${where}. Correct them in --database-url.`,
    '28000': `PostgreSQL refused the connection for ${where} (pg_hba.conf). Allow this client, or correct --database-url.`,
    '3D000': `the database in ${where} does not exist. Create it (createdb NAME) or correct --database-url.`,
  };
  const fix = (code && fixes[code]) || (/timeout/i.test(message) ? fixes.ETIMEDOUT : null);
  return new StoreUnavailableError(fix ? `Cannot use PostgreSQL: ${fix}` : `Cannot use PostgreSQL at ${where}: ${message}`, { cause: error });
}

/**
 * Connects to PostgreSQL and brings the schema up to date (migrations run once, under a lock,
 * however many receivers start together).
 * @throws {MissingDependencyError} when `pg` is not installed.
 * @throws {StoreUnavailableError} naming the fix when the database cannot be reached.
 */
export async function openPgStore(options: PgStoreOptions): Promise<SqlRecordStore> {
  const pg = await importOptional(PG_DEPENDENCY.name, PG_DEPENDENCY.load, 'The PostgreSQL record store');
  const Pool = (pg.default ?? pg).Pool;
  let url: URL;
  try {
    url = new URL(options.connectionString);
  } catch {
    throw new StoreUnavailableError('--database-url is not a URL: use postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StoreUnavailableError(`--database-url must start with postgres:// (got ${url.protocol}//)`);
  }
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  // An idle connection that dies (the server restarts) must not crash the process: the pool
  // drops it and the next query opens a new one.
  pool.on('error', (error) => options.onWarning?.(`PostgreSQL connection lost: ${error.message}`));
  const client: SqlClient = {
    async query(text, params) {
      return (await pool.query(text, params ? [...params] : undefined)).rows as never;
    },
    async transaction(fn) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn({
          query: async (text, params) => (await connection.query(text, params ? [...params] : undefined)).rows as never,
          transaction: () => Promise.reject(new Error('nested transactions are not used')),
          close: () => Promise.resolve(),
        });
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
  try {
    return await createSqlStore(client, options);
  } catch (error) {
    await pool.end().catch(() => {});
    throw explainPgError(error, options.connectionString);
  }
}
