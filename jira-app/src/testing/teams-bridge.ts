/**
 * The Teams side of the web trigger for tests: an admin makes a connection code in the
 * settings page, the Teams service completes it, then signs every call with its secret.
 */
import { decodeConnectionCode, signBridgeRequest } from '@okr-bridge/core';
import { createResolverHandlers } from '../resolvers';
import { handleWebTrigger, type WebTriggerRequestEvent } from '../webtrigger/web-trigger';
import type { TestDeps } from './test-deps';

export interface TeamsConnection {
  readonly connection: string;
  readonly secret: string;
}

/** A web trigger request signed with the connection's secret at the deps' clock. */
export function signedRequest(deps: TestDeps, code: TeamsConnection, body: unknown, id: string): WebTriggerRequestEvent {
  const text = JSON.stringify(body);
  const headers = signBridgeRequest(code.secret, { connection: code.connection, id, nowMs: deps.now, body: text });
  return { method: 'POST', headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), body: text };
}

/** Connects the Teams service of `tenantId` as `admin` (whom Jira must confirm an admin) and answers the connection's secret. */
export async function connectTeams(deps: TestDeps, admin: string, requestId = 'r-connect', tenantId = 't1'): Promise<TeamsConnection> {
  const made = await createResolverHandlers(deps).createConnectionCode({ payload: {}, context: { accountId: admin } });
  if (!made.ok) throw new Error(made.error.message);
  const decoded = decodeConnectionCode(made.data.code, deps.now);
  if (decoded.kind !== 'ok') throw new Error(decoded.message);
  const answer = await handleWebTrigger(deps, signedRequest(deps, decoded.payload, { action: 'connect', eventsUrl: 'https://teams.example/api/events', tenantId }, requestId));
  if (answer.statusCode !== 200) throw new Error(`connect answered ${answer.statusCode}: ${answer.body}`);
  return decoded.payload;
}
