// Load benchmark of the consent record receiver (a command, not a test): sends RECORDS records
// through `consent-gate records serve` over loopback HTTP with CLIENTS concurrent keep-alive
// clients, for the embedded store (PGlite) and for PostgreSQL, then counts the stored rows:
// zero lost, zero duplicated. It compares with a plain INSERT loop on the same store.
// Bounded: each phase stops at its deadline by itself. Run: npm run bench:records
// Environment: BENCH_RECORDS (100000), BENCH_CLIENTS (64), BENCH_SECONDS per phase (300).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openStore } from '../dist/node/receiver.js';
import { startPostgres } from './postgres-server.mjs';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const PHASE_SECONDS = Number(process.env.BENCH_SECONDS ?? 300);
const LOOP_RECORDS = Math.min(RECORDS, 10_000);
const REPLAY_EVERY = 100;
/** The new records plus one replay after every REPLAY_EVERY of them. */
const REQUESTS = RECORDS + Math.floor(RECORDS / REPLAY_EVERY);
const BIN = path.resolve('bin/consent-gate.mjs');

function record(consentId = randomUUID()) {
  return {
    schemaVersion: 1,
    recordId: randomUUID(),
    consentId,
    timestamp: new Date().toISOString(),
    revision: 3,
    textsHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    language: 'en',
    mode: 'opt-in',
    choices: { necessary: true, functional: Math.random() < 0.6, analytics: Math.random() < 0.5, advertising: Math.random() < 0.3, social: false },
    method: 'custom',
    gpc: false,
    version: '0.1.0',
    url: 'https://www.example.com/articles/today',
  };
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

const children = new Set();
// A failed run must not leave a receiver behind.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts `records serve` in a child process; resolves to its URL and a stop function. */
async function serve(storeArgs) {
  const child = spawn(process.execPath, [BIN, 'records', 'serve', '--port', '0', '--rate-limit', 'off', ...storeArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
  });
  return {
    url,
    /** CPU seconds the receiver process used so far (Linux /proc; NaN elsewhere). */
    cpuSeconds() {
      try {
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return NaN;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Sends RECORDS new records and a replay after every REPLAY_EVERY, with CLIENTS concurrent clients. */
async function load(url) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const target = new URL(url);
  const latencies = [];
  const statuses = new Map();
  const acknowledged = new Set();
  const sentRecords = [];
  let next = 0;
  let replays = 0;
  const deadline = Date.now() + PHASE_SECONDS * 1000;
  const post = (body) =>
    new Promise((resolve, reject) => {
      const request = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      });
      request.on('error', reject);
      request.end(body);
    });
  async function client() {
    while (next < REQUESTS && Date.now() < deadline) {
      const index = next++;
      const replay = (index + 1) % (REPLAY_EVERY + 1) === 0;
      // A replay re-sends one of the last 50 records, which may still be in flight.
      const item = replay ? sentRecords[sentRecords.length - 1 - Math.floor(Math.random() * Math.min(sentRecords.length, 50))] : record(index % 3 === 0 ? randomUUID() : sentRecords.at(-1)?.consentId);
      if (!replay) sentRecords.push(item);
      else replays++;
      const started = process.hrtime.bigint();
      const status = await post(JSON.stringify(item));
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 201 || status === 200) acknowledged.add(item.recordId);
    }
  }
  const started = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    replays,
    unique: sentRecords.length,
    acknowledged,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses: Object.fromEntries(statuses),
    complete: next >= REQUESTS,
  };
}

/** Counts stored rows and distinct record ids, and checks every acknowledged id is there. */
async function verify(location, acknowledged) {
  const store = await openStore(location);
  try {
    const ids = new Set();
    let rows = 0;
    for await (const stored of store.export()) {
      rows++;
      ids.add(stored.recordId);
    }
    let lost = 0;
    for (const id of acknowledged) if (!ids.has(id)) lost++;
    return { rows, duplicated: rows - ids.size, lost };
  } finally {
    await store.close();
  }
}

