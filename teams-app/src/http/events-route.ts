/**
 * `POST /api/events`: the Forge app's signed events. Verifies the signature (connection
 * secret, five-minute window), validates the body, and stores the event with its outbox
 * entries in one transaction. A repeated event id answers 200 and does nothing, and so does a
 * retry under an already accepted request id when it carries the very event stored then (the
 * Forge consumer signs every attempt with the event id as request id, and a retry after a
 * lost answer must not read as a failure). A used request id with any other body is a replay
 * and answers 401. A refused or invalid request stores nothing.
 */
import { BRIDGE_HEADERS, bridgeEventSchema, headerOf, indexPeople, verifyBridgeRequest } from '@okr-bridge/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MentionablePerson } from '../cards/mentions';
import { knownOwners } from '../events/known-owners';
import { alertDepartments, classifyEvent, dependencySubject, planAlertEntries } from '../events/plan-alerts';
import type { TeamsStore } from '../store/port';
import { BodyTooLarge, readBody, sendJson } from './io';

export interface EventsRouteDeps {
  readonly store: TeamsStore;
  readonly nowMs: () => number;
  /** Called after new outbox entries are stored (wakes the delivery worker). */
  readonly onEntries?: () => void;
}

export interface RouteAnswer {
  readonly status: number;
  readonly body: unknown;
}

const DUPLICATE: RouteAnswer = { status: 200, body: { outcome: 'duplicate', entries: 0 } };

type Headers = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Answers one request to /api/events: reads its body (bounded) and hands it to `handleEvent`. */
export async function handleEventsRequest(deps: EventsRouteDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: error.message });
    throw error;
  }
  const answer = await handleEvent(deps, req.method ?? '', req.headers, body);
  sendJson(res, answer.status, answer.body);
}

/** Handles one request to /api/events, its body read. */
export async function handleEvent(deps: EventsRouteDeps, method: string, headers: Headers, body: string): Promise<RouteAnswer> {
  if (method !== 'POST') return { status: 405, body: { error: 'expected POST' } };
  const { store } = deps;
  const connectionId = headerOf(headers, BRIDGE_HEADERS.connection);
  const requestId = headerOf(headers, BRIDGE_HEADERS.id);
  const connection = connectionId ? await store.connectionById(connectionId) : undefined;
  const seen = connectionId && requestId ? await store.hasRequest(connectionId, requestId) : false;
  const verdict = verifyBridgeRequest(headers, body, {
    nowMs: deps.nowMs(),
    secretOf: (c) => (connection && c === connection.id ? connection.secret : undefined),
    // A used request id is judged below, once the body is known: a retry of the same event is fine.
    seen: () => false,
  });
  if (verdict.kind === 'refused') return { status: 401, body: { error: verdict.reason } };
  if (!connection) return { status: 401, body: { error: 'unknown connection' } };

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { status: 400, body: { error: 'expected a JSON body' } };
  }
  const parsed = bridgeEventSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return { status: 400, body: { error: `expected a bridge event: ${issues.join('; ')}` } };
  }
  const event = parsed.data;
  if (seen) {
    const stored = await store.getEvent(event.id, connection.id);
    const same = stored !== undefined && JSON.stringify(stored.body) === JSON.stringify(event);
    return same ? DUPLICATE : { status: 401, body: { error: 'replayed request id' } };
  }
  const tenantId = connection.tenantId;
  const plan = classifyEvent(event);
  let followers: string[] = [];
  let withCard: string[] = [];
  let owners = new Map<string, MentionablePerson[]>();
  if (event.type === 'dependency.changed' && plan.kind === 'alert') {
    followers = await store.followersOf(tenantId, alertDepartments(event.dependency));
    owners = await knownOwners(store, followers, event.dependency, indexPeople(event.people));
  }
  if (event.type === 'dependency.changed' && plan.kind === 'resolve') withCard = await store.conversationsWithCard(tenantId, dependencySubject(event.dependency.id));
  const now = deps.nowMs();
  const entries = planAlertEntries(event, tenantId, { followers, withCard, owners }, now);
  const outcome = await store.ingestEvent(
    { connectionId: connection.id, requestId: verdict.id },
    { id: event.id, connectionId: connection.id, type: event.type, body: event, receivedAt: now },
    entries,
  );
  if (outcome === 'duplicate') return DUPLICATE;
  if (entries.length) deps.onEntries?.();
  return { status: 200, body: { outcome: 'stored', entries: entries.length } };
}
