// A throwaway PostgreSQL server for the tests and the benchmark: Debian's `postgresql` package,
// started in a temporary directory on a free loopback port, as the unprivileged `postgres`
// user when we run as root (PostgreSQL refuses to run as root). Nothing listens beyond 127.0.0.1.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = '/usr/lib/postgresql';

/** The bin directory of the newest installed PostgreSQL, or null. */
export function findPostgresBin() {
  if (!existsSync(ROOT)) return null;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(path.join(ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(ROOT, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresUser() {
  if (process.getuid?.() !== 0) return null;
  const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (ids.status !== 0) throw new Error('running as root needs the `postgres` system user (Debian\'s postgresql package creates it)');
  return { uid: Number(ids.stdout.trim()), gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()) };
}

function run(bin, tool, args, user) {
  const command = path.join(bin, tool);
  // runuser keeps the environment small and needs no password; used only when we are root.
  const [file, argv] = user ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
}

/**
 * Starts a fresh server. `durable: false` (tests) turns off fsync for speed; the benchmark
 * keeps PostgreSQL's defaults.
 */
export async function startPostgres({ durable = false } = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does this on a clean machine)');
  const user = postgresUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  run(bin, 'initdb', ['-D', data, '-U', 'consent', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], user);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    `-c max_connections=60`,
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const server = {
    port,
    dir,
    url: `postgres://consent@127.0.0.1:${port}/postgres`,
    start() {
      run(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start'], user);
    },
    stop() {
      run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop'], user);
    },
    /** Stops the server and deletes its files. */
    destroy() {
      try {
        server.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}
