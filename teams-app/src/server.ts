/**
 * The Teams service: one HTTP server with `/api/messages` (the bot), `/api/events` (Forge's
 * signed events), the tab's API and static files when given, and `/healthz`; plus the outbox
 * worker and the reminder timer. Everything it needs comes in as options (main.ts reads the
 * environment); nothing here reads env vars.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, type AuthConfiguration, type Connections } from '@microsoft/agents-hosting';
import { createBotAgent } from './bot/agent';
import { runDueReminders } from './bot/reminders';
import type { BotServices } from './bot/services';
import { pruneOldEvents, pruneUsedRequestIds } from './events/retention';
import { createBotAuthVerifier, type BotAuthConfig } from './http/bot-auth';
import { createLimitedServer, type HttpLimits } from './http/connection-limits';
import { handleEventsRequest } from './http/events-route';
import { sendJson } from './http/io';
import { listenOn } from './http/listen';
import { handleMessages } from './http/messages-route';

export { ListenError } from './http/listen';
import { createDeliveryGate } from './outbox/delivery-gate';
import { createRateLimiter } from './outbox/rate-limiter';
import { createAdapterSender } from './outbox/sender';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './outbox/worker';
import type { TeamsStore } from './store/port';
import { STORE_RETRY_AFTER_SECONDS, StoreUnavailable } from './store/unavailable';

/** How the bot authenticates: Bot Framework tokens in production, none in local mode. */
export type BotMode =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'authenticated';
      readonly appId: string;
      readonly password?: string;
      readonly tenantId?: string;
      /** Issuer and JWKS of incoming tokens; the Bot Framework's by default. */
      readonly auth?: Omit<BotAuthConfig, 'appId'>;
      /** Replaces Entra token acquisition for outgoing calls (tests; a sidecar). */
      readonly outboundToken?: (scope: string) => Promise<string>;
    };

type Mount = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface ServiceOptions {
  readonly store: TeamsStore;
  /** 127.0.0.1 by default; the anonymous mode refuses anything else. */
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** The base URL Forge and Teams reach this service at; the listen address by default. */
  readonly publicUrl?: string;
  readonly bot: BotMode;
  readonly nowMs?: () => number;
  readonly newId?: () => string;
  readonly random?: () => number;
  readonly fetch?: typeof fetch;
  readonly defaultTimeZone?: string;
  readonly outbox?: Partial<Pick<OutboxWorkerOptions, 'concurrency' | 'leaseMs' | 'pollMs' | 'maxAttempts' | 'conversationLimits' | 'tenantLimits'>>;
  /**
   * On PostgreSQL, how often an instance without the delivery lock tries to take it (and the
   * holder checks its session). Five seconds by default.
   */
  readonly deliveryLockRetryMs?: number;
  /** How often due reminders are looked for; 0 turns the timer off. One minute by default. */
  readonly reminderIntervalMs?: number;
  /** How often used request ids past the signature window are forgotten; 0 turns it off. Ten minutes by default. */
  readonly pruneIntervalMs?: number;
  /** Timeouts and the per-address connection cap of the HTTP server (http/connection-limits.ts). */
  readonly http?: Partial<HttpLimits>;
  /** Extra handlers tried in order before 404: the tab API, the tab's static files. */
  readonly mounts?: readonly Mount[];
  readonly log?: (line: string) => void;
}

