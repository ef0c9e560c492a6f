/**
 * What to do after a failed send, and when to try again. Teams asks bots to retry 429, 412,
 * 502 and 504 with exponential backoff and to honour Retry-After; a 403 whose error says
 * MessageWritesBlocked means the bot was removed or blocked there, so sending stops.
 */

/** A failed connector call as the sender reports it (status null: no answer at all). */
export interface SendFailure {
  readonly kind: 'failed';
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  /** The error code(s) found in the body, e.g. MessageWritesBlocked. */
  readonly code: string | null;
  readonly message: string;
}

export type FailureAction = { readonly kind: 'retry' } | { readonly kind: 'uninstalled' } | { readonly kind: 'give-up' };

/**
 * Whether an update failed because its card is gone: Teams answers 404 for an activity it
 * does not have (deleted, or an id it never gave), and 403 with a not-found code for one it
 * will no longer let the bot edit. Such a card is posted again as a new one.
 */
export function isGoneCard(failure: SendFailure): boolean {
  if (failure.status === 404) return true;
  return failure.status === 403 && failure.code !== null && /notfound/i.test(failure.code) && !BLOCKED_CODES.some((c) => failure.code!.includes(c));
}

const RETRIED = new Set([408, 412, 429, 500, 502, 503, 504]);
const BLOCKED_CODES = ['MessageWritesBlocked', 'ConversationBlockedByUser'];

/** Classifies a failure: retry it, stop sending to the conversation, or give up on the entry. */
export function classifyFailure(failure: SendFailure): FailureAction {
  if (failure.status === null || RETRIED.has(failure.status)) return { kind: 'retry' };
  if (failure.status === 403 && failure.code !== null && BLOCKED_CODES.some((c) => failure.code!.includes(c))) return { kind: 'uninstalled' };
  // 401: the token may have just expired; the next attempt gets a fresh one.
  if (failure.status === 401) return { kind: 'retry' };
  return { kind: 'give-up' };
}

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * The delay before attempt `attempts + 1`: at least Retry-After when given (plus up to 10%,
 * at most 1 s, of jitter so that throttled senders do not return in step), else exponential
 * with equal jitter: half the step fixed, half random. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, retryAfterMs: number | null, random: number): number {
  if (retryAfterMs !== null) return Math.round(retryAfterMs + random * Math.min(1_000, retryAfterMs * 0.1));
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (random * step) / 2);
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
