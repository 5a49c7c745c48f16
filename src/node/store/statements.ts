/**
 * The SQL both stores run, in one place. Records go in as one JSON array parameter
 * (`jsonb_to_recordset`), so a batch of any size is one statement with one parameter.
 */

/**
 * Claims each record id, then writes the records whose id it claimed (see migrations.ts). With
 * `receivedAt`, for an import, the time the first receiver stored each record is kept.
 */
function insertStatement(receivedAt: boolean): string {
  return `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
      "schemaVersion" smallint, "recordId" uuid, "consentId" uuid, "timestamp" timestamptz,
      revision integer, "textsHash" text, language text, mode text, choices jsonb,
      method text, gpc boolean, version text, url text${receivedAt ? ', "receivedAt" timestamptz' : ''})
  ), claimed AS (
    INSERT INTO consent_record_ids (record_id${receivedAt ? ', received_at' : ''})
    SELECT "recordId"${receivedAt ? ', "receivedAt"' : ''} FROM input
    ON CONFLICT (record_id) DO NOTHING
    RETURNING record_id
  )
  INSERT INTO consent_records (record_id, consent_id, decided_at, schema_version, revision,
    texts_hash, language, mode, choices, method, gpc, version, url${receivedAt ? ', received_at' : ''})
  SELECT i."recordId", i."consentId", i."timestamp", i."schemaVersion", i.revision, i."textsHash",
    i.language, i.mode, i.choices, i.method, i.gpc, i.version, i.url${receivedAt ? ', i."receivedAt"' : ''}
  FROM input i JOIN claimed c ON c.record_id = i."recordId"
  RETURNING record_id::text AS record_id`;
}

export const INSERT_RECORDS = insertStatement(false);

/** The same for records with their `receivedAt` (each record id at most once per statement). */
export const IMPORT_RECORDS = insertStatement(true);

/**
 * Times leave the database as RFC 3339 text: drivers parse PostgreSQL's own text with
 * `new Date()`, which reads year 0001 as 2001.
 */
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const RECORD_COLUMNS = `schema_version, record_id::text AS record_id, consent_id::text AS consent_id,
  to_char(decided_at AT TIME ZONE 'UTC', ${ISO}) AS decided_at, to_char(received_at AT TIME ZONE 'UTC', ${ISO}) AS received_at, revision, texts_hash, language, mode, choices, method, gpc, version, url`;

// ORDER BY names the table's columns (r.), not the text columns of the same names selected above.
export const HISTORY = `SELECT ${RECORD_COLUMNS} FROM consent_records r
  WHERE r.consent_id = $1::uuid ORDER BY r.decided_at, r.received_at, r.record_id`;

/** The stored records with the ids in a JSON array, to tell a replay from a conflict. */
export const FIND_RECORDS = `SELECT ${RECORD_COLUMNS} FROM consent_records
  WHERE record_id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`;

/** Keyset pagination on (received_at, record_id): stable under concurrent inserts, no cursor. */
export const EXPORT_PAGE = `SELECT ${RECORD_COLUMNS}, r.received_at::text AS received_key FROM consent_records r
  WHERE (r.received_at, r.record_id) > ($1::timestamptz, $2::uuid)
  ORDER BY r.received_at, r.record_id LIMIT $3`;

export const PRUNE = `
  WITH gone AS (
    DELETE FROM consent_records WHERE received_at < now() - make_interval(days => $1::int)
    RETURNING record_id
  ), ids AS (
    DELETE FROM consent_record_ids WHERE record_id IN (SELECT record_id FROM gone)
  )
  SELECT count(*)::int AS count FROM gone`;

/** Stats statements take one parameter, `$1`: decisions made at or after it count ('-infinity' for all). */
const IN_PERIOD = `r.decided_at >= $1::timestamptz`;

export const STATS_TOTALS = `SELECT count(*)::int AS total, count(DISTINCT consent_id)::int AS visitors FROM consent_records r WHERE ${IN_PERIOD}`;

export const STATS_METHODS = `SELECT method, count(*)::int AS count FROM consent_records r WHERE ${IN_PERIOD} GROUP BY method ORDER BY count DESC, method`;

/** Each visitor's latest decision in the period (per `group` when given), newest first. */
function latest(group?: string): string {
  const by = group ? `${group}, ` : '';
  return `SELECT DISTINCT ON (${by}r.consent_id) ${group ? `${group} AS grp, ` : ''}r.method, r.choices
    FROM consent_records r WHERE ${IN_PERIOD}
    ORDER BY ${by}r.consent_id, r.decided_at DESC, r.received_at DESC, r.record_id DESC`;
}

/** Visitors per method of their latest decision. */
export const STATS_LATEST_METHODS = `SELECT l.method, count(*)::int AS visitors FROM (${latest()}) l GROUP BY l.method ORDER BY visitors DESC, l.method`;

/**
 * Visitors who accept and refuse each category, by their latest decision (one visitor who
 * accepted, then customised, then reset counts once, as a reset), optionally per `group` (an
 * SQL expression of ours, never input), returned in the column `grp`. A reset is not a refusal:
 * the visitor withdrew and has no decision now, so it is counted apart.
 */
export function categoryRates(group?: string): string {
  const select = group ? `l.grp, ` : '';
  const by = group ? '1, 2' : '1';
  return `SELECT ${select}c.key AS category,
      count(*) FILTER (WHERE l.method <> 'reset' AND c.value = 'true'::jsonb)::int AS accepted,
      count(*) FILTER (WHERE l.method <> 'reset' AND c.value = 'false'::jsonb)::int AS rejected,
      count(*) FILTER (WHERE l.method = 'reset')::int AS reset
    FROM (${latest(group)}) l, jsonb_each(l.choices) c
    WHERE c.key <> 'necessary'
    GROUP BY ${by} ORDER BY ${by}`;
}

/** The UTC day of a decision. */
export const DAY = `to_char(r.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
