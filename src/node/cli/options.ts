/** Parsing the options every `records` command shares, and the values they take. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { importOptionals, type OptionalDependency } from '../optional-dependency.js';
import { VALIDATOR_DEPENDENCIES } from '../schema/validate-record.js';
import { DEFAULT_DATA_DIR, openStore } from '../store/open-store.js';
import { PG_DEPENDENCY } from '../store/pg-store.js';
import { PGLITE_DEPENDENCY } from '../store/pglite-store.js';
import type { SqlRecordStore } from '../store/sql-store.js';
import { CliError } from './io.js';

/** Options for where records are kept. */
export const STORE_OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
} as const;

export interface StoreFlags {
  data?: string;
  'database-url'?: string;
}

/** Words for the store, for messages. */
export function describeStore(flags: StoreFlags): string {
  if (flags['database-url']) return 'PostgreSQL (--database-url)';
  return `the embedded database in ${path.resolve(flags.data ?? DEFAULT_DATA_DIR)}`;
}

/**
 * Checks, before anything is written, that every optional dependency a command needs is
 * installed: the store's driver, and the schema validator for commands that take records in.
 * A person missing three packages learns it from one message naming all three.
 * @throws {MissingDependencyError}
 */
export async function requireDependencies(flags: StoreFlags, command: string, { validator }: { validator: boolean }): Promise<void> {
  const needed: OptionalDependency[] = [flags['database-url'] ? PG_DEPENDENCY : PGLITE_DEPENDENCY];
  if (validator) needed.push(...VALIDATOR_DEPENDENCIES);
  await importOptionals(needed, `consent-gate records ${command}`);
}

/**
 * Opens the store the flags name. Commands that only read refuse to create an embedded
 * database where there is none: a typo in --data should not look like "no records".
 */
export async function openStoreFor(flags: StoreFlags, { create, warn }: { create: boolean; warn: (message: string) => void }): Promise<SqlRecordStore> {
  if (flags.data && flags['database-url']) throw new CliError('give either --data DIR or --database-url URL, not both', 2);
  const dataDir = flags.data ?? DEFAULT_DATA_DIR;
  if (!flags['database-url'] && !create && !existsSync(dataDir)) {
    throw new CliError(
      `no consent records at ${path.resolve(dataDir)}: the directory does not exist. ` +
        'Start a receiver there with `consent-gate records serve --data DIR`, or point to the records with --data DIR or --database-url URL.',
    );
  }
  return openStore({ databaseUrl: flags['database-url'], dataDir, onWarning: warn });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A consent id as the cookie and the records hold it. */
export function parseConsentId(value: string | undefined): string {
  if (!value) throw new CliError('records show needs a consent id: consent-gate records show <consent-id>', 2);
  const id = value.trim().toLowerCase();
  if (!UUID.test(id)) throw new CliError(`"${value}" is not a consent id (a UUID v4 such as 0b7e2a52-5a0f-4c2e-9a43-0e1a1b2c3d4e)`, 2);
  return id;
}

/** An ISO 8601 date (`2026-11-01`, midnight UTC) or date-time. */
export function parseSince(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
  const time = iso.test(value) ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : NaN;
  if (Number.isNaN(time)) throw new CliError(`--since "${value}" is not an ISO 8601 date or time (2026-11-01 or 2026-11-01T12:00:00Z)`, 2);
  return new Date(time);
}

/** A retention period in days: `30d`. */
export function parseDays(value: string | undefined): number {
  const match = value ? /^(\d{1,5})d$/.exec(value.trim()) : null;
  if (!match) throw new CliError(`--older-than needs a number of days such as 365d${value ? `, not "${value}"` : ''}`, 2);
  return Number(match[1]);
}

/** A TCP port, 0 for any free one. */
export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new CliError(`--port "${value}" is not a port number (0 picks a free one)`, 2);
  return port;
}
