#!/usr/bin/env node
/**
 * `npm run bench:autoblock`: what automatic blocking costs the page's own DOM work. In headless
 * Chromium, times creating and inserting 10,000 first-party scripts, images and divs (the
 * scripts `type="text/plain"`-free but never fetched: their `src` is a first-party URL that
 * answers 204) on a page with the default script tag and on one with the autoblock drop-in
 * (`autoBlock: true`), median of 5 runs each, and prints the ratio. A command, not a timed test.
 * The clock stops after the microtasks the work queued, so mutation observers count too. Each run is a fresh page that does the work three times and keeps its fastest pass, so that
 * other processes on a shared machine disturb the figures less; runs alternate between the two.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBenchServer } from './bench-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 5;
const COUNT = 10_000;
const config = (autoBlock) => JSON.stringify({ autoBlock: autoBlock || undefined, categories: { analytics: {}, advertising: {} } });
const page = (file, autoBlock) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="application/json" id="consent-gate-config">${config(autoBlock)}</script>
<script src="/dist/${file}"></script></head><body></body></html>`;

const server = await startBenchServer(
  root,
  {
    '/plain': { type: 'html', body: page('consent-gate.iife.js', false) },
    '/autoblock': { type: 'html', body: page('consent-gate.autoblock.iife.js', true) },
  },
  204,
);
const { origin } = server;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

/** One run: the fastest of three passes, in milliseconds, creating and inserting COUNT of each kind. */
async function run(route) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(origin + route);
  const ms = await tab.evaluate(async (count) => {
    const passes = [];
    for (let pass = 0; pass < 3; pass++) {
    const box = document.body.appendChild(document.createElement('div'));
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const script = document.createElement('script');
      script.type = 'text/x-bench'; // never runs; first-party URL all the same
      script.src = `/s/${i}.js`;
      box.appendChild(script);
      const img = document.createElement('img');
      img.src = `/i/${i}.gif`;
      box.append(img);
      const div = document.createElement('div');
      div.setAttribute('data-i', String(i));
      box.insertBefore(div, box.firstChild);
    }
    // Mutation observers (the gate's) run as microtasks queued before this one.
    await Promise.resolve();
    passes.push(performance.now() - start);
    box.remove();
    }
    return Math.min(...passes);
  }, COUNT);
  await context.close();
  return ms;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const plain = [];
const blocking = [];
for (let i = 0; i < RUNS; i++) {
  plain.push(await run('/plain'));
  blocking.push(await run('/autoblock'));
}
await browser.close();
server.close();
const [a, b] = [median(plain), median(blocking)];
console.log(`create + insert ${COUNT} first-party scripts, images and divs, median of ${RUNS} runs:`);
console.log(`  without interception: ${a.toFixed(1)} ms  (${plain.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  with autoBlock:       ${b.toFixed(1)} ms  (${blocking.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  ratio: ${(b / a).toFixed(2)}x (target at most 1.3x)`);
