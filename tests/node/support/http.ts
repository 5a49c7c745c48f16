/** HTTP over real loopback sockets (127.0.0.1 only) for receiver tests. */
import http, { type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts a node:http server on a free loopback port. */
export async function listen(handler: http.RequestListener): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or null when empty. */
  json: unknown;
  text: string;
}

/** Sends one request and reads the whole answer. `body` may be a string or bytes. */
export function send(
  url: string,
  { method = 'POST', body, headers = {}, chunked = false }: { method?: string; body?: string | Buffer; headers?: Record<string, string>; chunked?: boolean } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: { ...headers }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, json: text ? JSON.parse(text) : null, text });
      });
    });
    request.on('error', reject);
    if (body !== undefined && !chunked) request.setHeader('content-length', Buffer.byteLength(body));
    if (body !== undefined) request.end(body);
    else request.end();
  });
}

/** POSTs a JSON value (or raw text) as application/json. */
export function postJson(url: string, value: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  return send(url, { body, headers: { 'content-type': 'application/json', ...headers } });
}
