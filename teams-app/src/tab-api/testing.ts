/**
 * The tab API on a real HTTP server on 127.0.0.1 for tests: the routes, a local Entra ID
 * (JWKS + token signer), and one Jira app per connected tenant: the app's own web trigger over
 * its KVS double, connected with a code from OKR settings, its clock (and the signatures of the
 * calls to it) at 2026-11-15 09:00 UTC so the views it answers are those of that day. Tenant A
 * (Acme's site) and tenant B (a second site) are connected; tenant C is not. Dev tokens are
 * accepted for tenant A when `devTokens` is set, as in the service's local dev mode. The
 * review records and agenda requests live in one in-memory SQLite database, migrated like the
 * service's. `/api/events` takes the Jira sites' signed events as the service does, so a test
 * can push a change (`pushEvent`) and watch open views follow it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAcmeExample, startWebTrigger, type RunningWebTrigger } from '../../../dev/forge-webtrigger';
import { withDevTokens } from '../auth/dev-token';
import { createEntraTokenVerifier } from '../auth/entra-token';
import { startLocalEntra, type LocalEntra, type LocalTokenOptions } from '../auth/testing';
import { createForgeClient } from '../forge/forge-client';
import { openStorage } from '../storage';
import type { TeamsStore } from '../store/port';
import type { TabConnection } from './deps';
import type { ReviewStore } from '../store/review-store';
import { createTabRoutes } from '../http/tab-routes';
import { handleEventsRequest } from '../http/events-route';
import type { BridgeEvent, WebTriggerRequest } from '@okr-bridge/core';
import type { ForgeOutcome } from '../forge/forge-client';

export const TENANTS = {
  a: '11111111-aaaa-4aaa-8aaa-000000000001',
  b: '22222222-bbbb-4bbb-8bbb-000000000002',
  c: '33333333-cccc-4ccc-8ccc-000000000003',
} as const;
export const SSO = { appId: '66666666-7777-8888-9999-000000000000', domain: '127.0.0.1' } as const;
/** The moment the Jira apps of the stack live at (their views are those of that day). */
export const JIRA_APP_MOMENT = Date.parse('2026-11-15T09:00:00Z');
export const SSO_AUDIENCE = `api://${SSO.domain}/${SSO.appId}`;

export interface TabApiStack {
  readonly url: string;
  readonly entra: LocalEntra;
  readonly doubles: { readonly a: RunningWebTrigger; readonly b: RunningWebTrigger };
  readonly store: ReviewStore;
  /** Where each connected tenant's review records live: `<tenant>/<connection id>`. */
  readonly spaces: { readonly a: string; readonly b: string };
  /** The main store (agenda requests added from Teams land here). */
  readonly teamsStore: TeamsStore;
  /** Calls a tenant's Jira app as the service does (a check-in changes its data). */
  callSite<R extends WebTriggerRequest>(tenant: 'a' | 'b', request: R): Promise<ForgeOutcome<R['action']>>;
  /**
   * Delivers the events a tenant's Jira app queued since the last delivery to `/api/events`,
   * signed, as the app's queue consumer does; answers them in order.
   */
  deliverQueued(tenant: 'a' | 'b'): Promise<BridgeEvent[]>;
  /** Signs and posts an event of a tenant's site to `/api/events`, as the Forge app does. */
  pushEvent(tenant: 'a' | 'b', event: BridgeEvent): Promise<{ status: number; body: unknown }>;
  /** A valid SSO token of a tenant, with overrides for the failure cases. */
  token(tenant: keyof typeof TENANTS, overrides?: Partial<LocalTokenOptions>): Promise<string>;
  close(): Promise<void>;
}

