/**
 * `records import <file.jsonl>`: loads what `records export` wrote into any store, so records
 * move from the embedded store to PostgreSQL (or back, or between two databases). Every line is
 * checked first (the record against the published schema, `receivedAt` as a storable time), and
 * nothing is written unless all are good. Each record id is stored once, with the `receivedAt`
 * it had, so an import run twice stores nothing the second time.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { RECORD_FIELDS, type StoredRecord } from '../../schema/record.js';
import { timeProblem } from '../../schema/timestamp.js';
import { createRecordValidator, type RecordValidator } from '../../schema/validate-record.js';
import { CliError, type CliIo } from '../io.js';
import { describeStore, openStoreFor, requireDependencies, type StoreFlags } from '../options.js';

/** Records per insert statement. */
const CHUNK = 500;
/** Problems listed before the rest are only counted. */
const MAX_SHOWN = 10;

/** The lines of a file, or of standard input for `-`, numbered from 1. */
async function* lines(file: string): AsyncGenerator<{ line: number; text: string }> {
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of reader) {
    line++;
    if (text.trim()) yield { line, text };
  }
}

/** One exported line as a stored record, or what is wrong with it. */
function parseLine(text: string, validate: RecordValidator): { ok: true; record: StoredRecord } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not a JSON object' };
  const { receivedAt, ...rest } = value as Record<string, unknown>;
  if (typeof receivedAt !== 'string') return { ok: false, problem: 'receivedAt: is required (a line of `records export --format jsonl`)' };
  const received = timeProblem(receivedAt);
  if (received) return { ok: false, problem: `receivedAt: ${received}` };
  const checked = validate(rest);
  if (!checked.ok) return { ok: false, problem: checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ') };
  const record = { receivedAt } as StoredRecord;
  for (const field of RECORD_FIELDS) (record as unknown as Record<string, unknown>)[field] = checked.record[field];
  return { ok: true, record };
}

export async function importRecords(file: string | undefined, flags: StoreFlags, io: CliIo): Promise<number> {
  if (!file) throw new CliError('records import needs a file: consent-gate records import records.jsonl (or - for standard input)', 2);
  if (file === '-' && process.stdin.isTTY) throw new CliError('records import -: standard input is a terminal; pipe `records export` into it', 2);
  await requireDependencies(flags, 'import', { validator: true });
  const validate = await createRecordValidator();

  // First pass: every line must be good before anything is written. Standard input cannot be
  // read twice, so it is kept; a file is read again.
  const problems: string[] = [];
  let count = 0;
  const kept: StoredRecord[] | null = file === '-' ? [] : null;
  try {
    for await (const { line, text } of lines(file)) {
      const parsed = parseLine(text, validate);
      count++;
      if (!parsed.ok) problems.push(`line ${line}: ${parsed.problem}`);
      else kept?.push(parsed.record);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
    throw error;
  }
  if (problems.length) {
    const more = problems.length > MAX_SHOWN ? `\n  … and ${problems.length - MAX_SHOWN} more` : '';
    throw new CliError(`${file}: ${problems.length} of ${count} lines are not exported consent records; nothing was imported.\n  ${problems.slice(0, MAX_SHOWN).join('\n  ')}${more}`);
  }

  const store = await openStoreFor(flags, { create: true, warn: (m) => io.err(`consent-gate: ${m}\n`) });
  const total = { inserted: 0, duplicates: 0, conflicts: [] as string[] };
  try {
    const records: AsyncIterable<StoredRecord> | Iterable<StoredRecord> = kept ?? (async function* () {
      for await (const { text } of lines(file)) {
        const parsed = parseLine(text, validate);
        if (parsed.ok) yield parsed.record;
      }
    })();
    let chunk: StoredRecord[] = [];
    const flush = async () => {
      const result = await store.importRecords(chunk);
      total.inserted += result.inserted;
      total.duplicates += result.duplicates;
      total.conflicts.push(...result.conflicts);
      chunk = [];
    };
    for await (const record of records) {
      chunk.push(record);
      if (chunk.length >= CHUNK) await flush();
    }
    if (chunk.length) await flush();
  } finally {
    await store.close();
  }
  await io.out(
    `Imported ${total.inserted} of ${count} records into ${describeStore(flags)}; ${total.duplicates} were there already.\n`,
  );
  if (total.conflicts.length) {
    io.err(
      `consent-gate: ${total.conflicts.length} records were not imported: the store holds other records under the same record ids (${total.conflicts.slice(0, MAX_SHOWN).join(', ')}${total.conflicts.length > MAX_SHOWN ? ', …' : ''}).\n`,
    );
    return 1;
  }
  return 0;
}
