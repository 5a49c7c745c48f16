/**
 * Brings a database to the newest schema. Several receivers may start at once against one
 * PostgreSQL: a transaction-scoped advisory lock lets one migrate while the others wait.
 */
import { MIGRATIONS, type Migration } from './migrations.js';
import type { SqlClient } from './sql-client.js';

/** Any constant works; this one is "consent-gate" squeezed into a 32-bit integer. */
const MIGRATION_LOCK = 0x63676d31;

/** Applies the migrations not yet applied; resolves to the versions it applied. */
export async function migrate(client: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
}

/** Our migrations hold plain DDL (no functions, no strings with `;`), so `;` splits them. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}
