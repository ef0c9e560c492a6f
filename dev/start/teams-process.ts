/**
 * The Teams service as a child process (`node --import tsx teams-app/src/main.ts`), the way it
 * runs in production: its own process over its own SQLite file, configured by environment
 * variables only. Not the tsx CLI: that runs the script in a grandchild a kill would miss.
 * Ready once it prints the line main.ts prints when it listens and `/healthz` answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './build';

export interface TeamsProcessOptions {
  readonly port: number;
  readonly sqlitePath: string;
  /** Extra environment, e.g. OUTBOX_LEASE_MS. */
  readonly env?: Readonly<Record<string, string>>;
  /** Each line the service prints. */
  readonly log: (line: string) => void;
  readonly readyTimeoutMs?: number;
}

export interface TeamsProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<string>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<string>;
}

/** The variables the orchestrator sets; whatever the caller's environment says, these win. */
export function teamsEnv(base: Readonly<Record<string, string | undefined>>, options: Pick<TeamsProcessOptions, 'port' | 'sqlitePath' | 'env'>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) env[k] = v;
  // Local mode on SQLite: a DATABASE_URL or PUBLIC_URL meant for a real deployment must not leak in.
  for (const k of ['DATABASE_URL', 'PUBLIC_URL', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'TAB_DOMAIN']) delete env[k];
  return { ...env, HOST: '127.0.0.1', PORT: String(options.port), SQLITE_PATH: options.sqlitePath, OKR_DEV_ANONYMOUS: '1', ...options.env };
}

/** Starts the service; resolves once it answers `/healthz`. */
export async function startTeamsProcess(options: TeamsProcessOptions): Promise<TeamsProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'teams-app', 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: teamsEnv(process.env, options),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a terminal's Ctrl-C reaches the orchestrator only, which stops it in order.
    detached: true,
  });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)));
  const output: string[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    const onLine = (line: string) => {
      output.push(line);
      options.log(line);
      const match = /teams service on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve(match[1]!);
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) onLine(line);
      });
    }
    void exited.then((how) => reject(new Error(`the Teams service stopped before it was ready (${how}):\n${output.slice(-20).join('\n')}`)));
    const timer = setTimeout(() => reject(new Error(`the Teams service did not start within ${(options.readyTimeoutMs ?? 30_000) / 1000} s:\n${output.slice(-20).join('\n')}`)), options.readyTimeoutMs ?? 30_000);
    timer.unref();
  });
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
  };
  let url: string;
  try {
    url = await ready;
    const health = await fetch(`${url}/healthz`);
    if (health.status !== 200) throw new Error(`the Teams service answered /healthz with ${health.status}`);
  } catch (error) {
    signal('SIGKILL');
    await exited;
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    child,
    exited,
    async stop(graceMs = 5_000) {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      const how = await exited;
      clearTimeout(timer);
      return how;
    },
    async kill() {
      signal('SIGKILL');
      return exited;
    },
  };
}
