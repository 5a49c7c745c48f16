// Serves the demo site with Vite on loopback (http://127.0.0.1), plus a third party that plays
// the ad and social networks under another host name (http://localhost), so it is another site
// with its own cookies, as on the web. Run with `npm run demo` (it builds first). Ports: DEMO_PORT
// (5173) and THIRD_PARTY_PORT (5174).
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startThirdParty } from './third-party.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../dist');
const modules = path.resolve(here, '../node_modules');

/** Serves the built library under /dist/ and its runtime dependencies under /node_modules/. */
function serveBuild() {
  const roots = { '/dist/': dist, '/node_modules/': modules };
  return {
    name: 'consent-gate-demo-build',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url, 'http://x');
        const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
        if (!prefix) return next();
        const file = path.join(roots[prefix], url.pathname.slice(prefix.length));
        if (!file.startsWith(roots[prefix]) || !existsSync(file)) return next();
        const type = file.endsWith('.json') ? 'application/json' : 'text/javascript';
        response.setHeader('content-type', `${type}; charset=utf-8`);
        createReadStream(file).pipe(response);
      });
    },
  };
}

/**
 * The parts every demo page shares, kept once in demo/partials/: the site owner's Consent Gate
 * block (config, script tag, inert tags), the masthead, and the status panel with the footer.
 * `<!-- partial:NAME -->` in a page is replaced by demo/partials/NAME.html.
 */
function fillPartials(html) {
  return html.replace(/^[ \t]*<!-- partial:([a-z-]+) -->$/gm, (whole, name) => {
    const file = path.join(here, 'partials', `${name}.html`);
    if (!existsSync(file)) throw new Error(`demo: ${whole.trim()} names a missing file ${file}`);
    return readFileSync(file, 'utf8').trimEnd();
  });
}

/**
 * The demo's own endpoints, first party: `/consent` is the consent-record receiver
 * (`consent-gate/receiver` on the embedded store), `/demo/records?id=` one visitor's stored
 * records and `/demo/requests` the third party's request log, both for the status panel.
 */
function demoEndpoints(receiver, store, thirdParty) {
  const json = (response, value) => {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(value));
  };
  return {
    name: 'consent-gate-demo-endpoints',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url, 'http://x');
        if (url.pathname === '/consent') return receiver.node(request, response);
        if (url.pathname === '/demo/requests') return json(response, thirdParty.log);
        if (url.pathname === '/demo/records') {
          return store.history(url.searchParams.get('id') ?? '').then((records) => json(response, records), next);
        }
        next();
      });
    },
  };
}

/**
 * Starts the demo. Consent records go to `recordsDir` (a fresh temporary directory, removed on
 * close, unless one is given: `npm run demo` keeps them in demo/.consent-records).
 */
export async function startDemo({ port = 5173, thirdPartyPort = 5174, host = '127.0.0.1', recordsDir } = {}) {
  const thirdParty = await startThirdParty({ port: thirdPartyPort });
  const temporary = recordsDir ? null : mkdtempSync(path.join(tmpdir(), 'consent-gate-demo-records-'));
  const { createReceiver, openPgliteStore } = await import('../dist/node/receiver.js');
  const store = await openPgliteStore({ dataDir: recordsDir ?? temporary });
  const receiver = await createReceiver({ store });
  const server = await createServer({
    root: here,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    server: { host, port, strictPort: port !== 0 },
    // The npm page imports the package by name, as an app would; it resolves to the build.
    resolve: { alias: { 'consent-gate/headless': path.join(dist, 'headless.js'), 'consent-gate': path.join(dist, 'index.js') } },
    plugins: [
      demoEndpoints(receiver, store, thirdParty),
      serveBuild(),
      { name: 'demo-page-parts', transformIndexHtml: (html) => fillPartials(html).replaceAll('%THIRD_PARTY%', thirdParty.origin) },
    ],
  });
  await server.listen();
  const address = server.httpServer.address();
  const origin = `http://${host}:${address.port}`;
  return {
    origin,
    thirdParty,
    recordsDir: recordsDir ?? temporary,
    async close() {
      await server.close();
      await thirdParty.close();
      await store.close();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(path.join(dist, 'consent-gate.iife.js'))) {
    console.error('dist/consent-gate.iife.js is missing: run `npm run build` first (npm run demo does).');
    process.exit(1);
  }
  const demo = await startDemo({
    port: Number(process.env.DEMO_PORT ?? 5173),
    thirdPartyPort: Number(process.env.THIRD_PARTY_PORT ?? 5174),
    recordsDir: path.join(here, '.consent-records'),
  });
  console.log(`Consent Gate demo:   ${demo.origin}/`);
  console.log(`  npm API page:      ${demo.origin}/npm.html`);
  console.log(`Third party:         ${demo.thirdParty.origin} (ad and social network, another site)`);
  console.log(`Consent records:     ${demo.origin}/consent (stored in demo/.consent-records)`);
  console.log('Press Ctrl+C to stop; then `npx consent-gate records show <your consent id> --data demo/.consent-records`.');
  process.on('SIGINT', () => demo.close().then(() => process.exit(0)));
}
