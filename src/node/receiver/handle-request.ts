/**
 * The receiver's decisions, independent of Node's `(req, res)` and of fetch: each adapter
 * describes the request with {@link IncomingRequest} and sends back the {@link Reply}.
 * Order: CORS preflight, method, origin, rate limit, content type, size, encoding, JSON, schema,
 * clock, store. Nothing is answered 2xx before the store has stored it.
 */
import type { RecordValidator } from '../schema/validate-record.js';
import type { RecordStore } from '../store/types.js';
import { corsHeaders, preflightHeaders, type CorsOptions } from './cors.js';
import { isAcceptedContentType } from './content-type.js';
import { isAllowedOrigin, lastForwarded } from './origin.js';
import type { RateLimiter } from './rate-limit.js';
import { errorReply, jsonReply, type Reply } from './reply.js';

/** A body read up to a limit. */
export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false };

/** The request as an adapter sees it. */
export interface IncomingRequest {
  method: string;
  /** A header by its lowercase name. */
  header(name: string): string | undefined;
  /** The client's address for the rate limit; undefined when unknown (no limit applies). */
  clientAddress: string | undefined;
  /** The receiver's own host and port as the client addressed it (`Host`, or the request URL's). */
  ownHost?: string | undefined;
  /** Reads the body; `{ ok: false }` as soon as it passes `limit` bytes. */
  readBody(limit: number): Promise<BodyResult>;
}

/** What the handler needs, resolved by createReceiver. */
export interface HandlerContext {
  store: RecordStore;
  validate: RecordValidator;
  limiter: RateLimiter | null;
  cors: CorsOptions | false;
  maxBodyBytes: number;
  futureToleranceMs: number;
  /** Whether `X-Forwarded-Host` (set by the one proxy in front) names the receiver's own host. */
  trustProxy: boolean;
  now: () => number;
  onStoreError: (error: unknown) => void;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; code: 'invalid_encoding' | 'malformed_json'; message: string } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, code: 'invalid_encoding', message: 'the body is not valid UTF-8' };
  }
  try {
    // JSON.parse makes `__proto__` an ordinary own key (no prototype is set), and the schema
    // then rejects it as an unknown field.
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, code: 'malformed_json', message: `the body is not valid JSON: ${(error as Error).message}` };
  }
}

export async function handleRequest(request: IncomingRequest, context: HandlerContext): Promise<Reply> {
  const cors = corsHeaders(context.cors, request.header('origin'));
  const withCors = (reply: Reply): Reply => (cors ? { ...reply, headers: { ...reply.headers, ...cors } } : reply);
  const method = request.method.toUpperCase();

  if (method === 'OPTIONS' && context.cors) {
    if (!cors) return errorReply(403, { error: 'origin_not_allowed', message: `origin ${request.header('origin') ?? '(none)'} may not post consent records` });
    return { status: 204, headers: { ...cors, ...preflightHeaders(context.cors) }, body: null };
  }
  if (method !== 'POST') {
    return withCors(errorReply(405, { error: 'method_not_allowed', message: `${method} is not allowed: POST a consent record` }, { allow: context.cors ? 'POST, OPTIONS' : 'POST' }));
  }
  const origin = request.header('origin');
  const ownHost = (context.trustProxy && lastForwarded(request.header('x-forwarded-host'))) || request.ownHost;
  if (!isAllowedOrigin(origin, ownHost, context.cors)) {
    return errorReply(403, {
      error: 'origin_not_allowed',
      message: `origin ${origin} may not post consent records: post from the receiver's own origin, or allow this one (cors.origins, \`records serve --cors ${origin === 'null' ? 'ORIGIN' : origin}\`)`,
    });
  }
  if (context.limiter && request.clientAddress !== undefined) {
    const verdict = context.limiter.take(request.clientAddress, context.now());
    if (!verdict.allowed) {
      return withCors(errorReply(429, { error: 'rate_limited', message: `too many requests from this client; retry in ${verdict.retryAfterSeconds} s` }, { 'retry-after': String(verdict.retryAfterSeconds) }));
    }
  }
  const contentType = request.header('content-type');
  if (!isAcceptedContentType(contentType)) {
    return withCors(errorReply(415, { error: 'unsupported_media_type', message: `content type ${contentType ? `"${contentType}"` : '(none)'} is not accepted: send application/json or text/plain in UTF-8` }));
  }
  const tooLarge = () => withCors(errorReply(413, { error: 'payload_too_large', message: `the body is larger than ${context.maxBodyBytes} bytes` }));
  const declared = Number(request.header('content-length'));
  if (Number.isFinite(declared) && declared > context.maxBodyBytes) return tooLarge();
  const body = await request.readBody(context.maxBodyBytes);
  if (!body.ok) return tooLarge();

  const parsed = parseJson(body.bytes);
  if (!parsed.ok) return withCors(errorReply(400, { error: parsed.code, message: parsed.message }));
  const checked = context.validate(parsed.value);
  if (!checked.ok) {
    const [first] = checked.problems;
    return withCors(
      errorReply(422, {
        error: 'invalid_record',
        message: first ? `${first.field}: ${first.message}` : 'the record does not match the schema',
        field: first?.field,
        problems: checked.problems,
      }),
    );
  }
  const record = checked.record;
  if (Date.parse(record.timestamp) > context.now() + context.futureToleranceMs) {
    return withCors(
      errorReply(422, {
        error: 'timestamp_in_future',
        message: `timestamp ${record.timestamp} is more than ${context.futureToleranceMs / 60_000} minutes ahead of the receiver's clock`,
        field: 'timestamp',
      }),
    );
  }
  try {
    const { inserted, conflicts } = await context.store.insert([record]);
    if (conflicts?.includes(record.recordId)) {
      // A replay must repeat the record exactly; another record under a stored id is not a replay
      // and is neither stored nor acknowledged (RFC 9110 §15.5.10: conflicts with the current state).
      return withCors(
        errorReply(409, {
          error: 'record_conflict',
          message: `a different record with recordId ${record.recordId} is already stored; a new decision needs a new recordId`,
          field: 'recordId',
        }),
      );
    }
    return withCors(jsonReply(inserted ? 201 : 200, { stored: inserted === 1, duplicate: inserted === 0, recordId: record.recordId }));
  } catch (error) {
    context.onStoreError(error);
    return withCors(errorReply(503, { error: 'store_unavailable', message: 'the record could not be stored; send it again later' }, { 'retry-after': '5' }));
  }
}
