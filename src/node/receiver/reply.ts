/** What the receiver answers, independent of Node's `res` or a fetch `Response`. */

/** A response to send. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Serialised as JSON; null for an empty body. */
  body: unknown;
}

/** Error codes the receiver answers with, stable for clients and tests. */
export type ReceiverErrorCode =
  | 'method_not_allowed'
  | 'origin_not_allowed'
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'invalid_encoding'
  | 'malformed_json'
  | 'invalid_record'
  | 'timestamp_in_future'
  | 'record_conflict'
  | 'store_unavailable';

/** The JSON body of every 4xx and 5xx answer. */
export interface ReceiverErrorBody {
  error: ReceiverErrorCode;
  /** What was wrong, in words. */
  message: string;
  /** The first field at fault, for `invalid_record`, `timestamp_in_future` and `record_conflict`. */
  field?: string;
  /** Every problem found (at most 10), for `invalid_record`. */
  problems?: Array<{ field: string; message: string }>;
}

export const JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function errorReply(status: number, body: ReceiverErrorBody, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body };
}

export function jsonReply(status: number, body: unknown): Reply {
  return { status, headers: { ...JSON_HEADERS }, body };
}
