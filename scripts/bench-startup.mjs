#!/usr/bin/env node
/**
 * `npm run bench:startup`: where the script tag's start-up time goes. In headless Chromium at
 * 4x CPU throttling (as the shared benchmark), loads a page like the benchmark's (opt-in, three
 * categories, a gated script, pixel and iframe) with the built `dist/consent-gate.iife.js`, and
 * with a copy that throws before its first statement runs, so the browser parses and compiles
 * the file but runs none of it. Reports Chromium's `ScriptDuration` 1.5 s after `load` for
 * each, median and lower quartile of alternating runs. The main file asks V8 to compile all of
 * its functions as it loads (`//# allFunctionsCalledOnLoad`, scripts/build-script-tag.mjs), so
 * the copy's figure is the whole compile; without that hint V8 would compile most functions on
 * their first call, inside the whole start-up's figure.
 * A command, not a timed test: figures on a shared machine move by ±30 % between runs.
 * Usage: `npm run bench:startup [-- --runs 25]`
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBenchServer } from './bench-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number of runs, e.g. --runs 25');
const CONFIG = { mode: 'opt-in', privacyPolicyUrl: '/privacy', categories: { functional: {}, advertising: {}, social: {} } };
const THIRD_PARTY = 'http://127.0.0.1:9'; // nothing listens there; the gated elements never load

const page = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Start-up</title>
<script type="application/json" id="consent-gate-config">${JSON.stringify(CONFIG)}</script>
${script ? `<script src="${script}"></script>` : ''}
<script type="text/plain" data-consent="advertising" data-src="${THIRD_PARTY}/tag.js"></script></head>
<body><h1>Article</h1>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>'.repeat(30)}
<img data-consent="advertising" data-src="${THIRD_PARTY}/pixel.gif" alt="">
<iframe data-consent="social" data-src="${THIRD_PARTY}/embed.html" width="400" height="200" title="Embed"></iframe></body></html>`;

/**
 * The main file as built, and a copy that throws as the first statement of its bundle function:
 * the browser parses and compiles the file, then runs none of it.
 */
const main = await readFile(path.join(root, 'dist/consent-gate.iife.js'), 'utf8');
const OPENING = /^(\/\/# allFunctionsCalledOnLoad\n)?("use strict";)?\(\(\)=>\{/;
if (!OPENING.test(main)) throw new Error('dist/consent-gate.iife.js does not open with its bundle function `(()=>{`: update bench-startup.mjs');
const compileOnly = main.replace(OPENING, (opening) => `${opening}throw new Error("compile only");`);

const PAGES = { 'no library': page(null), 'parse and compile only': page('/compile-only.js'), 'whole start-up': page('/dist/consent-gate.iife.js') };
const routes = { '/compile-only.js': { type: 'js', body: compileOnly } };
for (const [name, html] of Object.entries(PAGES)) routes[`/${encodeURIComponent(name)}`] = { type: 'html', body: html };
const server = await startBenchServer(root, routes);
const { origin } = server;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

/** Chromium's ScriptDuration for one fresh load, in throttled milliseconds. */
async function scriptMs(route) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Performance.enable');
  await tab.goto(`${origin}/${encodeURIComponent(route)}`, { waitUntil: 'load' });
  await tab.waitForTimeout(1500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await context.close();
  return metrics.find((metric) => metric.name === 'ScriptDuration').value * 1000;
}

const samples = Object.fromEntries(Object.keys(PAGES).map((route) => [route, []]));
try {
  for (let run = 0; run < RUNS; run++) {
    for (const route of Object.keys(PAGES)) samples[route].push(await scriptMs(route));
  }
} finally {
  await browser.close();
  server.close();
}

const sorted = (values) => [...values].sort((a, b) => a - b);
console.log(`script ms (ScriptDuration, CPU 4x), ${RUNS} alternating runs each:`);
for (const [route, values] of Object.entries(samples)) {
  const ordered = sorted(values);
  console.log(`  ${route.padEnd(24)} median ${ordered[ordered.length >> 1].toFixed(0).padStart(4)}   lower quartile ${ordered[ordered.length >> 2].toFixed(0).padStart(4)}`);
}