const INSERT = `INSERT INTO consent_records (record_id, consent_id, decided_at, schema_version, revision, texts_hash, language, mode, choices, method, gpc, version, url)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;
const params = (r) => [r.recordId, r.consentId, r.timestamp, r.schemaVersion, r.revision, r.textsHash, r.language, r.mode, JSON.stringify(r.choices), r.method, r.gpc, r.version, r.url];

/** One INSERT per record, one after the other, on a driver connection: the naive handler. */
async function insertLoop(query) {
  const deadline = Date.now() + PHASE_SECONDS * 1000;
  const started = Date.now();
  let count = 0;
  while (count < LOOP_RECORDS && Date.now() < deadline) {
    await query(INSERT, params(record()));
    count++;
  }
  const seconds = (Date.now() - started) / 1000;
  return { count, seconds, perSecond: count / seconds };
}

async function benchPglite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-bench-'));
  const dataDir = path.join(dir, 'records');
  try {
    const server = await serve(['--data', dataDir]);
    const cpuBefore = server.cpuSeconds();
    const result = await load(server.url);
    result.receiverCpu = (server.cpuSeconds() - cpuBefore) / result.seconds;
    await server.stop();
    const check = await verify({ dataDir }, result.acknowledged);
    // The baseline on the same kind of store: a fresh data directory with the same schema.
    const loopDir = path.join(dir, 'loop');
    await (await openStore({ dataDir: loopDir })).close();
    const db = await PGlite.create({ dataDir: loopDir });
    const loop = await insertLoop((text, values) => db.query(text, values));
    await db.close();
    return { name: 'PGlite (embedded)', result, check, loop };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres() {
  const database = await startPostgres({ durable: true });
  try {
    const server = await serve(['--database-url', database.url]);
    const cpuBefore = server.cpuSeconds();
    const result = await load(server.url);
    result.receiverCpu = (server.cpuSeconds() - cpuBefore) / result.seconds;
    await server.stop();
    const check = await verify({ databaseUrl: database.url }, result.acknowledged);
    const client = new pg.Client(database.url);
    await client.connect();
    await client.query('TRUNCATE consent_records, consent_record_ids');
    const loop = await insertLoop((text, values) => client.query(text, values));
    await client.end();
    return { name: 'PostgreSQL (pg, fsync on)', result, check, loop };
  } finally {
    database.destroy();
  }
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(`consent record receiver benchmark: ${fmt(RECORDS)} records (+1 replay per ${REPLAY_EVERY}), ${CLIENTS} keep-alive clients, loopback, ${cpus().length} cores, Node ${process.version}`);
const results = [];
for (const bench of [benchPglite, benchPostgres]) {
  const outcome = await bench();
  results.push(outcome);
  const { result, check, loop } = outcome;
  console.log(`\n${outcome.name}: ${fmt(result.requests)} requests in ${fmt(result.seconds, 1)} s${result.complete ? '' : ' (STOPPED AT THE DEADLINE)'}; statuses ${JSON.stringify(result.statuses)}`);
  console.log(`  rows ${fmt(check.rows)} for ${fmt(result.unique)} unique records sent; lost ${check.lost}; duplicated ${check.duplicated}`);
  console.log(`  plain INSERT loop: ${fmt(loop.count)} rows in ${fmt(loop.seconds, 1)} s`);
}

console.log('\n| store | requests/s through HTTP | p50 | p99 | lost | duplicated | receiver process CPU | plain INSERT loop, rows/s |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const { name, result, check, loop } of results) {
  console.log(`| ${name} | ${fmt(result.perSecond)} | ${fmt(result.p50, 1)} ms | ${fmt(result.p99, 1)} ms | ${check.lost} | ${check.duplicated} | ${fmt(result.receiverCpu * 100)} % of a core | ${fmt(loop.perSecond)} |`);
}
const failed = results.some(({ result, check }) => !result.complete || check.lost || check.duplicated || check.rows !== result.unique);
process.exitCode = failed ? 1 : 0;
