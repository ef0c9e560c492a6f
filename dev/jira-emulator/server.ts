/**
 * The Jira Cloud emulator's HTTP server on 127.0.0.1: routes Jira API calls (after latency,
 * auth and injected faults, in that order, each call counted) and `/_emulator/` calls, and
 * pushes the events of every change to the registered webhooks after answering.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routeAdmin } from './admin';
import { JiraApi } from './api';
import { applySiteChange, type ChangeOutcome, type SiteChange } from './changes';
import { FaultInjector, type FaultOptions } from './faults';
import { checkAuth, INVALID_PAYLOAD, jiraError, readJsonBody, unauthorized, type AuthOptions, type Reply } from './http';
import type { Site } from './site';
import { StatsCounter, type EmulatorStats } from './stats';
import { DEFAULT_SITE_TIME_ZONE, zoneOffsetReader } from './time-zone';
import { WebhookHub } from './webhooks';

export interface JiraEmulatorOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: '127.0.0.1';
  readonly site: Site;
  /** Credentials every call must carry; none means any call is accepted. */
  readonly auth?: AuthOptions;
  readonly faults?: FaultOptions;
  /** The clock (an ISO instant): relative JQL dates and change times. The real clock by default. */
  readonly now?: () => string;
  /** The IANA zone absolute JQL dates are read in (the searching user's); America/Los_Angeles by default. */
  readonly timeZone?: string;
}

export interface JiraEmulator {
  /** `http://127.0.0.1:PORT`, the site's base URL. */
  readonly url: string;
  readonly site: Site;
  /** Stops listening and waits for pending webhook deliveries. */
  stop(): Promise<void>;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Applies a change as `POST /_emulator/changes` does, pushing its events. */
  apply(change: SiteChange): ChangeOutcome;
  setFaults(faults: FaultOptions): void;
}

type JiraRoute = (api: JiraApi, query: URLSearchParams, body: unknown, baseUrl: string, faults: FaultInjector) => Reply;

/** A call that never answers. */
const HANG = Symbol('hang');
type FaultedReply = (Reply & { readonly truncate?: boolean }) | typeof HANG;

const JIRA_ROUTES: Readonly<Record<string, Readonly<Record<string, JiraRoute>>>> = {
  '/rest/api/3/search/jql': {
    GET: (api, query, _body, base) => api.searchGet(query, base),
    POST: (api, _query, body, base) => api.searchPost(body, base),
  },
  '/rest/api/3/search/approximate-count': { POST: (api, _q, body) => api.approximateCount(body) },
  '/rest/api/3/issue/bulkfetch': { POST: (api, _q, body, base, faults) => api.bulkFetch(body, base, faults.nextBulkFetchFails()) },
  '/rest/api/3/field': { GET: (api) => api.fields() },
  '/rest/api/3/user/search': { GET: (api, query, _b, base) => api.userSearch(query, base) },
  '/rest/api/3/user': { GET: (api, query, _b, base) => api.user(query, base) },
  '/rest/api/3/user/bulk': { GET: (api, query, _b, base) => api.userBulk(query, base) },
  '/rest/api/3/project/search': { GET: (api, query, _b, base) => api.projectSearch(query, base) },
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts an emulator serving `options.site`; resolves once it listens. */
export async function startJiraEmulator(options: JiraEmulatorOptions): Promise<JiraEmulator> {
  const { site, auth } = options;
  const now = options.now ?? (() => new Date().toISOString());
  const stats = new StatsCounter();
  const faults = new FaultInjector(options.faults ?? {});
  const hub = new WebhookHub(stats);
  const api = new JiraApi(site, stats, now, zoneOffsetReader(options.timeZone ?? DEFAULT_SITE_TIME_ZONE));
  let requestIds = 1;
  let baseUrl = '';

  const apply = (change: SiteChange): ChangeOutcome => {
    const outcome = applySiteChange(site, change, now());
    if (outcome.kind === 'applied') hub.push(outcome.events);
    return outcome;
  };
  const snapshot = () => stats.snapshot(hub.pending);
  const admin = { site, faults, hub, stats: snapshot, resetStats: () => stats.reset(), apply };

  async function handle(req: IncomingMessage): Promise<FaultedReply> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', baseUrl);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const isJira = path.startsWith('/rest/');
    const bodyOutcome = method === 'GET' ? { kind: 'json' as const, value: undefined } : await readJsonBody(req);
    if (isJira) {
      stats.countRequest(`${method} ${path}`);
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    }
    const authState = checkAuth(req.headers.authorization, auth);
    if (authState !== 'ok') return unauthorized(authState);
    if (!isJira) {
      if (!path.startsWith('/_emulator/')) return jiraError(404, [`null for uri: ${url.href}`]);
      if (bodyOutcome.kind === 'invalid') return jiraError(400, [INVALID_PAYLOAD]);
      return routeAdmin(admin, method, path, bodyOutcome.value) ?? jiraError(404, [`null for uri: ${url.href}`]);
    }
    const fault = faults.next();
    if (fault.kind === 'rate-limit') {
      return jiraError(429, ['Rate limit exceeded.'], {}, { 'retry-after': String(fault.retryAfterSeconds), 'ratelimit-reason': 'jira-burst-based' });
    }
    if (fault.kind === 'server-error') return jiraError(500, ['Internal server error.']);
    if (fault.kind === 'hang') return HANG;
    const methods = JIRA_ROUTES[path];
    if (!methods) return jiraError(404, [`null for uri: ${url.href}`]);
    const route = methods[method];
    if (!route) return jiraError(405, [`Method ${method} is not allowed for ${path}.`], {}, { allow: Object.keys(methods).join(', ') });
    if (bodyOutcome.kind === 'invalid') return jiraError(400, [INVALID_PAYLOAD]);
    const reply = route(api, url.searchParams, bodyOutcome.value, baseUrl, faults);
    return fault.kind === 'truncate' && reply.status === 200 ? { ...reply, truncate: true } : reply;
  }

  function write(res: ServerResponse, reply: FaultedReply, counted: boolean): void {
    if (reply === HANG) {
      // Never answers: the request stays open until the client gives up (or the emulator stops).
      stats.hung++;
      return;
    }
    if (counted) stats.countStatus(reply.status);
    const headers: Record<string, string> = { 'x-arequestid': String(requestIds++), ...(reply.headers ?? {}) };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    const text = JSON.stringify(reply.body);
    const bytes = Buffer.from(text);
    res.writeHead(reply.status, { ...headers, 'content-type': 'application/json;charset=UTF-8', 'content-length': String(bytes.length) });
    if (reply.truncate) {
      stats.truncated++;
      // The declared length, half of it sent, then the connection drops.
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
      return;
    }
    res.end(bytes);
  }

  const server = createServer((req, res) => {
    const counted = (req.url ?? '').startsWith('/rest/');
    handle(req).then(
      (reply) => write(res, reply, counted),
      (error: unknown) => write(res, jiraError(500, [`Emulator error: ${(error as Error).message}`]), counted),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    site,
    stats: snapshot,
    resetStats: () => stats.reset(),
    apply,
    setFaults: (f) => faults.set(f),
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await hub.drain();
    },
  };
}
