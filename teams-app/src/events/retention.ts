/**
 * What the service keeps of the bridge's traffic, and for how long, so that its tables stay
 * bounded by recent traffic rather than growing with every change on the Jira site.
 *
 * - Used request ids matter only while a request could still be replayed: a signed request
 *   older than the signature window is refused for its timestamp whatever its id, so an id
 *   older than twice the window (room for clock skew) can be forgotten.
 * - Received events matter only while the Jira app may send the same event again (a retried
 *   delivery answers "duplicate" by comparing with the stored event). The app gives up on a
 *   delivery after a few attempts spread over about half an hour, so a week is a wide margin.
 *   The tab's version stamp is a counter of its own, so forgetting events never moves it back.
 */
import { SIGNATURE_WINDOW_MS } from '@okr-bridge/core';
import type { EventStore } from '../store/port';

/** How long a used request id is kept. */
export const REQUEST_ID_RETENTION_MS = 2 * SIGNATURE_WINDOW_MS;

/** How long a received event is kept. */
export const EVENT_RETENTION_MS = 7 * 24 * 3_600_000;

/** Forgets the request ids accepted more than `REQUEST_ID_RETENTION_MS` before `nowMs`; returns how many. */
export function pruneUsedRequestIds(store: Pick<EventStore, 'pruneRequests'>, nowMs: number): Promise<number> {
  return store.pruneRequests(nowMs - REQUEST_ID_RETENTION_MS);
}

/** Forgets the events received more than `EVENT_RETENTION_MS` before `nowMs`; returns how many. */
export function pruneOldEvents(store: Pick<EventStore, 'pruneEvents'>, nowMs: number): Promise<number> {
  return store.pruneEvents(nowMs - EVENT_RETENTION_MS);
}
