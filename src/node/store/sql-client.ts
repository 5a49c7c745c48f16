/**
 * The little the SQL store needs from a database driver. PGlite and `pg` each get a thin
 * adapter, so both stores run the same statements and migrations.
 */

/** A connection (or pool) that runs parameterised statements. */
export interface SqlClient {
  /** Runs one statement with `$1…` parameters; resolves to its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `fn` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
