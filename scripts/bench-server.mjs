/**
 * The loopback server of the `bench:*` commands: the pages and scripts a command makes, by
 * path, and the project's built files under `/dist/`. Anything else answers `fallback` (204 for
 * URLs a page may request but whose answer does not matter, 404 otherwise).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = { html: 'text/html', js: 'text/javascript', json: 'application/json' };

/**
 * @param {string} root the project folder, whose `dist/` is served
 * @param {Record<string, { type: keyof typeof TYPES, body: string }>} routes
 * @param {number} [fallback]
 * @returns {Promise<{ origin: string, close: () => void }>}
 */
export async function startBenchServer(root, routes, fallback = 404) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://x');
    const route = Object.prototype.hasOwnProperty.call(routes, pathname) ? routes[pathname] : undefined;
    if (route) {
      response.writeHead(200, { 'Content-Type': TYPES[route.type] });
      return response.end(route.body);
    }
    if (pathname.startsWith('/dist/')) {
      try {
        const body = await readFile(path.join(root, pathname));
        response.writeHead(200, { 'Content-Type': pathname.endsWith('.js') ? TYPES.js : TYPES.json });
        return response.end(body);
      } catch {
        /* not built: the fallback answers */
      }
    }
    response.writeHead(fallback);
    response.end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
