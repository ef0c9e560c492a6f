/**
 * The web trigger the Teams service calls. Every request must carry a valid bridge signature
 * (HMAC of the body with the connection's secret, a timestamp within 5 minutes, a request id
 * not seen before); a pending connection (a one-time code not used yet, not expired) may only
 * `connect`, once; a connected one only while it is the site's current connection (an older,
 * replaced one is refused). Anything else is 401 (not authenticated) or 400 (not a valid
 * request) and changes nothing. The request id is claimed atomically just before acting, so two
 * identical requests arriving together apply once; it stays used if the action then fails (the
 * Teams side signs every call with a new id).
 */
import { BRIDGE_HEADERS, headerOf, verifyBridgeRequest, webTriggerRequestSchema } from '@okr-bridge/core';
import { createKvsBridgeStore } from '../adapters/kvs-bridge-store';
import type { AppDeps } from '../app/deps';
import { toResolverError } from '../app/failure';
import { openSession } from '../app/session';
import { BridgeRefusal, runAction } from './actions';

/** The request Forge passes a web trigger function (headers as lists of values). */
export interface WebTriggerRequestEvent {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, readonly string[] | string | undefined>>;
  readonly body?: string;
}

export interface WebTriggerResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string[]>;
  readonly body: string;
}

function answer(statusCode: number, payload: unknown): WebTriggerResponse {
  return { statusCode, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(payload) };
}

const refuse = (statusCode: number, code: string, message: string) => answer(statusCode, { ok: false, error: { code, message } });

const STATUS_OF: Record<string, number> = { 'not-found': 404, 'invalid-payload': 400, 'invalid-org': 400, 'not-configured': 409, conflict: 409, forbidden: 403 };

/** Handles one web trigger call. */
export async function handleWebTrigger(deps: AppDeps, request: WebTriggerRequestEvent): Promise<WebTriggerResponse> {
  const headers = request.headers ?? {};
  const body = request.body ?? '';
  if ((request.method ?? 'POST').toUpperCase() !== 'POST') return refuse(400, 'bad-request', 'expected POST');
  const store = createKvsBridgeStore(deps.kvs);
  const connectionId = headerOf(headers, BRIDGE_HEADERS.connection);
  const requestId = headerOf(headers, BRIDGE_HEADERS.id);
  if (!connectionId || !requestId || connectionId.length > 200 || requestId.length > 200) return refuse(401, 'unauthorized', `expected the headers ${Object.values(BRIDGE_HEADERS).join(', ')}`);
  const nowMs = deps.clock();
  const connection = await store.loadConnection(connectionId);
  const usable = connection && (connection.state === 'connected' || (connection.expiresAt !== null && Date.parse(connection.expiresAt) > nowMs));
  const seen = usable ? await store.wasSeen(connectionId, requestId) : false;
  const verdict = verifyBridgeRequest(headers, body, { nowMs, secretOf: () => (usable ? connection.secret : undefined), seen: () => seen });
  if (verdict.kind !== 'ok') return refuse(401, 'unauthorized', verdict.reason);

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return refuse(400, 'bad-request', 'expected a JSON body');
  }
  const parsed = webTriggerRequestSchema.safeParse(json);
  if (!parsed.success) return refuse(400, 'bad-request', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  const pending = connection!.state === 'pending';
  if (pending !== (parsed.data.action === 'connect')) {
    return refuse(401, 'unauthorized', pending ? 'this connection is not completed yet: send connect first' : 'this connection is already completed; create a new code to connect again');
  }
  const session = openSession(deps);
  if (!pending) {
    const teams = (await session.repo.loadSite())?.teams;
    if (teams?.status !== 'connected' || teams.connection !== connectionId) return refuse(401, 'unauthorized', 'this connection was replaced or disconnected; connect again with a new code');
  }
  if (!(await store.claim(connectionId, requestId))) return refuse(401, 'unauthorized', 'replayed request id');
  try {
    const data = await runAction(deps, session, parsed.data, connectionId);
    return answer(200, { ok: true, data });
  } catch (e) {
    if (e instanceof BridgeRefusal) return refuse(403, e.code, e.message);
    const error = toResolverError(e, deps.log);
    return answer(STATUS_OF[error.code] ?? 500, { ok: false, error: { code: error.code, message: error.message } });
  }
}
