/**
 * The Forge app's own web trigger (`handleWebTrigger`) served over HTTP on 127.0.0.1, over the
 * KVS double, with the Acme demo stored as an import and a full reconcile would store it. Every
 * rule (signature window, replayed ids, pending and replaced connections, the check-in's owner
 * check, the answers' contract) is the product's: this module only carries HTTP to the handler
 * the way Forge does (method, headers as lists, body text) and its answer back. A connection is
 * made as in Jira: an admin creates a one-time code in OKR settings (`createCode`), and the
 * Teams side sends `connect` signed with its secret. It can also sign and post bridge events to
 * the Teams service, as the app's deliveries do. For tests and local runs of the bot and the tab.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BRIDGE_HEADERS, decodeConnectionCode, signBridgeRequest, webTriggerRequestSchema, type BridgeEvent, type IssueFacts, type Org, type WebTriggerRequest } from '@okr-bridge/core';
import { createResolverHandlers, createTestDeps, handleWebTrigger, KvsDouble, loadAcme, permissionsOnlyJira, seedAcme, type TestDeps } from '@okr-bridge/jira-app/testing';

export interface WebTriggerOptions {
  /** The app's clock: signature windows, code expiry and the moment views are evaluated at. The real clock by default. */
  readonly clock?: () => number;
  /** The org stored; examples/acme.yaml by default. */
  readonly org?: Org;
  /** The Jira issues its metrics are reconciled from; examples/acme-issues.json by default. */
  readonly issues?: readonly IssueFacts[];
  /** The Jira admin who creates connection codes. */
  readonly admin?: string;
}

/** A request the app authenticated and parsed, with the status it answered. */
export interface WebTriggerCall {
  readonly connection: string;
  readonly request: WebTriggerRequest;
  readonly status: number;
}

export interface ConnectionCode {
  /** The one-time code an admin copies from OKR settings in Jira. */
  readonly code: string;
  readonly id: string;
  readonly secret: string;
}

export interface RunningWebTrigger {
  /** The web trigger URL (the one `webTrigger.getUrl` answers the app, and codes carry). */
  readonly url: string;
  /** The app's dependencies: its KVS double, clock and the events it queued. */
  readonly deps: TestDeps;
  /** Every call that passed the signature check and parsed, in order (whatever the app then answered). */
  readonly calls: WebTriggerCall[];
  /** Every call refused before acting (401, 400), with the app's message. */
  readonly refused: { status: number; reason: string }[];
  /** Creates a connection code as the Jira admin does in OKR settings (pending until the Teams side connects). */
  createCode(): Promise<ConnectionCode>;
  /**
   * Makes a connection the way an admin and the Teams service do: a code from OKR settings, then
   * `connect` signed with its secret. Answers what the Teams service keeps of it.
   */
  connectTeams(eventsUrl: string, tenantId: string): Promise<{ id: string; secret: string; url: string; siteUrl: string; siteName: string }>;
  /** What "Link Microsoft Teams" on a Jira OKR page does for the signed-in `accountId`: a one-time link code (`7K2QF-M9XWD`). */
  createLinkCode(accountId: string): Promise<string>;
  /** Signs and posts an event to `eventsUrl` with the connection's secret, as the app's deliveries do. */
  sendEvent(eventsUrl: string, connection: { readonly id: string; readonly secret: string }, event: BridgeEvent, nowMs?: number): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** Loads the Acme example org and issues from examples/. */
export function loadAcmeExample(): { org: Org; issues: IssueFacts[] } {
  const { org, issues } = loadAcme();
  return { org, issues };
}

const headerLists = (req: IncomingMessage): Record<string, string[]> =>
  Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v : [v]]])));

/** Starts the app's web trigger on a free port of 127.0.0.1. */
export async function startWebTrigger(options: WebTriggerOptions = {}): Promise<RunningWebTrigger> {
  const clock = options.clock ?? Date.now;
  const admin = options.admin ?? 'jira-admin@acme.example';
  let url = '';
  const base = createTestDeps({ asUser: permissionsOnlyJira(true), kvs: new KvsDouble({ clock }) });
  const deps: TestDeps = Object.assign(base, {
    clock,
    ids: { id: () => randomUUID(), secret: () => randomBytes(32).toString('base64url') },
    webTriggerUrl: async () => url,
  });
  await seedAcme(deps, options.org && options.issues ? { org: options.org, issues: [...options.issues] } : {});
  const calls: WebTriggerCall[] = [];
  const refused: { status: number; reason: string }[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = headerLists(req);
    const answer = await handleWebTrigger(deps, { method: req.method ?? 'GET', headers, body });
    const payload = JSON.parse(answer.body) as { ok: boolean; error?: { message: string } };
    let parsed: ReturnType<typeof webTriggerRequestSchema.safeParse> | undefined;
    try {
      parsed = webTriggerRequestSchema.safeParse(JSON.parse(body));
    } catch {
      parsed = undefined;
    }
    // The app parses only what passed the signature check, so a 401 or an unparsable body acted on nothing.
    if (answer.statusCode !== 401 && parsed?.success) calls.push({ connection: headers[BRIDGE_HEADERS.connection]?.[0] ?? '', request: parsed.data, status: answer.statusCode });
    else refused.push({ status: answer.statusCode, reason: payload.error?.message ?? '' });
    res.writeHead(answer.statusCode, Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k, v.join(', ')]))).end(answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: { code: 'internal', message: String(error) } })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x1/webtrigger/teams-webtrigger`;

  const createCode = async (): Promise<ConnectionCode> => {
    const made = await createResolverHandlers(deps).createConnectionCode({ payload: {}, context: { accountId: admin } });
    if (!made.ok) throw new Error(`creating a connection code failed: ${made.error.message}`);
    const decoded = decodeConnectionCode(made.data.code, clock());
    if (decoded.kind !== 'ok') throw new Error(decoded.message);
    return { code: made.data.code, id: decoded.payload.connection, secret: decoded.payload.secret };
  };

  return {
    url,
    deps,
    calls,
    refused,
    createCode,
    async connectTeams(eventsUrl, tenantId) {
      const { id, secret } = await createCode();
      const body = JSON.stringify({ action: 'connect', eventsUrl, tenantId });
      const headers = signBridgeRequest(secret, { connection: id, id: randomUUID(), nowMs: clock(), body });
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const answer = (await res.json()) as { ok: boolean; data?: { siteUrl: string; siteName: string }; error?: { message: string } };
      if (!answer.ok || !answer.data) throw new Error(`connect answered ${res.status}: ${answer.error?.message ?? ''}`);
      return { id, secret, url, ...answer.data };
    },
    async createLinkCode(accountId) {
      const made = await createResolverHandlers(deps).createTeamsLinkCode({ payload: {}, context: { accountId } });
      if (!made.ok) throw new Error(`creating a link code failed: ${made.error.message}`);
      return made.data.code;
    },
    async sendEvent(eventsUrl, connection, event, at = clock()) {
      const body = JSON.stringify(event);
      const headers = signBridgeRequest(connection.secret, { connection: connection.id, id: randomUUID(), nowMs: at, body });
      const response = await fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
