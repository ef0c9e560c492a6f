/**
 * How `npm run playground` runs the Microsoft 365 Agents Playground against the local bot:
 * its CLI with the bot's `/api/messages`, the Teams channel, telemetry off (`--dt`), the mock
 * Teams context of this folder (the local dev tenant `npm start` connected, so commands
 * answer), and a preload that keeps every server it starts on 127.0.0.1.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
export const LOOPBACK_PRELOAD = join(__dirname, 'loopback.cjs');
export const PLAYGROUND_CONFIG = join(__dirname, 'm365agentsplayground.yml');

export interface PlaygroundOptions {
  /** Where the playground serves its page (it picks another port when this one is taken). */
  readonly port: number;
  /** The Teams service's port (`npm start`'s OKR_TEAMS_PORT). */
  readonly teamsPort: number;
  /** Open a browser on the playground's page. */
  readonly open: boolean;
  /** The playground's log goes to `<dataDir>/playground.log`. */
  readonly dataDir: string;
}

const port = (name: string) => z.coerce.number({ error: `expected ${name} to be a port number` }).int().min(1, { error: `expected ${name} to be a port number` }).max(65_535, { error: `expected ${name} to be at most 65535` });

/** Reads `--port N` (OKR_PLAYGROUND_PORT, 56150), `--teams-port N` (OKR_TEAMS_PORT, 3978), `--no-open`, `--data DIR` (OKR_DATA_DIR, .data). */
export function readPlaygroundOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): { kind: 'ok'; options: PlaygroundOptions } | { kind: 'invalid'; message: string } {
  let values: { port?: string; 'teams-port'?: string; 'no-open'?: boolean; data?: string };
  try {
    values = parseArgs({ args: [...argv], options: { port: { type: 'string' }, 'teams-port': { type: 'string' }, 'no-open': { type: 'boolean' }, data: { type: 'string' } } }).values;
  } catch (error) {
    return { kind: 'invalid', message: `${(error as Error).message}; expected --port N, --teams-port N, --no-open, --data DIR` };
  }
  const playground = port(values.port ? '--port' : 'OKR_PLAYGROUND_PORT').safeParse(values.port ?? env.OKR_PLAYGROUND_PORT ?? 56150);
  if (!playground.success) return { kind: 'invalid', message: playground.error.issues[0]!.message };
  const teams = port(values['teams-port'] ? '--teams-port' : 'OKR_TEAMS_PORT').safeParse(values['teams-port'] ?? env.OKR_TEAMS_PORT ?? 3978);
  if (!teams.success) return { kind: 'invalid', message: teams.error.issues[0]!.message };
  return { kind: 'ok', options: { port: playground.data, teamsPort: teams.data, open: !values['no-open'], dataDir: resolve(cwd, values.data ?? env.OKR_DATA_DIR ?? '.data') } };
}

/** The node arguments and environment of the playground's process. */
export function playgroundCommand(options: PlaygroundOptions, env: Readonly<Record<string, string | undefined>>): { readonly args: string[]; readonly env: Record<string, string> } {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) base[k] = v;
  return {
    args: ['--require', LOOPBACK_PRELOAD, PLAYGROUND_CLI, '--app-endpoint', `http://127.0.0.1:${options.teamsPort}/api/messages`, '--channel-id', 'msteams', '--port', String(options.port), '--dt'],
    env: {
      ...base,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(options.dataDir, 'playground.log'),
      ...(options.open ? {} : { TEAMSAPPTESTER_BROWSER: 'none' }),
    },
  };
}
