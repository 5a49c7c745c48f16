/** The receiver as a fetch-style handler, `Request → Response` (Deno, Bun, workers, Hono…). */
import type { BodyResult, IncomingRequest } from './handle-request.js';
import type { Reply } from './reply.js';

async function readFetchBody(request: Request, limit: number): Promise<BodyResult> {
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading: the rest is never pulled from the client.
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Describes a fetch Request for the handler. */
export function fromFetchRequest(request: Request, clientAddress: string | undefined): IncomingRequest {
  return {
    method: request.method,
    header: (name) => request.headers.get(name) ?? undefined,
    clientAddress,
    // The URL the runtime built from the request line and Host: the receiver's own origin.
    ownHost: URL.canParse(request.url) ? new URL(request.url).host : undefined,
    readBody: (limit) => readFetchBody(request, limit),
  };
}

/** Builds a fetch Response from a reply, cancelling a body that was not read. */
export function toFetchResponse(request: Request, reply: Reply): Response {
  if (request.body && !request.bodyUsed) request.body.cancel().catch(() => {});
  const headers = new Headers(reply.headers);
  return new Response(reply.body === null ? null : JSON.stringify(reply.body), { status: reply.status, headers });
}
