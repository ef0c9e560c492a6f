/** What the tab API needs from the rest of the service, and the one check every request passes. */
import type { IncomingMessage } from 'node:http';
import type { WebTriggerRequest } from '@okr-bridge/core';
import { readBearerToken } from '../auth/bearer';
import type { TabIdentity, VerifyToken } from '../auth/types';
import type { ForgeClient, ForgeConnection } from '../forge/forge-client';
import type { AgendaRequest } from '../store/port';
import type { ReviewStore } from '../store/review-store';

/** A tenant's connection to a Jira site, as the main store keeps it (site fields when known). */
export interface TabConnection extends ForgeConnection {
  readonly siteUrl?: string;
  readonly siteName?: string;
}

export interface TabRoutesDeps {
  readonly verifyToken: VerifyToken;
  /** The connection of a tenant, or null/undefined when the tenant has connected no Jira site. */
  connectionFor(tenantId: string): TabConnection | null | undefined | Promise<TabConnection | null | undefined>;
  forge(connection: TabConnection): Pick<ForgeClient, 'call'>;
  readonly reviewStore: ReviewStore;
  /** What people added to a review agenda from Teams (the main store's agenda requests), oldest first. */
  agendaRequests(tenantId: string, scope: string): Promise<readonly AgendaRequest[]>;
  /** The version of what the Jira site sent this connection (the main store's events version). */
  eventsVersion(connectionId: string): Promise<string | null>;
  /** How many agenda requests the tenant has (the main store's count; it only grows). */
  agendaRequestCount(tenantId: string): Promise<number>;
  nowMs(): number;
}

/** An authenticated request: who asks, and the one site they may see. */
export interface TabCaller {
  readonly identity: TabIdentity;
  readonly connection: TabConnection;
  /** The review store space: this tenant's connection. */
  readonly space: string;
  readonly call: ForgeClient['call'];
  /** The agenda requests of the caller's own tenant. */
  agendaRequests(scope: string): Promise<readonly AgendaRequest[]>;
  /**
   * The version of what the caller's views show: what the Jira site sent the connection, the
   * review records of the space and the tenant's agenda requests (three reads by key). It
   * moves when any of them does, so an open tab loads again when the site changes or when
   * someone else records a decision or asks for an item.
   */
  version(): Promise<string>;
}

export type GateResult = { readonly kind: 'ok'; readonly caller: TabCaller } | { readonly kind: 'refused'; readonly status: 401 | 503; readonly message: string };

/** Checks the bearer token and finds the caller's tenant's connection; refuses 401 otherwise. */
export async function authenticate(req: IncomingMessage, deps: TabRoutesDeps): Promise<GateResult> {
  const token = readBearerToken(req.headers.authorization);
  if (token === null) return { kind: 'refused', status: 401, message: 'expected an Authorization: Bearer header with the Teams SSO token' };
  const verdict = await deps.verifyToken(token);
  if (verdict.kind === 'unavailable') return { kind: 'refused', status: 503, message: verdict.reason };
  if (verdict.kind === 'refused') return { kind: 'refused', status: 401, message: verdict.reason };
  const { identity } = verdict;
  const connection = await deps.connectionFor(identity.tenantId);
  if (!connection) {
    return {
      kind: 'refused',
      status: 401,
      message: `tenant ${identity.tenantId} is not connected to a Jira site; an admin connects it with the code from OKR settings in Jira`,
    };
  }
  const client = deps.forge(connection);
  const space = `${identity.tenantId}/${connection.id}`;
  return {
    kind: 'ok',
    caller: {
      identity,
      connection,
      space,
      call: <R extends WebTriggerRequest>(request: R) => client.call(request),
      agendaRequests: (scope) => deps.agendaRequests(identity.tenantId, scope),
      version: async () => {
        const [events, reviews, requests] = await Promise.all([deps.eventsVersion(connection.id), deps.reviewStore.changesOf(space), deps.agendaRequestCount(identity.tenantId)]);
        return `${events ?? 0}.${reviews}.${requests}`;
      },
    },
  };
}
