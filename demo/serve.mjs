// Serves the demo site with Vite on loopback (http://127.0.0.1), plus a third party that plays
// the ad and social networks under another host name (http://localhost), so it is another site
// with its own cookies, as on the web. Run with `npm run demo` (it builds first). Ports: DEMO_PORT
// (5173) and THIRD_PARTY_PORT (5174).
import { randomBytes } from 'node:crypto';
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
 * records and `/demo/requests?pv=` the third party's requests of one page view, both for the
 * status panel.
 */
function demoEndpoints(records, thirdParty) {
  const json = (response, value) => {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(value));
  };
  return {
    name: 'consent-gate-demo-endpoints',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url, 'http://x');
        if (url.pathname === '/consent') return records().then(({ receiver }) => receiver.node(request, response), next);
        if (url.pathname === '/demo/requests') {
          const pageView = url.searchParams.get('pv');
          return json(response, thirdParty.log.filter((entry) => entry.pageView === pageView));
        }
        if (url.pathname === '/demo/records') {
          return records()
            .then(({ store }) => store.history(url.searchParams.get('id') ?? ''))
            .then((stored) => json(response, stored), next);
        }
        next();
      });
    },
  };
}

/**
 * Each served page is one page view with its own id: its third-party URLs carry it
 * (`%THIRD_PARTY%` becomes `http://localhost:5174/pv/<id>`), and so does its status panel.
 */
function pageView(html, thirdPartyOrigin) {
  const id = randomBytes(6).toString('hex');
  return fillPartials(html).replaceAll('%THIRD_PARTY%', `${thirdPartyOrigin}/pv/${id}`).replaceAll('%PAGE_VIEW%', id);
}

/** A port the demo could not listen on: the message says which and how to choose another. */
export class DemoPortInUse extends Error {
  constructor(port, variable, cause) {
    super(`port ${port} is in use: stop what runs there, or set ${variable}=<another port> (for example ${variable}=${port + 10} npm run demo)`, { cause });
    this.name = 'DemoPortInUse';
    this.port = port;
    this.variable = variable;
  }
}

const inUse = (error) => error?.code === 'EADDRINUSE' || /Port \d+ is already in use/.test(error?.message ?? '');

/**
 * Starts the demo. Consent records go to `recordsDir` (a fresh temporary directory, removed on
 * close, unless one is given: `npm run demo` keeps them in demo/.consent-records).
 */
export async function startDemo({ port = 5173, thirdPartyPort = 5174, host = '127.0.0.1', recordsDir } = {}) {
  const thirdParty = await startThirdParty({ port: thirdPartyPort }).catch((error) => {
    throw inUse(error) ? new DemoPortInUse(thirdPartyPort, 'THIRD_PARTY_PORT', error) : error;
  });
  // The record store opens once both ports are ours: a busy port is said at once, not after it.
  let records;
  const server = await createServer({
    root: here,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    server: { host, port, strictPort: port !== 0 },
    // The npm page imports the package by name, as an app would; it resolves to the build.
    resolve: { alias: { 'consent-gate/headless': path.join(dist, 'headless.js'), 'consent-gate': path.join(dist, 'index.js') } },
    plugins: [
      demoEndpoints(() => records, thirdParty),
      serveBuild(),
      { name: 'demo-page-parts', transformIndexHtml: (html) => pageView(html, thirdParty.origin) },
    ],
  });
  try {
    await server.listen();
  } catch (error) {
    await Promise.all([server.close(), thirdParty.close()]);
    throw inUse(error) ? new DemoPortInUse(port, 'DEMO_PORT', error) : error;
  }
  const temporary = recordsDir ? null : mkdtempSync(path.join(tmpdir(), 'consent-gate-demo-records-'));
  records = (async () => {
    const { createReceiver, openPgliteStore } = await import('../dist/node/receiver.js');
    const store = await openPgliteStore({ dataDir: recordsDir ?? temporary });
    return { store, receiver: await createReceiver({ store }) };
  })();
  const { store } = await records;
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
  let demo;
  try {
    demo = await startDemo({
      port: Number(process.env.DEMO_PORT ?? 5173),
      thirdPartyPort: Number(process.env.THIRD_PARTY_PORT ?? 5174),
      recordsDir: path.join(here, '.consent-records'),
    });
  } catch (error) {
    if (!(error instanceof DemoPortInUse)) throw error;
    // A busy port is a setup matter, not a crash: one line, no stack, exit code 1.
    console.error(`Consent Gate demo: ${error.message}`);
    process.exit(1);
  }
  console.log(`Consent Gate demo:   ${demo.origin}/`);
  console.log(`  npm API page:      ${demo.origin}/npm.html`);
  console.log(`Third party:         ${demo.thirdParty.origin} (ad and social network, another site)`);
  console.log(`Consent records:     ${demo.origin}/consent (stored in demo/.consent-records)`);
  console.log('Press Ctrl+C to stop; then `npx consent-gate records show <your consent id> --data demo/.consent-records`.');
  process.on('SIGINT', () => demo.close().then(() => process.exit(0)));
}
