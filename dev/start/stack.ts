/**
 * The whole product on 127.0.0.1, started in order: the Jira emulator (its site restored from
 * the data folder), the local Forge host with every panel, the Bot Connector emulator, the
 * Teams service as a child process on SQLite in local mode, the first-start steps, and the
 * start page linking them all. `npm start` (main.ts) and the end-to-end suite both use it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrg, type Org } from '@okr-bridge/core';
import { DEV_TENANT_ID } from '../../teams-app/src/auth/dev-token';
import { startBotConnector, type BotConnector, type BotConnectorOptions } from '../bot-connector';
import { startForgeHost, type ForgeHost } from '../forge-host';
import { startJiraEmulator, type JiraEmulator } from '../jira-emulator';
import { bootstrap, departmentChannel, PERSONAL_CHAT } from './bootstrap';
import { ensureBuilt, type BuildMode } from './build';
import type { Ports } from './config';
import { startPage, type StartPage } from './page';
import { openPersistentSite, watchSite, type SiteWatcher } from './persistent-site';
import { describeBusyPort, findBusyPorts, pickFreePort } from './ports';
import { createTeamsClient, type Conversation, type TeamsClient } from './teams-client';
import { startTeamsProcess, type TeamsProcess } from './teams-process';

export interface StackOptions {
  readonly dataDir: string;
  /** 0 = any free port. */
  readonly ports: Ports;
  readonly orgFile: string;
  readonly issuesFile: string;
  /** The Forge host's scheduled reconcile (0 or absent = never). */
  readonly reconcileEveryMinutes?: number;
  /** Add a channel per department on the first start, each following its department (default true). */
  readonly demoChannels?: boolean;
  readonly build?: BuildMode;
  /** Where the Jira panels are built and served from; jira-app/dist/ui by default. */
  readonly panelsDir?: string;
  /** Extra environment for the Teams service (e.g. OUTBOX_LEASE_MS). */
  readonly teamsEnv?: Readonly<Record<string, string>>;
  /** Scales the Forge queue's retry delays (1 = as the consumer asks: 30 s, 60 s, …); 0.1 by default. */
  readonly forgeRetryDelayScale?: number;
  /** The Bot Connector emulator's options other than the port (tests slow it down with latencyMs). */
  readonly connector?: Omit<BotConnectorOptions, 'port'>;
  readonly log?: (line: string) => void;
}

export interface StackUrls {
  readonly page: string;
  readonly jira: string;
  readonly forge: string;
  readonly teams: string;
  readonly connector: string;
}

export interface Stack {
  readonly urls: StackUrls;
  readonly org: Org;
  readonly emulator: JiraEmulator;
  readonly forge: ForgeHost;
  readonly connector: BotConnector;
  /** The Teams service process now running (null between stopTeams and startTeams). */
  teams(): TeamsProcess | null;
  /** Teams as the local user of the tenant the tab's dev tokens map to. */
  readonly client: TeamsClient;
  /** The conversations set up locally: the personal chat, and the department channels unless `demoChannels` is false. */
  readonly conversations: readonly Conversation[];
  /** What the first-start steps ran this time (empty on a restart). */
  readonly bootstrapped: readonly string[];
  /** Resolves once the emulator has pushed every event and the Forge host has handled them. */
  settle(): Promise<void>;
  /** Stops the Teams service: `kill` is SIGKILL, `stop` SIGTERM. */
  stopTeams(how: 'kill' | 'stop'): Promise<string>;
  /** Starts the Teams service again on the same port and database. */
  startTeams(): Promise<TeamsProcess>;
  stop(): Promise<void>;
}

/** Thrown when a configured port is taken; the message names the port and the setting. */
export class PortInUseError extends Error {}

