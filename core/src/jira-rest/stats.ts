/**
 * What a client has cost so far: HTTP calls per endpoint (every attempt counts, retries
 * included, as Jira counts them against the rate limit), pages of issues read, retries
 * and the total time spent waiting between attempts.
 */

export interface JiraClientStats {
  /** Calls per endpoint, keyed `METHOD path`, e.g. `POST /rest/api/3/search/jql`. */
  readonly calls: Readonly<Record<string, number>>;
  readonly totalCalls: number;
  /** Successful responses that carried issues: search pages and bulk-fetch chunks. */
  readonly pagesRead: number;
  readonly retries: number;
  /** Time spent waiting before retries, in ms (what `sleep` was asked for). */
  readonly totalWaitMs: number;
}

export interface StatsCounter {
  countCall(method: string, path: string): void;
  countRetry(waitMs: number): void;
  countPage(): void;
  snapshot(): JiraClientStats;
}

/** A fresh counter at zero. */
export function createStatsCounter(): StatsCounter {
  const calls: Record<string, number> = {};
  let totalCalls = 0;
  let pagesRead = 0;
  let retries = 0;
  let totalWaitMs = 0;
  return {
    countCall(method, path) {
      const key = `${method} ${path}`;
      calls[key] = (calls[key] ?? 0) + 1;
      totalCalls += 1;
    },
    countRetry(waitMs) {
      retries += 1;
      totalWaitMs += waitMs;
    },
    countPage() {
      pagesRead += 1;
    },
    snapshot: () => ({ calls: { ...calls }, totalCalls, pagesRead, retries, totalWaitMs }),
  };
}
