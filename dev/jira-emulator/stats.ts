/**
 * What the emulator counts: Jira API calls per endpoint (`POST /rest/api/3/search/jql`),
 * search pages and issues served, the answers faults and auth gave, and webhook deliveries.
 * Calls to `/_emulator/*` are not Jira calls and are not counted.
 */

export interface EmulatorStats {
  /** Jira API calls, faulted and refused ones included. */
  readonly requests: number;
  readonly byEndpoint: Readonly<Record<string, number>>;
  /** Search pages answered 200. */
  readonly pages: number;
  /** Issues returned by search and bulk fetch. */
  readonly issuesServed: number;
  readonly rateLimited: number;
  readonly serverErrors: number;
  readonly unauthorized: number;
  readonly badRequests: number;
  /** Calls left unanswered, bodies cut short, and issues listed in a bulk fetch's `issueErrors` (faults). */
  readonly hung: number;
  readonly truncated: number;
  readonly issueErrors: number;
  readonly webhooks: { readonly delivered: number; readonly failed: number; readonly pending: number; readonly lastError: string | null };
}

export class StatsCounter {
  requests = 0;
  byEndpoint: Record<string, number> = {};
  pages = 0;
  issuesServed = 0;
  rateLimited = 0;
  serverErrors = 0;
  unauthorized = 0;
  badRequests = 0;
  hung = 0;
  truncated = 0;
  issueErrors = 0;
  delivered = 0;
  failed = 0;
  lastError: string | null = null;

  countRequest(endpoint: string): void {
    this.requests++;
    this.byEndpoint[endpoint] = (this.byEndpoint[endpoint] ?? 0) + 1;
  }

  countStatus(status: number): void {
    if (status === 429) this.rateLimited++;
    else if (status >= 500) this.serverErrors++;
    else if (status === 401) this.unauthorized++;
    else if (status === 400) this.badRequests++;
  }

  snapshot(pending: number): EmulatorStats {
    return {
      requests: this.requests,
      byEndpoint: { ...this.byEndpoint },
      pages: this.pages,
      issuesServed: this.issuesServed,
      rateLimited: this.rateLimited,
      serverErrors: this.serverErrors,
      unauthorized: this.unauthorized,
      badRequests: this.badRequests,
      hung: this.hung,
      truncated: this.truncated,
      issueErrors: this.issueErrors,
      webhooks: { delivered: this.delivered, failed: this.failed, pending, lastError: this.lastError },
    };
  }

  reset(): void {
    Object.assign(this, new StatsCounter());
  }
}
