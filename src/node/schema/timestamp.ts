/**
 * Which RFC 3339 times the stores can hold and give back unchanged. The schema's `date-time`
 * format allows what RFC 3339 §5.6 allows, which is more than PostgreSQL and JavaScript agree on:
 * - year 0000: PostgreSQL has no year zero (1 BC is followed by AD 1), so `timestamptz` refuses it
 *   and the whole insert statement fails;
 * - second 60 (a leap second, RFC 3339 §5.7): `Date.parse` gives NaN, which slips past every
 *   comparison (the future check included), while PostgreSQL rolls it over to the next minute, so
 *   the stored time differs from the one received.
 * A time is storable when it names a year from 0001 to 9999 and reads back as the same text.
 */

/** Why `value` cannot be stored as a time, or null when it can. */
export function timeProblem(value: string): string | null {
  const time = Date.parse(value);
  if (Number.isNaN(time) || new Date(time).toISOString() !== value) {
    return 'is not a time the store can hold: a UTC time such as 2026-11-30T03:19:19.123Z, seconds 00 to 59 (no leap second :60)';
  }
  if (value.startsWith('0000')) return 'is not a time the store can hold: years run from 0001 to 9999 (PostgreSQL has no year 0000)';
  return null;
}
