/**
 * Runs a reconcile plan against an `IssueSource`: every planned query read page by page
 * (POST search with the planned fields, Jira's 100 issues a page, following `nextPageToken`),
 * a few queries at a time, and turned into the one `ReconcilePage` per query that
 * `applyReconcile` expects. It reads; it neither plans nor folds.
 */
import { normalizeIssue } from '@okr-bridge/core';
import type { IssueFacts, IssueSource, JiraConfig, RawIssue, ReconcilePage, ReconcilePlan, ReconcileQuery } from '@okr-bridge/core';
import { JiraRequestError, isJiraRequestError, jiraLimits, jiraPaths } from '../jira-client';

export type FieldIds = Pick<JiraConfig, 'storyPointsField' | 'flaggedField'>;

export interface ReadPlanOptions {
  /** Queries read at the same time; pages of one query are always read in turn. Default 4. */
  readonly concurrency?: number;
  /** Called after every page with the number of issues it carried. */
  readonly onPage?: (issues: number) => void;
}

export interface PlanRead {
  /** One page per planned query, in plan order, with every issue the query returned. */
  readonly pages: readonly ReconcilePage[];
  /** Every issue read as Jira returned it, one per key (a later read wins). */
  readonly raw: ReadonlyMap<string, RawIssue>;
}

/** Issue keys in Jira's order: by project, then by number (ENG-9 before ENG-10). */
export function compareKeys(a: string, b: string): number {
  const ia = a.lastIndexOf('-');
  const ib = b.lastIndexOf('-');
  const pa = a.slice(0, ia);
  const pb = b.slice(0, ib);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return Number(a.slice(ia + 1)) - Number(b.slice(ib + 1)) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Names the key results behind a failed JQL query, keeping the request's details. */
function withQueryContext(e: unknown, query: ReconcileQuery): unknown {
  if (!isJiraRequestError(e) || query.purpose.kind !== 'jql') return e;
  const krs = query.purpose.krs.join(', ');
  return new JiraRequestError(`key result ${krs} (JQL: ${query.purpose.jql}): ${e.message}`, e);
}

async function readQuery(source: IssueSource, query: ReconcileQuery, onPage: (n: number) => void): Promise<RawIssue[]> {
  const issues: RawIssue[] = [];
  const seen = new Set<string>();
  let pageToken: string | undefined;
  for (;;) {
    const page = await source.search({ jql: query.jql, fields: query.fields, maxResults: jiraLimits.pageWithFields, ...(pageToken ? { pageToken } : {}) });
    issues.push(...page.issues);
    onPage(page.issues.length);
    if (page.nextPageToken === null) return issues;
    if (seen.has(page.nextPageToken)) {
      throw new JiraRequestError(`POST ${jiraPaths.search} returned the same nextPageToken twice; stopped instead of reading the same page forever`, {
        kind: 'malformed', method: 'POST', path: jiraPaths.search, status: 200, attempts: 1, jiraMessages: [],
      });
    }
    seen.add(page.nextPageToken);
    pageToken = page.nextPageToken;
  }
}

/**
 * Reads every query of `plan` and normalizes its issues with the org's field ids. Fails with
 * the first failed request (a JQL query's error names its key results); nothing partial is
 * returned, since `applyReconcile` in full mode must see every query.
 */
export async function readReconcilePlan(source: IssueSource, plan: ReconcilePlan, fieldIds: FieldIds, options: ReadPlanOptions = {}): Promise<PlanRead> {
  const onPage = options.onPage ?? (() => undefined);
  const results: RawIssue[][] = new Array<RawIssue[]>(plan.queries.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < plan.queries.length) {
      const i = next++;
      const query = plan.queries[i]!;
      try {
        results[i] = await readQuery(source, query, onPage);
      } catch (e) {
        failure ??= { error: withQueryContext(e, query) };
      }
    }
  };
  // Every worker settles before returning, so no request is left running after a failure.
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, plan.queries.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;

  const raw = new Map<string, RawIssue>();
  const pages = plan.queries.map((query, i): ReconcilePage => {
    const list = results[i] ?? [];
    const issues: IssueFacts[] = [];
    for (const issue of list) {
      raw.set(issue.key, issue);
      issues.push(normalizeIssue(issue, fieldIds));
    }
    return { purpose: query.purpose, issues };
  });
  return { pages, raw };
}
