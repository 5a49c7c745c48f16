/**
 * `consent-gate/receiver`: receive, validate and store consent records (README, "The receiver").
 * Node only; its dependencies are optional peer dependencies.
 */
export { createReceiver } from './create-receiver.js';
export type { FetchRequestInfo, Receiver, ReceiverOptions } from './create-receiver.js';
export type { CorsOptions } from './cors.js';
export type { RateLimitOptions } from './rate-limit.js';
export type { ReceiverErrorBody, ReceiverErrorCode } from './reply.js';
export { openStore, DEFAULT_DATA_DIR } from '../store/open-store.js';
export type { StoreLocation } from '../store/open-store.js';
export { openPgliteStore } from '../store/pglite-store.js';
export type { PgliteStoreOptions } from '../store/pglite-store.js';
export { openPgStore } from '../store/pg-store.js';
export type { PgStoreOptions } from '../store/pg-store.js';
export type { ImportResult, SqlRecordStore, SqlStoreOptions } from '../store/sql-store.js';
export type { BatchOptions } from '../store/batcher.js';
export type { CategoryRate, ExportOptions, InsertResult, RecordStats, RecordStore, StatsOptions } from '../store/types.js';
export { StoreUnavailableError } from '../store/errors.js';
export { MissingDependencyError } from '../optional-dependency.js';
export { createRecordValidator } from '../schema/validate-record.js';
export type { RecordProblem, RecordValidator } from '../schema/validate-record.js';
export type { ConsentRecord, RecordMethod, StoredRecord } from '../schema/record.js';
