/**
 * core's `IssueSource` over Jira Cloud's REST v3, written once for every surface: the Forge
 * app passes a transport over `requestJira`, the CLI one over `fetch` with its credentials.
 * It reads only: `/rest/api/3/search/jql` (POST by default, GET on request; token paging, no
 * `total`), the approximate count, `/rest/api/3/issue/bulkfetch` (100 a call; issues Jira lists
 * in `issueErrors` are asked for again, never taken as deleted) and `/rest/api/3/field`.
 * Retries, the deadline and error messages live in `send.ts`.
 */
import type { IssuePage, IssueSearch, IssueSource, JiraFieldInfo } from '../ports/issue-source';
import type { RawIssue } from '../model/issue';
import { createJiraDirectory, type JiraDirectory } from './directory';
import { JiraRequestError } from './errors';
import { defaultRetryPolicy, type RetryPolicy } from './retry';
import * as s from './schemas';
import { createSender, type JiraCall, type JiraTransport, type RetryEvent } from './send';
import { createStatsCounter, type JiraClientStats } from './stats';
import { pickStoryPointsField, toFieldInfo, type StoryPointsLookup } from './story-points';

export interface JiraRestOptions {
  readonly transport: JiraTransport;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Strings that must never appear in an error message (the transport's credentials). */
  readonly secrets?: readonly string[] | undefined;
  /** No retry wait ends after this instant: the caller's time budget (a Forge invocation's). */
  readonly deadlineMs?: number | undefined;
  /** How searches are sent; POST (the default) keeps long JQL out of URLs and logs. */
  readonly searchMethod?: 'POST' | 'GET' | undefined;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Added to a 401's message: how to fix the credentials on this surface. */
  readonly unauthorizedHint?: string | undefined;
}

/** An issue as an id/key-only search returns it. */
export interface IssueRef {
  readonly id: string;
  /** Null when Jira returned the id only. */
  readonly key: string | null;
}

export interface IssueRefPage {
  readonly issues: readonly IssueRef[];
  readonly nextPageToken: string | null;
}

export interface IssueRefSearch {
  readonly jql: string;
  readonly pageToken?: string;
  readonly maxResults?: number;
}

/** Issues (the `IssueSource` port) and, for pickers, people and projects (`directory.ts`). */
export interface JiraRestSource extends IssueSource, JiraDirectory {
  /** Every page of a search, following `nextPageToken` to the last page. */
  searchAll(query: Omit<IssueSearch, 'pageToken'>): Promise<RawIssue[]>;
  /** One page of ids and keys only: Jira's large pages (up to 5,000). */
  searchRefs(query: IssueRefSearch): Promise<IssueRefPage>;
  /** Every id and key a bounded JQL matches. */
  searchAllRefs(query: Omit<IssueRefSearch, 'pageToken'>): Promise<IssueRef[]>;
  findStoryPointsField(): Promise<StoryPointsLookup>;
  stats(): JiraClientStats;
}

export const jiraPaths = {
  search: '/rest/api/3/search/jql',
  approximateCount: '/rest/api/3/search/approximate-count',
  bulkFetch: '/rest/api/3/issue/bulkfetch',
  fields: '/rest/api/3/field',
} as const;

/** Jira's page limits: 100 issues with fields, 5,000 with `id`/`key` only; 100 per bulk fetch. */
export const jiraLimits = { pageWithFields: 100, pageOfRefs: 5000, bulkFetch: 100 } as const;

/** An `IssueSource` (and more) over one transport. */
export function createJiraRestSource(options: JiraRestOptions): JiraRestSource {
  const stats = createStatsCounter();
  const retry = { ...defaultRetryPolicy, ...options.retry };
  const sender = createSender({
    transport: options.transport,
    retry,
    secrets: options.secrets ?? [],
    now: options.now,
    sleep: options.sleep,
    random: options.random,
    deadlineMs: options.deadlineMs,
    onRetry: options.onRetry,
    unauthorizedHint: options.unauthorizedHint,
    stats,
  });
  const method = options.searchMethod ?? 'POST';

  async function search(query: IssueSearch): Promise<IssuePage> {
    checkRawIssueFields(query.fields);
    const maxResults = Math.min(query.maxResults ?? jiraLimits.pageWithFields, jiraLimits.pageWithFields);
    const page = await sender.send(searchCall(method, query.jql, query.fields, maxResults, query.pageToken), s.searchPageSchema, s.searchPageExpected);
    stats.countPage();
    return { issues: page.issues, nextPageToken: s.readNextPageToken(page) };
  }

  async function searchRefs(query: IssueRefSearch): Promise<IssueRefPage> {
    const maxResults = query.maxResults ?? jiraLimits.pageOfRefs;
    const page = await sender.send(searchCall(method, query.jql, ['key'], maxResults, query.pageToken), s.refPageSchema, s.refPageExpected);
    stats.countPage();
    return { issues: page.issues.map((i) => ({ id: i.id, key: i.key ?? null })), nextPageToken: s.readNextPageToken(page) };
  }

  async function listFieldDetails(): Promise<s.FieldDetails[]> {
    return sender.send({ method: 'GET', path: jiraPaths.fields }, s.fieldListSchema, s.fieldListExpected);
  }

  /** One chunk; what Jira lists in `issueErrors` (a retriable failure, per the spec) is asked for again with backoff. */
  async function fetchChunk(ids: readonly string[], fields: readonly string[]): Promise<RawIssue[]> {
    const out: RawIssue[] = [];
    let pending = ids;
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      const res = await sender.send({ method: 'POST', path: jiraPaths.bulkFetch, body: { issueIdsOrKeys: pending, fields } }, s.bulkFetchSchema, s.bulkFetchExpected);
      stats.countPage();
      out.push(...res.issues);
      if (res.issueErrors.length === 0) return out;
      const failed = res.issueErrors.map((e) => e.id).filter((id): id is string => typeof id === 'string');
      const waited = failed.length === res.issueErrors.length ? await sender.backOff(attempt, waitedMs) : null;
      if (waited === null) {
        const messages = res.issueErrors.map((e) => `${e.id ?? '?'}: ${e.errorMessage ?? 'no message'}`);
        throw sender.fail(`POST ${jiraPaths.bulkFetch} could not return ${messages.length} issue(s) after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${messages.join('; ')}`, {
          kind: 'partial', method: 'POST', path: jiraPaths.bulkFetch, status: 200, attempts: attempt, jiraMessages: messages, retryable: true,
        });
      }
      waitedMs += waited;
      pending = failed;
    }
  }

