/**
 * `createReceiver()`: one handler for consent records, usable as Node's `(req, res)` and as a
 * fetch-style `Request → Response`. It keeps no state of its own beyond the in-memory rate
 * limit, so any number of receivers can run behind a load balancer on one database.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRecordValidator } from '../schema/validate-record.js';
import type { RecordStore } from '../store/types.js';
import type { CorsOptions } from './cors.js';
import { fromFetchRequest, toFetchResponse } from './fetch-adapter.js';
import { handleRequest, type HandlerContext } from './handle-request.js';
import { fromNodeRequest, sendNodeReply } from './node-adapter.js';
import { lastForwarded } from './origin.js';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';

/** Options for {@link createReceiver}. */
export interface ReceiverOptions {
  /** Where records go: `openStore()`, `openPgliteStore()`, `openPgStore()` or your own. */
  store: RecordStore;
  /**
   * Requests per client per window, in memory per receiver; `false` turns it off (a load test
   * from one address). Clients are keyed by a salted hash of their address, never the address.
   * @default { windowMs: 60000, max: 120 }
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Cross-origin posting, for a receiver on another origin than the site. Posts that carry an
   * `Origin` other than the receiver's own (or one listed here) are refused with 403, `null`
   * included; posts without `Origin` (not from a browser) are accepted.
   * @default false
   */
  cors?: CorsOptions | false;
  /**
   * Largest body accepted, in bytes.
   * @default 16384
   */
  maxBodyBytes?: number;
  /**
   * How far a record's timestamp may be ahead of this server's clock, in milliseconds.
   * @default 300000
   */
  futureToleranceMs?: number;
  /**
   * The client address the rate limit keys on, for the Node face. Behind a load balancer the
   * socket address is the balancer's: read the header it sets (and that only it can set), or
   * set `trustProxy` for the usual `X-Forwarded-For`.
   * @default the socket's remote address
   * @example (req) => String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim()
   */
  clientAddress?: (req: IncomingMessage) => string | undefined;
  /**
   * The receiver runs behind one reverse proxy or load balancer that sets `X-Forwarded-For`
   * (appending the address it saw) and `X-Forwarded-Host` (the host the visitor asked for). The
   * rate limit then keys on the last `X-Forwarded-For` address and the origin check compares with
   * the last `X-Forwarded-Host`: the values that proxy added. Only turn it on when clients cannot
   * reach the receiver except through that proxy, or they choose their own address. A
   * `clientAddress` function, when given, still decides the address.
   * @default false
   */
  trustProxy?: boolean;
  /** Told when the store fails (the client gets a 503). @default logs to the console */
  onStoreError?: (error: unknown) => void;
  /** The clock, in milliseconds since the epoch (for tests). @default Date.now */
  now?: () => number;
}

/** Extra facts a fetch-style runtime knows about a request. */
export interface FetchRequestInfo {
  /** The client's address, for the rate limit (Deno: `info.remoteAddr.hostname`). Without it no limit applies. */
  clientAddress?: string;
}

/** The receiver's two faces. */
export interface Receiver {
  /** Node handler for node:http, Express/Connect (mount it without a body parser) and Fastify's raw objects. */
  node(req: IncomingMessage, res: ServerResponse): void;
  /** Fetch-style handler. */
  fetch(request: Request, info?: FetchRequestInfo): Promise<Response>;
}

/**
 * Creates a receiver. Resolves once the record schema is compiled.
 * @throws {MissingDependencyError} when `ajv` or `ajv-formats` is not installed.
 * @example
 * const store = await openStore({ dataDir: './consent-records' });
 * const receiver = await createReceiver({ store });
 * http.createServer(receiver.node).listen(8080);
 */
export async function createReceiver(options: ReceiverOptions): Promise<Receiver> {
  const context: HandlerContext = {
    store: options.store,
    validate: await createRecordValidator(),
    limiter: options.rateLimit === false ? null : createRateLimiter(options.rateLimit),
    cors: options.cors ?? false,
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024,
    futureToleranceMs: options.futureToleranceMs ?? 5 * 60_000,
    trustProxy: options.trustProxy ?? false,
    now: options.now ?? Date.now,
    onStoreError: options.onStoreError ?? ((error) => console.error('[consent-gate] the record store failed:', error)),
  };
  const forwardedFor = (value: string | string[] | null | undefined) => (options.trustProxy ? lastForwarded(Array.isArray(value) ? value.join(',') : (value ?? undefined)) : undefined);
  return {
    node(req, res) {
      const address = options.clientAddress?.(req) ?? forwardedFor(req.headers['x-forwarded-for']) ?? req.socket?.remoteAddress;
      handleRequest(fromNodeRequest(req, address), context).then(
        (reply) => sendNodeReply(req, res, reply),
        (error: unknown) => {
          // Only a broken request stream gets here (the client went away); nothing was stored.
          if (!res.headersSent) sendNodeReply(req, res, { status: 400, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { error: 'malformed_json', message: String(error) } });
        },
      );
    },
    async fetch(request, info) {
      const address = forwardedFor(request.headers.get('x-forwarded-for')) ?? info?.clientAddress;
      const reply = await handleRequest(fromFetchRequest(request, address), context);
      return toFetchResponse(request, reply);
    },
  };
}
