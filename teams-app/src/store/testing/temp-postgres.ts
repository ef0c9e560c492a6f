/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temporary directory, start on a
 * free port of 127.0.0.1 with its unix socket in that directory, create a database, and stop
 * and delete everything afterwards. As root (CI, these machines) the server runs as the
 * `postgres` user, since PostgreSQL refuses to run as root. When the binaries are missing it
 * says exactly why, so the caller can skip with that reason.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

/** The binaries: POSTGRES_BIN, else Debian's PostgreSQL 15, else the newest Debian version installed. */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? findDebianPostgres();

function findDebianPostgres(): string {
  const preferred = '/usr/lib/postgresql/15/bin';
  if (existsSync(join(preferred, 'initdb'))) return preferred;
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v) && existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? join('/usr/lib/postgresql', versions[0], 'bin') : preferred;
}

export type TempPostgres =
  | {
      kind: 'running';
      url: string;
      newDatabase: () => Promise<string>;
      /** Stops the server with `pg_ctl stop -m <mode>`, keeping its data; `start` brings it back on the same port. */
      halt: (mode: 'smart' | 'fast' | 'immediate') => Promise<void>;
      /** Starts a halted server again and resolves once it accepts connections. */
      start: () => Promise<void>;
      stop: () => Promise<void>;
    }
  | { kind: 'unavailable'; reason: string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    return { uid: Number(execFileSync('id', ['-u', name]).toString().trim()), gid: Number(execFileSync('id', ['-g', name]).toString().trim()) };
  } catch {
    return undefined;
  }
}

/** Why a temporary server cannot be started here, or null when it can (checked without starting one). */
export function tempPostgresUnavailableReason(): string | null {
  const initdb = join(POSTGRES_BIN, 'initdb');
  const pgCtl = join(POSTGRES_BIN, 'pg_ctl');
  if (!existsSync(initdb) || !existsSync(pgCtl)) {
    return `PostgreSQL run skipped: ${initdb} and ${pgCtl} not found (install the Debian package "postgresql"; .ci/run does it)`;
  }
  if (process.getuid?.() === 0 && !userIds('postgres')) return 'PostgreSQL run skipped: running as root and there is no "postgres" user to run the server as';
  return null;
}

/** Starts a temporary server and creates database `database` in it. */
export async function startTempPostgres(database = 'okr_test'): Promise<TempPostgres> {
  const reason = tempPostgresUnavailableReason();
  if (reason) return { kind: 'unavailable', reason };
  const initdb = join(POSTGRES_BIN, 'initdb');
  const pgCtl = join(POSTGRES_BIN, 'pg_ctl');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'okr-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (file: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' }) : execFileSync(file, args, { stdio: 'pipe' });
  // The same, without blocking the event loop: callers keep serving traffic while the server stops or starts.
  const runAsync = async (file: string, args: string[]) => {
    await (asRoot ? execFileAsync('runuser', ['-u', 'postgres', '--', file, ...args]) : execFileAsync(file, args));
  };
  const data = join(dir, 'data');
  const port = await freePort();
  const startArgs = ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-h 127.0.0.1 -p ${port} -k ${dir} -F`, 'start'];
  let up = false;
  try {
    run(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    run(pgCtl, startArgs);
    up = true;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { kind: 'unavailable', reason: `PostgreSQL run skipped: the temporary server did not start (${detail})` };
  }
  let count = 0;
  const newDatabase = async (name = `${database}_${++count}`) => {
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return `postgres://postgres@127.0.0.1:${port}/${name}`;
  };
  return {
    kind: 'running',
    url: await newDatabase(database),
    newDatabase: () => newDatabase(),
    halt: async (mode) => {
      await runAsync(pgCtl, ['-D', data, '-m', mode, '-w', 'stop']);
      up = false;
    },
    start: async () => {
      await runAsync(pgCtl, startArgs);
      up = true;
    },
    stop: async () => {
      try {
        if (up) run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
