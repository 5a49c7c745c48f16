/**
 * The receiver as a Node `(req, res)` handler: node:http, Express, Connect, and Fastify's raw
 * `request.raw` / `reply.raw`. It reads the body itself, counting bytes, and stops keeping it
 * at the limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BodyResult, IncomingRequest } from './handle-request.js';
import type { Reply } from './reply.js';

/** Bytes a client may still send after we answered before we cut the connection. */
const DISCARD_LIMIT = 1024 * 1024;
/** Time a client gets to finish sending after we answered. */
const DISCARD_MS = 5_000;

function readNodeBody(req: IncomingMessage & { body?: unknown }, limit: number): Promise<BodyResult> {
  // A body parser ran first (express.json(), express.text()): use what it read.
  if (req.body !== undefined && req.readableEnded) {
    const given = req.body;
    const bytes = typeof given === 'string' ? Buffer.from(given) : Buffer.isBuffer(given) ? given : Buffer.from(JSON.stringify(given) ?? '');
    return Promise.resolve(bytes.length > limit ? { ok: false } : { ok: true, bytes });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve({ ok: true, bytes: Buffer.concat(chunks) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    // A client that goes away mid-body may close without an error: settle anyway, so no
    // request waits forever.
    const onClose = () => onError(new Error('the client closed the connection before the body ended'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * After an early answer (413, 415, 429…), lets a client that is still sending finish, so it
 * reads our answer instead of a connection reset, but keeps none of it and cuts the
 * connection past a bound in bytes and time.
 */
function discardRest(req: IncomingMessage): void {
  if (req.readableEnded || req.destroyed) return;
  let discarded = 0;
  const timer = setTimeout(() => req.destroy(), DISCARD_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) req.destroy();
  });
  req.on('close', () => clearTimeout(timer));
  req.resume();
}

/** Describes a Node request for the handler. */
export function fromNodeRequest(req: IncomingMessage, clientAddress: string | undefined): IncomingRequest {
  return {
    method: req.method ?? 'GET',
    header(name) {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    clientAddress,
    ownHost: req.headers.host,
    readBody: (limit) => readNodeBody(req, limit),
  };
}

/** Sends a reply on a Node response, then drops whatever body is still arriving. */
export function sendNodeReply(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  const payload = reply.body === null ? '' : JSON.stringify(reply.body);
  const headers: Record<string, string | number> = { ...reply.headers };
  headers['content-length'] = Buffer.byteLength(payload);
  res.writeHead(reply.status, headers);
  res.end(payload);
  discardRest(req);
}
