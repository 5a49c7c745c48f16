/** The reading commands: `records show`, `records export`, `records stats`, `records prune`. */
import type { CategoryRate, RecordStats } from '../../store/types.js';
import { describeRecord, rate, recordToCsv, table, CSV_COLUMNS, csvRow } from '../format.js';
import { CliError, type CliIo } from '../io.js';
import { describeStore, openStoreFor, parseConsentId, parseDays, parseSince, type StoreFlags } from '../options.js';
import type { SqlRecordStore } from '../../store/sql-store.js';

async function withStore<T>(flags: StoreFlags, io: CliIo, fn: (store: SqlRecordStore) => Promise<T>): Promise<T> {
  const store = await openStoreFor(flags, { create: false, warn: (m) => io.err(`consent-gate: ${m}\n`) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `records show <consent-id> [--json]`: one visitor's whole history, the proof of consent. */
export function show(id: string | undefined, flags: StoreFlags & { json?: boolean }, io: CliIo): Promise<number> {
  const consentId = parseConsentId(id);
  return withStore(flags, io, async (store) => {
    const history = await store.history(consentId);
    if (!history.length) throw new CliError(`no records for consent id ${consentId} in ${describeStore(flags)}`);
    if (flags.json) {
      for (const record of history) await io.out(`${JSON.stringify(record)}\n`);
      return 0;
    }
    await io.out(`Consent id ${consentId}: ${plural(history.length, 'record')}, oldest first\n\n`);
    await io.out(`${history.map(describeRecord).join('\n\n')}\n`);
    return 0;
  });
}

/** `records export [--since DATE] [--format jsonl|csv]` to standard output. */
export function exportRecords(flags: StoreFlags & { since?: string; format?: string }, io: CliIo): Promise<number> {
  const since = parseSince(flags.since);
  const format = flags.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'csv') throw new CliError(`--format is jsonl or csv, not "${format}"`, 2);
  return withStore(flags, io, async (store) => {
    if (format === 'csv') await io.out(csvRow(CSV_COLUMNS));
    let count = 0;
    for await (const record of store.export({ since })) {
      await io.out(format === 'csv' ? recordToCsv(record) : `${JSON.stringify(record)}\n`);
      count++;
    }
    io.err(`consent-gate: exported ${plural(count, 'record')}\n`);
    return 0;
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function statsText(stats: RecordStats, since: Date | undefined): string {
  const rows = <T extends CategoryRate>(list: T[], key: (item: T) => (string | number)[]) =>
    list.map((item) => [...key(item), item.category, item.accepted, item.rejected, item.reset, rate(item.accepted, item.rejected)]);
  const head = ['category', 'accepted', 'rejected', 'reset', 'accept rate'];
  return [
    `${plural(stats.total, 'record')} from ${plural(stats.visitors, 'visitor')} (consent ids)${since ? `, decisions since ${since.toISOString()}` : ''}`,
    'Counted in visitors, by the latest decision of each (per revision and day: the latest in it).',
    'reset: the visitor withdrew consent and has no decision now; not counted as a refusal, nor in the accept rate.',
    '',
    table(['latest decision', 'visitors'], stats.latest.map((m) => [m.method, m.visitors])),
    '',
    'Per category',
    table(head, rows(stats.byCategory, () => [])),
    '',
    'Per config revision',
    table(['revision', ...head], rows(stats.byRevision, (r) => [String(r.revision)])),
    '',
    'Per day (UTC, by decision time)',
    table(['day', ...head], rows(stats.byDay, (r) => [r.day])),
  ].join('\n');
}

/** `records stats [--since DATE] [--json]`: visitors who accept and refuse, per category, revision and day. */
export function stats(flags: StoreFlags & { json?: boolean; since?: string }, io: CliIo): Promise<number> {
  const since = parseSince(flags.since);
  return withStore(flags, io, async (store) => {
    const result = await store.stats({ since });
    await io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${statsText(result, since)}\n`);
    return 0;
  });
}

/** `records prune --older-than <N>d`: retention. */
export function prune(flags: StoreFlags & { 'older-than'?: string }, io: CliIo): Promise<number> {
  const days = parseDays(flags['older-than']);
  return withStore(flags, io, async (store) => {
    const count = await store.prune(days);
    await io.out(`Deleted ${plural(count, 'record')} stored more than ${plural(days, 'day')} ago.\n`);
    return 0;
  });
}
