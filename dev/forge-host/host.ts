/**
 * The local Forge host: a node:http server on 127.0.0.1 that serves the built Custom UI panels
 * with a bridge shim and runs the functions bundle Forge's bundler built behind it, with a
 * stand-in for what the Forge runtime injects (see README.md).
 *
 *   const host = await startForgeHost({ emulatorUrl, dataDir });
 *   // open `${host.url}/panels/department/?project=ENG&theme=dark`
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { buildUi, DEFAULT_UI_OUT_DIR, PANELS } from '../../jira-app/scripts/build-ui';
import { ensureFunctionsBuilt, functionsBundleIsStale } from '../../jira-app/scripts/functions-bundle';
import { createHostBackend, type CallRecord, type HostBackend } from './backend';
import { createJiraAccess, type JiraCounts } from './jira-access';
import { readManifestFacts } from './manifest';
import { GadgetStore } from './gadget-store';
import { sendError } from './http-util';
import { createHandlers } from './handlers';
import { route, WEB_TRIGGER_PATH } from './routes';
import { SessionStore } from './sessions';

/** The repository's manifest.yml (the Forge app's root is the repository root). */
export const DEFAULT_MANIFEST = resolve(__dirname, '..', '..', 'manifest.yml');

/** What the scheduled trigger's function answered (the app reports what its reconcile did). */
export interface ReconcileReport {
  readonly kind: string;
  readonly reason?: string;
}

export interface ForgeHostOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The Jira emulator's base URL (`startJiraEmulator(…).url`). */
  readonly emulatorUrl: string;
  /** The emulator's Authorization header value, when it requires credentials. */
  readonly emulatorAuthorization?: string;
  /** The app's manifest, read for the pages' CSP and the gadget's edit view; the repository's `manifest.yml` by default. */
  readonly manifestPath?: string;
  /** Where the KVS double and gadget configurations are kept (created if missing). */
  readonly dataDir: string;
  /** The built panels; `jira-app/dist/ui` by default. */
  readonly uiDir?: string;
  /** Build the panels first: always, only when missing (the default), or never. */
  readonly build?: 'always' | 'if-missing' | 'never';
  /** Build the functions bundle with @forge/bundler first: when older than its sources (the default), always, when missing, or never. */
  readonly functionsBuild?: 'always' | 'if-stale' | 'if-missing' | 'never';
  /** Manifest variables as `forge deploy` reads them from the shell, e.g. `{ TEAMS_SERVICE_URL }` (the egress allow-list); read when a function starts. */
  readonly manifestVariables?: () => Readonly<Record<string, string | undefined>>;
  /** The account of a panel load without `?accountId=`. */
  readonly defaultAccountId?: string;
  /** Accounts that are Jira admins (answer `mypermissions` ADMINISTER); the default account by default. */
  readonly admins?: readonly string[];
  /** Milliseconds since the epoch; the real clock by default. */
  readonly clock?: () => number;
  /** Register with the emulator for its issue events (default true). */
  readonly subscribeToEvents?: boolean;
  /** Run the scheduled reconcile every this many minutes (Forge: hourly); off by default. */
  readonly reconcileEveryMinutes?: number;
  /** Multiplies the queue's retry delays (1 = as the consumer asks; 0 = at once). */
  readonly retryDelayScale?: number;
  readonly log?: (message: string) => void;
}

export interface ForgeHostStats {
  readonly kvs: Readonly<HostBackend['kvs']['counts']>;
  readonly jira: Readonly<JiraCounts>;
  readonly calls: readonly CallRecord[];
  readonly queued: number;
}

export interface ForgeHost {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** The address of a panel with a chosen context, e.g. `panelUrl('epic', { issue: 'ENG-101', theme: 'dark' })`. */
  panelUrl(panel: (typeof PANELS)[number]['name'], query?: Readonly<Record<string, string>>): string;
  stats(): ForgeHostStats;
  /** Forgets the recorded calls and zeroes the KVS and Jira counters. */
  resetStats(): void;
  /** Resolves once every issue event received so far, and what it queued, has been handled. */
  settled(): Promise<void>;
  /** Runs the scheduled reconcile trigger now (as Forge's hourly `scheduledTrigger` does). */
  reconcile(): Promise<ReconcileReport>;
  /** Calls resolver `name` as `accountId` would from a panel (the default account when absent); resolves with its answer. */
  invoke(name: string, payload: unknown, as?: { readonly accountId?: string }): Promise<unknown>;
  readonly backend: HostBackend;
  stop(): Promise<void>;
}