export interface RunningService {
  readonly url: string;
  readonly worker: OutboxWorker;
  /** Whether this instance delivers the outbox now (on PostgreSQL, one instance at a time). */
  delivering(): boolean;
  readonly services: BotServices;
  runReminders(): Promise<number>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A Connections whose every token comes from `token` (no Entra call). */
function fixedTokenConnections(adapter: CloudAdapter, token: (scope: string) => Promise<string>): Connections {
  const provider = { getAccessToken: (a: unknown, b?: string) => token(typeof a === 'string' ? a : (b ?? '')), connectionSettings: {} };
  const real = adapter.connectionManager;
  return {
    getConnection: () => provider as never,
    getDefaultConnection: () => provider as never,
    getTokenProvider: () => provider as never,
    getTokenProviderFromActivity: () => provider as never,
    getDefaultConnectionConfiguration: () => real.getDefaultConnectionConfiguration(),
  };
}

/**
 * Starts the service; resolves once it listens, and rejects (having released what it took)
 * when it cannot listen, with a message naming the host and port.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const host = options.host ?? '127.0.0.1';
  const { bot, store } = options;
  if (bot.kind === 'anonymous' && !LOOPBACK.has(host)) throw new Error(`the anonymous local mode listens on 127.0.0.1 only, not ${host}`);
  const nowMs = options.nowMs ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));

  const authConfig: AuthConfiguration = bot.kind === 'authenticated' ? { clientId: bot.appId, clientSecret: bot.password, tenantId: bot.tenantId } : {};
  const adapter = new CloudAdapter(authConfig);
  if (bot.kind === 'authenticated' && bot.outboundToken) adapter.connectionManager = fixedTokenConnections(adapter, bot.outboundToken);
  const verifier = bot.kind === 'authenticated' ? createBotAuthVerifier({ appId: bot.appId, ...bot.auth }, nowMs) : null;

  const limiter = createRateLimiter();
  const sender = createAdapterSender(adapter, bot.kind === 'authenticated' ? bot.appId : null, nowMs);
  const worker = createOutboxWorker({ store, sender, limiter, nowMs, random: options.random ?? Math.random, log, ...options.outbox });

  const { server } = createLimitedServer(options.http);
  await listenOn(server, host, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const services: BotServices = {
    store,
    nowMs,
    newId: options.newId ?? randomUUID,
    fetch: options.fetch,
    publicUrl: options.publicUrl ?? url,
    defaultTimeZone: options.defaultTimeZone ?? 'UTC',
    wakeOutbox: () => worker.wake(),
    log,
    localDev: bot.kind === 'anonymous',
  };
  const app = createBotAgent(adapter, services);

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://service.invalid').pathname;
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/api/messages') {
      return handleMessages({ adapter, app, verifier, log }, req, res);
    }
    if (path === '/api/events') return handleEventsRequest({ store, nowMs, onEntries: () => worker.wake() }, req, res);
    for (const mount of options.mounts ?? []) if (await mount(req, res)) return;
    sendJson(res, 404, { error: `expected one of /api/messages, /api/events, /api/tab/*, /tab/*, /healthz; got ${path}` });
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      log(`http: ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`);
      // The database away (restarting, failing over) is not a failure of the request: say when to try again.
      if (error instanceof StoreUnavailable) return sendJson(res, 503, { error: `${error.message}; try again later` }, { 'retry-after': String(STORE_RETRY_AFTER_SECONDS) });
      sendJson(res, 500, { error: 'internal error' });
    });
  });

  const gate = createDeliveryGate({ worker, lock: store.deliveryLock(), retryMs: options.deliveryLockRetryMs ?? 5_000, log });
  await gate.start();
  const runReminders = () => runDueReminders(services);
  const every = (ms: number, what: string, task: () => Promise<unknown>) => {
    if (ms <= 0) return null;
    const timer = setInterval(() => {
      task().catch((error: unknown) => log(`${what}: ${error instanceof Error ? error.message : String(error)}`));
    }, ms);
    timer.unref();
    return timer;
  };
  const timers = [
    every(options.reminderIntervalMs ?? 60_000, 'reminders', runReminders),
    every(options.pruneIntervalMs ?? 10 * 60_000, 'request ids', () => pruneUsedRequestIds(store, nowMs())),
    every(options.pruneIntervalMs ?? 10 * 60_000, 'old events', () => pruneOldEvents(store, nowMs())),
  ];

  return {
    url,
    worker,
    delivering: () => gate.delivering(),
    services,
    runReminders,
    async close() {
      for (const timer of timers) if (timer) clearInterval(timer);
      await gate.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