/** Starts the stack; `extra` answers whatever the tab routes do not (static files in the browser test). */
export async function startTabApiStack(options: { devTokens?: boolean; store?: ReviewStore; nowMs?: () => number; extra?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean> } = {}): Promise<TabApiStack> {
  const nowMs = options.nowMs ?? Date.now;
  const forgeNowMs = () => JIRA_APP_MOMENT;
  const acme = loadAcmeExample();
  const globex = { ...acme.org, company: { ...acme.org.company, name: 'Globex' }, jira: { ...acme.org.jira, baseUrl: 'https://globex.atlassian.net' } };
  const a = await startWebTrigger({ clock: forgeNowMs });
  const b = await startWebTrigger({ clock: forgeNowMs, org: globex, issues: acme.issues });
  const [connA, connB] = await Promise.all([a.connectTeams('https://127.0.0.1:1/api/events', TENANTS.a), b.connectTeams('https://127.0.0.1:1/api/events', TENANTS.b)]);
  const entra = await startLocalEntra(nowMs);
  const connections = new Map<string, TabConnection>([
    [TENANTS.a, { id: connA.id, url: a.url, secret: connA.secret, siteUrl: connA.siteUrl, siteName: connA.siteName }],
    [TENANTS.b, { id: connB.id, url: b.url, secret: connB.secret, siteUrl: connB.siteUrl, siteName: connB.siteName }],
  ]);
  const sso = createEntraTokenVerifier({ ...SSO, jwksUrl: entra.jwksUrl, nowMs });
  const storage = await openStorage({ sqlitePath: ':memory:' }, nowMs());
  const store = options.store ?? storage.reviewStore;
  for (const [tenantId, c] of connections) {
    await storage.store.saveConnection({ id: c.id, tenantId, url: c.url, secret: c.secret, siteUrl: c.siteUrl ?? '', siteName: c.siteName ?? '', createdAt: nowMs() });
  }
  const routes = createTabRoutes({
    verifyToken: withDevTokens(sso, options.devTokens ? { kind: 'on', tenantId: TENANTS.a } : { kind: 'off' }),
    connectionFor: async (tenantId) => connections.get(tenantId) ?? null,
    forge: (connection) => createForgeClient(connection, { nowMs: forgeNowMs, newId: randomUUID }),
    reviewStore: store,
    agendaRequests: (tenantId, scope) => storage.store.agendaRequests(tenantId, scope),
    eventsVersion: (connectionId) => storage.store.eventsVersion(connectionId),
    agendaRequestCount: (tenantId) => storage.store.agendaRequestCount(tenantId),
    nowMs,
  });
  const server = createServer((req, res) => {
    const answer = async () => {
      if (await routes(req, res)) return;
      if (req.url === '/api/events') return handleEventsRequest({ store: storage.store, nowMs }, req, res);
      if (options.extra && (await options.extra(req, res))) return;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    };
    answer().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const pushEvent = (tenant: 'a' | 'b', event: BridgeEvent) => {
    const c = connections.get(TENANTS[tenant])!;
    return (tenant === 'a' ? a : b).sendEvent(`http://127.0.0.1:${port}/api/events`, { id: c.id, secret: c.secret }, event, nowMs());
  };
  return {
    url: `http://127.0.0.1:${port}`,
    entra,
    doubles: { a, b },
    spaces: { a: `${TENANTS.a}/${connA.id}`, b: `${TENANTS.b}/${connB.id}` },
    store,
    teamsStore: storage.store,
    callSite: (tenant, request) => createForgeClient(connections.get(TENANTS[tenant])!, { nowMs: forgeNowMs, newId: randomUUID }).call(request),
    pushEvent,
    deliverQueued: async (tenant) => {
      const queued = (tenant === 'a' ? a : b).deps.queued;
      const events = queued.splice(0, queued.length).map((q) => (q.body as { event: BridgeEvent }).event);
      for (const event of events) {
        const answer = await pushEvent(tenant, event);
        if (answer.status !== 200) throw new Error(`expected /api/events to take ${event.type} ${event.id}, got ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      return events;
    },
    token: (tenant, overrides = {}) => entra.sign({ tenantId: TENANTS[tenant], audience: SSO_AUDIENCE, ...overrides }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([a.close(), b.close(), entra.close()]);
      await storage.close();
    },
  };
}
