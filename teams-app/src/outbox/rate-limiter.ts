/**
 * A sliding-window limiter over any number of keys, each with several windows (Teams limits a
 * bot per conversation to 7 per second, 60 per 30 s and 1,800 per hour, and per tenant to 30
 * requests per second). It keeps the times of the requests it allowed, so a window never holds
 * more than its limit, whatever the bursts. The clock is an argument: nothing here reads time.
 */

export interface WindowLimit {
  readonly count: number;
  readonly windowMs: number;
}

/** Teams' published limits for proactive messages of one bot. */
export const TEAMS_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { count: 7, windowMs: 1_000 },
  { count: 60, windowMs: 30_000 },
  { count: 1_800, windowMs: 3_600_000 },
];
export const TEAMS_TENANT_LIMITS: readonly WindowLimit[] = [{ count: 30, windowMs: 1_000 }];

/**
 * Widens every window by `marginMs`: the connector stamps a request when it arrives, a little
 * after the limiter allowed it, and arrival order can differ from allowance order under
 * concurrency; the margin keeps both views of a window under the limit.
 */
export function withMargin(limits: readonly WindowLimit[], marginMs: number): WindowLimit[] {
  return limits.map((l) => ({ count: l.count, windowMs: l.windowMs + marginMs }));
}

/** Refused: `key` is the one that holds the request longest, free again at `retryAtMs`. */
export type Acquisition = { readonly kind: 'allowed' } | { readonly kind: 'limited'; readonly retryAtMs: number; readonly key: string };

export interface RateLimiter {
  /** Allows one request on every key at once, or none of them and says when to retry. */
  tryAcquire(keys: readonly { key: string; limits: readonly WindowLimit[] }[], nowMs: number): Acquisition;
  /** Holds a key until `untilMs` (a 429's Retry-After). */
  block(key: string, untilMs: number): void;
}

/** First index whose time is greater than `t` in an ascending array. */
function firstAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Creates an empty sliding-window limiter. */
export function createRateLimiter(): RateLimiter {
  const logs = new Map<string, number[]>();
  const blocked = new Map<string, number>();

  const check = (key: string, limits: readonly WindowLimit[], nowMs: number): number | null => {
    let retryAt: number | null = null;
    const until = blocked.get(key);
    if (until !== undefined) {
      if (until > nowMs) retryAt = until;
      else blocked.delete(key);
    }
    const times = logs.get(key);
    if (!times) return retryAt;
    const longest = Math.max(...limits.map((l) => l.windowMs));
    const stale = firstAfter(times, nowMs - longest);
    if (stale > 0) times.splice(0, stale);
    for (const limit of limits) {
      const inWindow = times.length - firstAfter(times, nowMs - limit.windowMs);
      if (inWindow >= limit.count) {
        // The request that must leave the window before one more fits.
        const leaving = times[times.length - limit.count]! + limit.windowMs;
        retryAt = Math.max(retryAt ?? 0, leaving);
      }
    }
    return retryAt;
  };

  return {
    tryAcquire(keys, nowMs) {
      let retryAt: number | null = null;
      let limitedKey = '';
      for (const { key, limits } of keys) {
        const r = check(key, limits, nowMs);
        if (r !== null && r > (retryAt ?? -Infinity)) {
          retryAt = r;
          limitedKey = key;
        }
      }
      if (retryAt !== null) return { kind: 'limited', retryAtMs: Math.max(retryAt, nowMs + 1), key: limitedKey };
      for (const { key } of keys) {
        const times = logs.get(key);
        if (times) times.push(nowMs);
        else logs.set(key, [nowMs]);
      }
      return { kind: 'allowed' };
    },
    block(key, untilMs) {
      blocked.set(key, Math.max(blocked.get(key) ?? 0, untilMs));
    },
  };
}
