/**
 * Used request ids are kept only as long as they can matter: a signed request older than the
 * signature window is refused for its timestamp whatever its id, so an id older than twice the
 * window (room for clock skew) can be forgotten. Called on a timer, this keeps
 * `bridge_requests` bounded by the traffic of the last ten minutes.
 */
import { SIGNATURE_WINDOW_MS } from '@okr-bridge/core';
import type { EventStore } from '../store/port';

/** How long a used request id is kept. */
export const REQUEST_ID_RETENTION_MS = 2 * SIGNATURE_WINDOW_MS;

/** Forgets the request ids accepted more than `REQUEST_ID_RETENTION_MS` before `nowMs`; returns how many. */
export function pruneUsedRequestIds(store: Pick<EventStore, 'pruneRequests'>, nowMs: number): Promise<number> {
  return store.pruneRequests(nowMs - REQUEST_ID_RETENTION_MS);
}
