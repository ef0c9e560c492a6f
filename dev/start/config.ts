/**
 * What `npm start` runs with: ports, the data folder and the demo's seed files, read from
 * command-line flags and the environment (flags win), validated, with the defaults below.
 * Nothing else in dev/start reads the environment.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The servers the orchestrator starts, each on its own port. */
export const SERVERS = {
  page: { flag: 'port', env: 'OKR_START_PORT', fallback: 4000, what: 'the start page' },
  jira: { flag: 'jira-port', env: 'OKR_JIRA_PORT', fallback: 4010, what: 'the Jira emulator' },
  forge: { flag: 'forge-port', env: 'OKR_FORGE_PORT', fallback: 4020, what: 'the local Forge host' },
  connector: { flag: 'connector-port', env: 'OKR_CONNECTOR_PORT', fallback: 4030, what: 'the Bot Connector emulator' },
  teams: { flag: 'teams-port', env: 'OKR_TEAMS_PORT', fallback: 3978, what: 'the Teams service' },
} as const;

export type ServerName = keyof typeof SERVERS;
export type Ports = Readonly<Record<ServerName, number>>;

export interface StartConfig {
  readonly ports: Ports;
  /** Everything kept across restarts lives here. */
  readonly dataDir: string;
  /** The org file imported into the Forge host on the first start. */
  readonly orgFile: string;
  /** The Jira snapshot the emulator starts from on the first start. */
  readonly issuesFile: string;
  /** The Forge host's scheduled reconcile; 0 turns it off. */
  readonly reconcileEveryMinutes: number;
}

export type ConfigOutcome = { readonly kind: 'ok'; readonly config: StartConfig } | { readonly kind: 'help'; readonly text: string } | { readonly kind: 'invalid'; readonly message: string };

const OTHER = {
  data: { env: 'OKR_DATA_DIR', fallback: '.data' },
  org: { env: 'OKR_ORG_FILE', fallback: 'examples/acme.yaml' },
  issues: { env: 'OKR_ISSUES_FILE', fallback: 'examples/acme-issues.json' },
  'reconcile-every': { env: 'OKR_RECONCILE_MINUTES', fallback: '60' },
} as const;

const portSchema = (name: string) => z.coerce.number({ error: `expected ${name} to be a port number (1-65535, or 0 for any free port)` }).int({ error: `expected ${name} to be a whole number` }).min(0).max(65_535, { error: `expected ${name} to be at most 65535` });

/** The usage text of `npm start -- --help`. */
export function startUsage(): string {
  const lines = ['npm start [-- options]', '', 'Starts the Jira emulator, the local Forge host, the Teams service, the Bot Connector emulator and a start page on 127.0.0.1.', ''];
  for (const s of Object.values(SERVERS)) lines.push(`  --${s.flag} N`.padEnd(26) + `${s.env} (default ${s.fallback}): ${s.what}`);
  lines.push('  --data DIR'.padEnd(26) + `${OTHER.data.env} (default ${OTHER.data.fallback}): where state is kept across restarts`);
  lines.push('  --org FILE'.padEnd(26) + `${OTHER.org.env} (default ${OTHER.org.fallback}): the org imported on the first start`);
  lines.push('  --issues FILE'.padEnd(26) + `${OTHER.issues.env} (default ${OTHER.issues.fallback}): the Jira snapshot of the first start`);
  lines.push('  --reconcile-every MIN'.padEnd(26) + `${OTHER['reconcile-every'].env} (default ${OTHER['reconcile-every'].fallback}; 0 = never): the Forge host's scheduled reconcile`);
  return lines.join('\n');
}

/** Reads the configuration from `argv` (without node and the script) and `env`; paths are resolved against `cwd`. */
export function readStartConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): ConfigOutcome {
  const options: Record<string, { type: 'string' } | { type: 'boolean' }> = { help: { type: 'boolean' } };
  for (const s of Object.values(SERVERS)) options[s.flag] = { type: 'string' };
  for (const name of Object.keys(OTHER)) options[name] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    return { kind: 'invalid', message: `${(error as Error).message}\n\n${startUsage()}` };
  }
  if (values.help) return { kind: 'help', text: startUsage() };
  const pick = (flag: string, envName: string, fallback: string | number): { value: string; source: string } => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return { value: fromFlag, source: `--${flag}` };
    const fromEnv = env[envName];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: envName };
    return { value: String(fallback), source: envName };
  };
  const ports: Partial<Record<ServerName, number>> = {};
  for (const [name, s] of Object.entries(SERVERS) as [ServerName, (typeof SERVERS)[ServerName]][]) {
    const { value, source } = pick(s.flag, s.env, s.fallback);
    const parsed = portSchema(source).safeParse(value);
    if (!parsed.success) return { kind: 'invalid', message: `${parsed.error.issues[0]?.message ?? `expected ${source} to be a port number`}, got "${value}"` };
    ports[name] = parsed.data;
  }
  const used = Object.entries(ports).filter(([, p]) => p !== 0);
  for (const [name, port] of used) {
    const other = used.find(([n, p]) => n !== name && p === port);
    if (other) return { kind: 'invalid', message: `expected a different port for each server, got ${port} for both ${SERVERS[name as ServerName].what} (${SERVERS[name as ServerName].env}) and ${SERVERS[other[0] as ServerName].what} (${SERVERS[other[0] as ServerName].env})` };
  }
  const reconcile = pick('reconcile-every', OTHER['reconcile-every'].env, OTHER['reconcile-every'].fallback);
  const minutes = z.coerce.number().int().min(0).safeParse(reconcile.value);
  if (!minutes.success) return { kind: 'invalid', message: `expected ${reconcile.source} to be a whole number of minutes (0 = never), got "${reconcile.value}"` };
  return {
    kind: 'ok',
    config: {
      ports: ports as Ports,
      dataDir: resolve(cwd, pick('data', OTHER.data.env, OTHER.data.fallback).value),
      orgFile: resolve(cwd, pick('org', OTHER.org.env, OTHER.org.fallback).value),
      issuesFile: resolve(cwd, pick('issues', OTHER.issues.env, OTHER.issues.fallback).value),
      reconcileEveryMinutes: minutes.data,
    },
  };
}
