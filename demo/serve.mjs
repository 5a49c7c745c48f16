// Serves the demo site with Vite on loopback (http://127.0.0.1), plus a third party that plays
// the ad and social networks under another host name (http://localhost), so it is another site
// with its own cookies, as on the web. Run with `npm run demo` (it builds first). Ports: DEMO_PORT
// (5173) and THIRD_PARTY_PORT (5174).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
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

export async function startDemo({ port = 5173, thirdPartyPort = 5174, host = '127.0.0.1' } = {}) {
  const thirdParty = await startThirdParty({ port: thirdPartyPort });
  const server = await createServer({
    root: here,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    server: { host, port, strictPort: port !== 0 },
    // The npm page imports the package by name, as an app would; it resolves to the build.
    resolve: { alias: { 'consent-gate/headless': path.join(dist, 'headless.js'), 'consent-gate': path.join(dist, 'index.js') } },
    plugins: [
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
    async close() {
      await server.close();
      await thirdParty.close();
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
  });
  console.log(`Consent Gate demo:   ${demo.origin}/`);
  console.log(`  npm API page:      ${demo.origin}/npm.html`);
  console.log(`Third party:         ${demo.thirdParty.origin} (ad and social network, another site)`);
  console.log('Press Ctrl+C to stop.');
}
