/**
 * What the outbox records after a send: the activity id and the sent state; or, for a
 * failure, a later attempt (after Retry-After or a jittered backoff), the conversation marked
 * uninstalled (403 MessageWritesBlocked), a new card in place of one that can no longer be
 * updated (404, 403 not-found), or giving up (permanent errors, too many attempts).
 */
import type { OutboxEntry, OutboxKey, TeamsStore } from '../store/port';
import { classifyFailure, isGoneCard, retryDelayMs } from './failure';
import type { SendOutcome } from './sender';

export interface OutcomeInput {
  readonly store: TeamsStore;
  readonly entry: OutboxEntry;
  readonly outcome: SendOutcome;
  readonly targetActivityId: string | null;
  readonly nowMs: number;
  /** In [0, 1), for the backoff jitter. */
  readonly random: number;
  readonly maxAttempts: number;
  readonly log: (line: string) => void;
}

/** Records one send's outcome; returns until when the conversation must be held (a 429), or null. */
export async function recordOutcome(input: OutcomeInput): Promise<number | null> {
  const { store, entry, outcome, nowMs, log } = input;
  const key: OutboxKey = { eventId: entry.eventId, conversationId: entry.conversationId };
  if (outcome.kind === 'sent') {
    await store.markSent(key, outcome.activityId || (input.targetActivityId ?? ''), nowMs);
    return null;
  }
  if (entry.kind === 'update' && isGoneCard(outcome)) {
    log(`outbox: the card ${input.targetActivityId ?? '?'} in ${entry.conversationId} can no longer be updated (${outcome.status}); posting ${entry.eventId} as a new card`);
    await store.reschedule(key, nowMs, null, 'send');
    return null;
  }
  const action = classifyFailure(outcome);
  if (action.kind === 'uninstalled') {
    log(`outbox: conversation ${entry.conversationId} blocks the bot (${outcome.code}); marked uninstalled`);
    await store.markUninstalled(entry.conversationId, nowMs);
    await store.drop(key, outcome.message);
    return null;
  }
  if (action.kind === 'give-up' || entry.attempts + 1 >= input.maxAttempts) {
    log(`outbox: gave up on ${entry.eventId} → ${entry.conversationId}: ${outcome.message}`);
    await store.drop(key, outcome.message);
    return null;
  }
  await store.reschedule(key, nowMs + retryDelayMs(entry.attempts + 1, outcome.retryAfterMs, input.random), outcome.message);
  return outcome.status === 429 && outcome.retryAfterMs !== null ? nowMs + outcome.retryAfterMs : null;
}
