/**
 * The one SQL schema both stores share, as numbered migrations. Applied versions are kept in
 * `schema_migrations`; a migration is never edited once released, only followed by a new one.
 *
 * Design:
 * - `consent_records` is range-partitioned by `received_at` (the server's clock, so partitions
 *   are predictable and a visitor's wrong clock cannot scatter rows), one partition per month
 *   created ahead of time (partitions.ts) plus a DEFAULT partition so an insert never fails for
 *   want of a partition.
 * - A unique constraint on a partitioned table must contain the partition key, so `record_id`
 *   alone cannot be unique there. Uniqueness lives in `consent_record_ids` (record_id primary
 *   key): the insert statement claims the id there with ON CONFLICT DO NOTHING and writes the
 *   record only for ids it claimed, both in one statement (one transaction). Concurrent
 *   receivers inserting the same id serialise on that primary key, so a replay is stored once.
 * - Indexes: consent id (for `records show`), received_at (export, prune; also the partition key).
 */

/** One schema change. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'consent records, partitioned by month, with a separate record id table',
    sql: `
      CREATE TABLE consent_records (
        record_id uuid NOT NULL,
        consent_id uuid NOT NULL,
        decided_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        schema_version smallint NOT NULL,
        revision integer NOT NULL,
        texts_hash text NOT NULL,
        language text NOT NULL,
        mode text NOT NULL,
        choices jsonb NOT NULL,
        method text NOT NULL,
        gpc boolean NOT NULL,
        version text NOT NULL,
        url text NOT NULL
      ) PARTITION BY RANGE (received_at);
      CREATE TABLE consent_records_default PARTITION OF consent_records DEFAULT;
      CREATE INDEX consent_records_consent_id ON consent_records (consent_id);
      CREATE INDEX consent_records_received_at ON consent_records (received_at, record_id);
      CREATE TABLE consent_record_ids (
        record_id uuid PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];