/** Starts everything; on failure stops what had started and rethrows. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const busy = await findBusyPorts(options.ports);
  if (busy.length) throw new PortInUseError(busy.map((name) => describeBusyPort(name, options.ports[name])).join('\n'));
  const orgText = readFileSync(options.orgFile, 'utf8');
  const org = parseOrg(orgText, options.orgFile);
  const cleanups: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((e: unknown) => log(`stopping: ${(e as Error).message}`));
  };
  try {
    await ensureBuilt(options.build ?? 'if-stale', log, options.panelsDir);
    const { site, restored } = openPersistentSite(join(options.dataDir, 'jira', 'issues.json'), options.issuesFile);
    const emulator = await startJiraEmulator({ site, port: options.ports.jira });
    cleanups.push(() => emulator.stop());
    const watcher: SiteWatcher = watchSite(site, join(options.dataDir, 'jira', 'issues.json'), 250, (e) => log(`jira emulator: saving the site failed: ${e.message}`));
    cleanups.push(async () => watcher.stop());
    log(`jira emulator: ${site.size} issues ${restored ? 'restored from the data folder' : `from ${options.issuesFile}`}`);

    // The Teams service's port is chosen first: the Forge app may post only to it (the manifest's
    // egress allow-list, `${TEAMS_SERVICE_URL}`, filled in as `forge deploy` would from the shell).
    const teamsPort = options.ports.teams || (await pickFreePort());
    const teamsUrl = `http://127.0.0.1:${teamsPort}`;
    const forge = await startForgeHost({
      manifestVariables: () => ({ TEAMS_SERVICE_URL: teamsUrl }),
      emulatorUrl: emulator.url,
      port: options.ports.forge,
      dataDir: join(options.dataDir, 'forge-host'),
      ...(options.panelsDir ? { uiDir: options.panelsDir } : {}),
      build: 'never',
      reconcileEveryMinutes: options.reconcileEveryMinutes || undefined,
      retryDelayScale: options.forgeRetryDelayScale ?? 0.1,
      log: (m) => log(`forge-host: ${m}`),
    });
    cleanups.push(() => forge.stop());
    const connector = await startBotConnector({ ...options.connector, port: options.ports.connector });
    cleanups.push(() => connector.close());

    const sqlitePath = join(options.dataDir, 'teams.sqlite');
    let teams: TeamsProcess | null = null;
    const startTeams = async () => {
      teams = await startTeamsProcess({ port: teamsPort, sqlitePath, env: options.teamsEnv ?? {}, log: (line) => log(`teams: ${line}`) });
      return teams;
    };
    const stopTeams = async (how: 'kill' | 'stop') => {
      const running = teams;
      teams = null;
      return running ? (how === 'kill' ? running.kill() : running.stop()) : 'not running';
    };
    await startTeams();
    cleanups.push(() => stopTeams('stop'));
    const client = createTeamsClient({ botUrl: () => teamsUrl, serviceUrl: connector.serviceUrl, tenantId: DEV_TENANT_ID, directory: connector.directory });

    const settle = async () => {
      while (emulator.stats().webhooks.pending > 0) await new Promise((r) => setTimeout(r, 20));
      await forge.settled();
    };
    const bootstrapped = await bootstrap({ dataDir: options.dataDir, urls: { forge: forge.url, teams: teamsUrl }, orgText, departments: org.departments, host: forge, client, connector, channels: options.demoChannels ?? true, nowIso: () => new Date().toISOString(), log });
    if (!bootstrapped.includes('import')) {
      // Catch up on changes the Forge host may have missed when the last run was killed.
      const report = await forge.reconcile();
      log(`forge-host: reconcile on restart: ${report.kind}`);
      await settle();
    }
    const conversations = [PERSONAL_CHAT, ...(options.demoChannels ?? true ? org.departments.map(departmentChannel) : [])];
    const urls = { jira: emulator.url, forge: forge.url, teams: teamsUrl, connector: connector.serviceUrl };
    const page: StartPage = await startPage({ port: options.ports.page, urls, org, emulator, connector, client, conversations });
    cleanups.push(() => page.close());

    return {
      urls: { ...urls, page: page.url },
      org,
      emulator,
      forge,
      connector,
      teams: () => teams,
      client,
      conversations,
      bootstrapped,
      settle,
      stopTeams,
      startTeams,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
