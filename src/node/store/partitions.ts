/**
 * Monthly partitions of `consent_records`, created ahead of time: the current and the next
 * month (UTC), so rows land in a month partition rather than the DEFAULT one. Creation takes an
 * advisory lock so receivers starting together do not race on CREATE TABLE.
 */
import type { SqlClient } from './sql-client.js';

const PARTITION_LOCK = 0x63677031;

function monthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 1));
}

function partitionName(start: Date): string {
  return `consent_records_y${start.getUTCFullYear()}m${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Creates the partitions for the month of `now` and the month after it, when missing. */
export async function ensureMonthlyPartitions(client: SqlClient, now: Date = new Date()): Promise<string[]> {
  const months = [0, 1].map((ahead) => monthStart(now.getUTCFullYear(), now.getUTCMonth() + ahead));
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
    const created: string[] = [];
    for (const start of months) {
      const name = partitionName(start);
      const exists = await tx.query('SELECT 1 FROM pg_class WHERE relname = $1', [name]);
      if (exists.length) continue;
      const end = monthStart(start.getUTCFullYear(), start.getUTCMonth() + 1);
      // Identifiers and bounds come from dates we computed, not from input. A DEFAULT
      // partition that already holds rows of this month makes this fail: those rows then stay
      // in DEFAULT, which is still correct, so the caller logs and carries on.
      await tx.query(
        `CREATE TABLE ${name} PARTITION OF consent_records FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`,
      );
      created.push(name);
    }
    return created;
  });
}

/** Hourly is far more often than months change; the timer does not keep the process alive. */
export const PARTITION_CHECK_MS = 60 * 60 * 1000;
