/**
 * Validates a parsed body against the published record schema with Ajv (draft 2020-12) and
 * ajv-formats, both optional peer dependencies loaded on first use. The schema file is
 * bundled into the build, so the receiver validates against exactly what the package publishes.
 */
import schema from '../../../schema/record.schema.json' with { type: 'json' };
import { importOptionals } from '../optional-dependency.js';
import type { ConsentRecord } from './record.js';
import { timeProblem } from './timestamp.js';

/** One thing wrong with a record. */
export interface RecordProblem {
  /** The field, as a dotted path (`choices.ads`); `(record)` for the record as a whole. */
  field: string;
  /** What is wrong with it. */
  message: string;
}

/** Checks one value; on success the value is the record, unchanged. */
export type RecordValidator = (value: unknown) => { ok: true; record: ConsentRecord } | { ok: false; problems: RecordProblem[] };

interface AjvError {
  instancePath: string;
  /** Set on the inner error of a `propertyNames` failure, which the outer one repeats. */
  propertyName?: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldOf(error: AjvError): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = error.params.missingProperty ?? error.params.additionalProperty ?? error.params.propertyName;
  if (typeof extra === 'string') path.push(extra);
  return path.length ? path.join('.') : '(record)';
}

function messageOf(error: AjvError): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a field of a consent record';
    case 'propertyNames':
      return 'is not a valid category id (^[a-z][a-z0-9_-]{0,31}$)';
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/** What the validator loads; the command line checks these with the store's before writing anything. */
export const VALIDATOR_DEPENDENCIES = [
  { name: 'ajv', load: () => import('ajv/dist/2020.js') },
  { name: 'ajv-formats', load: () => import('ajv-formats') },
] as const;

/** The most problems reported for one record: enough to fix it, bounded for hostile input. */
const MAX_PROBLEMS = 10;

/**
 * Compiles the record schema.
 * @throws {MissingDependencyError} when `ajv` or `ajv-formats` is not installed.
 */
export async function createRecordValidator(): Promise<RecordValidator> {
  const [ajvModule, formatsModule] = await importOptionals(VALIDATOR_DEPENDENCIES, 'Validating consent records');
  // Both are CommonJS: the constructor and plugin sit on `default` (or `default.default`).
  const Ajv2020 = (ajvModule.default as unknown as { default?: typeof ajvModule.default }).default ?? ajvModule.default;
  const addFormats = (formatsModule.default as unknown as { default?: typeof formatsModule.default }).default ?? formatsModule.default;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ['date-time', 'uri']);
  const validate = ajv.compile(schema);
  return (value) => {
    if (validate(value)) {
      const record = value as unknown as ConsentRecord;
      // A record the store cannot hold is refused here (422), before it can fail a batch (503).
      const problem = timeProblem(record.timestamp);
      return problem ? { ok: false, problems: [{ field: 'timestamp', message: problem }] } : { ok: true, record };
    }
    const problems = (validate.errors ?? [])
      .filter((error) => (error as AjvError).propertyName === undefined)
      .slice(0, MAX_PROBLEMS)
      .map((error) => ({ field: fieldOf(error), message: messageOf(error) }));
    return { ok: false, problems };
  };
}