/** Starts the host; resolves once it listens (and, unless told not to, is subscribed to the emulator's events). */
export async function startForgeHost(options: ForgeHostOptions): Promise<ForgeHost> {
  const uiDir = options.uiDir ?? DEFAULT_UI_OUT_DIR;
  const buildMode = options.build ?? 'if-missing';
  const functionsBuild = options.functionsBuild ?? 'if-stale';
  if (functionsBuild === 'always' || (functionsBuild === 'if-stale' && functionsBundleIsStale())) (options.log ?? ((m: string) => process.stderr.write(`forge-host: ${m}\n`)))('building the functions with @forge/bundler (about a minute)');
  const bundle = ensureFunctionsBuilt(functionsBuild);
  if (buildMode === 'always' || (buildMode === 'if-missing' && !PANELS.every((p) => existsSync(join(uiDir, p.name, 'index.html'))))) {
    await buildUi({ outDir: uiDir });
  }
  mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? ((m: string) => process.stderr.write(`forge-host: ${m}\n`));
  const defaultAccountId = options.defaultAccountId ?? 'local-admin';
  const admins = new Set(options.admins ?? [defaultAccountId]);
  const clock = options.clock ?? (() => Date.now());
  const jira = createJiraAccess(options.emulatorUrl, (id) => admins.has(id), options.emulatorAuthorization);
  const eventToken = randomBytes(18).toString('base64url');
  let url = '';
  const manifestPath = options.manifestPath ?? DEFAULT_MANIFEST;
  const backend = createHostBackend({
    dataDir: options.dataDir,
    jira,
    clock,
    log,
    bundle,
    manifestPath,
    manifestVariables: options.manifestVariables ?? (() => ({})),
    webTriggerUrl: (key) => `${url}${WEB_TRIGGER_PATH.replace('teams-webtrigger', key)}`,
    retryDelayScale: options.retryDelayScale ?? 1,
  });
  const handlers = createHandlers({
    uiDir,
    backend,
    jira,
    sessions: new SessionStore(),
    gadgets: new GadgetStore(join(options.dataDir, 'gadgets.json')),
    eventToken,
    defaultAccountId,
    siteUrl: options.emulatorUrl,
    manifest: readManifestFacts(manifestPath),
    log,
  });
  const server = createServer((req, res) => {
    route(req, res, handlers).catch((e: unknown) => {
      log(`${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) sendError(res, 500, `the local Forge host failed: ${(e as Error).message}`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const reconcile = async () => (await backend.serialize('scheduled', 'reconcile', () => backend.reconcile(), (r) => (r as ReconcileReport | undefined)?.kind !== 'skipped')) as ReconcileReport;
  const settled = async () => {
    await handlers.settled();
    await backend.drained();
  };
  const schedule = options.reconcileEveryMinutes
    ? setInterval(() => {
        reconcile().then(
          (r) => log(`scheduled reconcile: ${r.kind}`),
          (e: unknown) => log(`scheduled reconcile threw: ${(e as Error).stack ?? String(e)}`),
        );
      }, options.reconcileEveryMinutes * 60_000)
    : null;
  schedule?.unref();
  let webhookId: string | null = null;
  if (options.subscribeToEvents ?? true) webhookId = await handlers.subscribe(options.emulatorUrl, `${url}/__forge-host/events/${eventToken}`, options.emulatorAuthorization);

  return {
    url,
    backend,
    panelUrl: (panel, query = {}) => `${url}/panels/${panel}/${Object.keys(query).length ? `?${new URLSearchParams(query as Record<string, string>)}` : ''}`,
    stats: () => ({ kvs: { ...backend.kvs.counts }, jira: { ...jira.counts }, calls: [...backend.calls], queued: backend.queued.length }),
    resetStats: () => {
      backend.kvs.resetCounts();
      Object.assign(jira.counts, { asUser: 0, asApp: 0, permissionChecks: 0 });
      backend.calls.length = 0;
    },
    settled,
    reconcile,
    async invoke(name, payload, as = {}) {
      const context = { accountId: as.accountId ?? defaultAccountId, extension: { type: 'jira:adminPage' } };
      const answer = await handlers.invokeAs(context, { functionKey: name, payload });
      if (answer.status !== 200) throw new Error((answer.body as { message?: string }).message ?? `resolver ${name} failed`);
      return answer.body;
    },
    async stop() {
      if (schedule) clearInterval(schedule);
      if (webhookId) await handlers.unsubscribe(options.emulatorUrl, webhookId, options.emulatorAuthorization);
      await settled();
      await backend.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
