/**
 * When to retry a Jira request and how long to wait: pure functions over the retry policy,
 * the response headers and a random number, so the transport stays a thin loop and the
 * policy can be tested without a clock.
 */

export interface RetryPolicy {
  /** Retries after the first attempt; 5 means at most 6 attempts. */
  readonly maxRetries: number;
  /** The most time one request may spend waiting between attempts, in total. */
  readonly maxWaitMs: number;
  /** The first backoff step for 5xx, timeouts and network errors. */
  readonly baseDelayMs: number;
  /** No single backoff wait is longer than this (Retry-After is honoured even when longer). */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 5, maxWaitMs: 60_000, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Statuses worth another attempt: rate limiting and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * How long Jira asks us to wait, in ms, from `Retry-After` (delay in seconds or an HTTP
 * date) or else Jira's `X-RateLimit-Reset` (an ISO 8601 instant, or epoch seconds); null
 * when neither header says anything usable. A time already past means 0.
 */
export function readRetryAfterMs(headers: { get(name: string): string | null }, nowMs: number): number | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - nowMs);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset) {
    const at = /^\d+$/.test(reset) ? Number(reset) * 1000 : Date.parse(reset);
    if (Number.isFinite(at)) return Math.max(0, at - nowMs);
  }
  return null;
}

/**
 * The wait before retry number `retry` (1 for the first retry) with no hint from Jira:
 * exponential from `baseDelayMs`, capped at `maxDelayMs`, with "equal jitter" (half fixed,
 * half random) so that many clients do not retry in step yet each waits a useful time.
 */
export function computeBackoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/**
 * The wait honouring Jira's hint: never shorter than asked, plus up to 10% (at most 1 s)
 * of jitter so clients throttled together do not come back together.
 */
export function jitterRetryAfterMs(askedMs: number, random: () => number): number {
  return askedMs + Math.round(random() * Math.min(1000, askedMs * 0.1));
}

export type RetryDecision =
  | { readonly kind: 'wait'; readonly waitMs: number }
  | { readonly kind: 'give-up'; readonly bound: 'count' | 'time' | 'deadline'; readonly reason: string };

/**
 * Whether to try again after `attempts` attempts that have already waited `waitedMs`,
 * given the wait the next retry needs. Gives up past the count, past the time budget, or when
 * the wait would end after the caller's deadline (`remainingMs` left of the invocation), without
 * sleeping first: a wait that would overrun a budget is not worth starting.
 */
export function decideRetry(attempts: number, waitedMs: number, waitMs: number, policy: RetryPolicy, remainingMs?: number): RetryDecision {
  if (attempts > policy.maxRetries) return { kind: 'give-up', bound: 'count', reason: `retry limit of ${policy.maxRetries} reached` };
  if (waitedMs + waitMs > policy.maxWaitMs) {
    return {
      kind: 'give-up',
      bound: 'time',
      reason: `the next wait of ${formatSeconds(waitMs)} would pass the ${formatSeconds(policy.maxWaitMs)} retry budget, ${formatSeconds(waitedMs)} already waited`,
    };
  }
  if (remainingMs !== undefined && waitMs >= remainingMs) {
    return { kind: 'give-up', bound: 'deadline', reason: `the next wait of ${formatSeconds(waitMs)} would pass the deadline, ${formatSeconds(Math.max(0, remainingMs))} left` };
  }
  return { kind: 'wait', waitMs };
}

/** `2000` → `2 s`, `1500` → `1.5 s`, `250` → `0.25 s`. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
