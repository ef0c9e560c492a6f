/**
 * A test double of the Forge app's web trigger: a node:http server on 127.0.0.1 that verifies
 * the bridge signature of every call (window, replay, secret), validates the body with the
 * shared contract and answers from `evaluateOrg` over an org and its issues (the Acme example
 * by default). Check-ins are applied to its in-memory org, so the next answer reflects them.
 * It can also sign and post bridge events to the Teams service, as the Forge app does.
 * For tests and local development of the bot and the tab; not the real Forge app.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  parseIssueSnapshot,
  parseOrg,
  signBridgeRequest,
  verifyBridgeRequest,
  webTriggerRequestSchema,
  type BridgeEvent,
  type IssueFacts,
  type Org,
  type WebTriggerRequest,
} from '@okr-bridge/core';
import { answerWebTrigger } from './answer';

export interface ForgeDoubleConnection {
  readonly id: string;
  readonly secret: string;
}

export interface ForgeDoubleOptions {
  readonly connections: readonly ForgeDoubleConnection[];
  /** Defaults to examples/acme.yaml. */
  readonly org?: Org;
  /** Defaults to examples/acme-issues.json. */
  readonly issues?: readonly IssueFacts[];
  /** The moment evaluated (ISO date or instant); 2026-11-15 by default. */
  readonly at?: string;
  /** The clock used to check signature windows; the real clock by default. */
  readonly nowMs?: () => number;
  readonly siteUrl?: string;
  readonly siteName?: string;
}

export interface ForgeDoubleCall {
  readonly connection: string;
  readonly request: WebTriggerRequest;
}

export interface ForgeDouble {
  /** The web trigger URL. */
  readonly url: string;
  /** Every accepted call, in order. */
  readonly calls: ForgeDoubleCall[];
  /** Every refused call with the reason, in order. */
  readonly refused: { status: number; reason: string }[];
  /** Where each connection asked events to go (set by the `connect` action). */
  readonly eventsUrls: Map<string, string>;
  org(): Org;
  /** Signs and posts an event to `eventsUrl` as the Forge app would. */
  sendEvent(eventsUrl: string, connection: ForgeDoubleConnection, event: BridgeEvent, nowMs?: number): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** Loads the Acme example org and issues from examples/. */
export function loadAcmeExample(): { org: Org; issues: IssueFacts[] } {
  const root = join(__dirname, '..', '..', 'examples');
  const org = parseOrg(readFileSync(join(root, 'acme.yaml'), 'utf8'), 'examples/acme.yaml');
  const issues = parseIssueSnapshot(JSON.parse(readFileSync(join(root, 'acme-issues.json'), 'utf8')), org.jira, 'examples/acme-issues.json');
  return { org, issues };
}

/** Starts the double on a free port of 127.0.0.1. */
export async function startForgeWebTriggerDouble(options: ForgeDoubleOptions): Promise<ForgeDouble> {
  const example = options.org && options.issues ? undefined : loadAcmeExample();
  let org = options.org ?? example!.org;
  const issues = options.issues ?? example!.issues;
  const at = options.at ?? '2026-11-15';
  const nowMs = options.nowMs ?? Date.now;
  const secrets = new Map(options.connections.map((c) => [c.id, c.secret]));
  const seen = new Set<string>();
  const calls: ForgeDoubleCall[] = [];
  const refused: { status: number; reason: string }[] = [];
  const eventsUrls = new Map<string, string>();
  const site = { siteUrl: options.siteUrl ?? 'https://acme.atlassian.net', siteName: options.siteName ?? 'Acme' };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'method', message: 'expected POST' } });
    const verdict = verifyBridgeRequest(req.headers, body, { nowMs: nowMs(), secretOf: (c) => secrets.get(c), seen: (c, id) => seen.has(`${c}\n${id}`) });
    if (verdict.kind === 'refused') {
      refused.push({ status: 401, reason: verdict.reason });
      return send(res, 401, { ok: false, error: { code: 'unauthorized', message: verdict.reason } });
    }
    seen.add(`${verdict.connection}\n${verdict.id}`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      refused.push({ status: 400, reason: 'expected a JSON body' });
      return send(res, 400, { ok: false, error: { code: 'bad-request', message: 'expected a JSON body' } });
    }
    const parsed = webTriggerRequestSchema.safeParse(json);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'bad request';
      refused.push({ status: 400, reason: message });
      return send(res, 400, { ok: false, error: { code: 'bad-request', message } });
    }
    calls.push({ connection: verdict.connection, request: parsed.data });
    if (parsed.data.action === 'connect') eventsUrls.set(verdict.connection, parsed.data.eventsUrl);
    const answer = answerWebTrigger({ org, issues, at, site }, parsed.data);
    if (answer.org) org = answer.org;
    send(res, 200, answer.response);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error: { code: 'internal', message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/x1/okr-webtrigger`,
    calls,
    refused,
    eventsUrls,
    org: () => org,
    async sendEvent(eventsUrl, connection, event, at = nowMs()) {
      const body = JSON.stringify(event);
      const headers = signBridgeRequest(connection.secret, { connection: connection.id, id: randomUUID(), nowMs: at, body });
      const response = await fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