  return {
    ...createJiraDirectory(sender),
    search,
    searchAll: (query) => collectPages((pageToken) => search({ ...query, ...(pageToken ? { pageToken } : {}) }), method, sender.fail),
    searchRefs,
    searchAllRefs: (query) => collectPages((pageToken) => searchRefs({ ...query, ...(pageToken ? { pageToken } : {}) }), method, sender.fail),

    async approximateCount(jql) {
      return (await sender.send({ method: 'POST', path: jiraPaths.approximateCount, body: { jql } }, s.countSchema, s.countExpected)).count;
    },

    async fetchIssues(keysOrIds, fields) {
      checkRawIssueFields(fields);
      const unique = [...new Set(keysOrIds)];
      const out: RawIssue[] = [];
      for (let i = 0; i < unique.length; i += jiraLimits.bulkFetch) out.push(...(await fetchChunk(unique.slice(i, i + jiraLimits.bulkFetch), fields)));
      return out;
    },

    async listFields(): Promise<readonly JiraFieldInfo[]> {
      return (await listFieldDetails()).map(toFieldInfo);
    },

    async findStoryPointsField() {
      return pickStoryPointsField(await listFieldDetails());
    },

    stats: () => stats.snapshot(),
  };
}

function searchCall(method: 'GET' | 'POST', jql: string, fields: readonly string[], maxResults: number, pageToken?: string): JiraCall {
  if (method === 'POST') return { method, path: jiraPaths.search, body: { jql, fields, maxResults, ...(pageToken ? { nextPageToken: pageToken } : {}) } };
  const query = new URLSearchParams({ jql, fields: fields.join(','), maxResults: String(maxResults) });
  if (pageToken) query.set('nextPageToken', pageToken);
  return { method, path: jiraPaths.search, query };
}

async function collectPages<T>(
  readPage: (token: string | undefined) => Promise<{ issues: readonly T[]; nextPageToken: string | null }>,
  method: string,
  fail: (message: string, details: ConstructorParameters<typeof JiraRequestError>[1]) => JiraRequestError,
): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await readPage(token);
    out.push(...page.issues);
    if (page.nextPageToken === null) return out;
    if (seen.has(page.nextPageToken)) {
      throw fail(`${method} ${jiraPaths.search} returned the same nextPageToken twice; stopped instead of reading the same page forever`, {
        kind: 'malformed', method, path: jiraPaths.search, status: 200, attempts: 1, jiraMessages: [], retryable: false,
      });
    }
    seen.add(page.nextPageToken);
    token = page.nextPageToken;
  }
}

/** `RawIssue` needs `status` and `created`; asking without them is a bug in the caller. */
function checkRawIssueFields(fields: readonly string[]): void {
  if (fields.includes('*all') || fields.includes('*navigable')) return;
  const missing = ['status', 'created'].filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    throw new Error(`Jira issues are read as RawIssue, which needs the fields status and created; missing ${missing.join(', ')} (use searchRefs for id/key-only searches)`);
  }
}
