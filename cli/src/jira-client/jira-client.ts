/**
 * A Jira Cloud REST v3 client implementing core's `IssueSource` port over HTTP, for the
 * `okr` CLI and the Teams service (the Forge app has its own adapter over `requestJira`).
 * It reads only: `/rest/api/3/search/jql` (POST by default, GET on request), the
 * approximate count, `/rest/api/3/issue/bulkfetch` and `/rest/api/3/field`. Retries,
 * timeouts and error messages live in `transport.ts`.
 */
import { OkrError } from '@okr-bridge/core';
import type { IssuePage, IssueSearch, IssueSource, JiraFieldInfo, RawIssue } from '@okr-bridge/core';
import { JiraRequestError } from './errors';
import { defaultRetryPolicy, type RetryPolicy } from './retry';
import * as s from './schemas';
import type { JiraClientStats } from './stats';
import { pickStoryPointsField, toFieldInfo, type StoryPointsLookup } from './story-points';
import { createTransport, type JiraRequest, type RetryEvent } from './transport';

export type JiraAuth = { readonly kind: 'basic'; readonly email: string; readonly token: string } | { readonly kind: 'bearer'; readonly token: string };

export interface JiraClientOptions {
  /** The site, e.g. `https://acme.atlassian.net` or the emulator's `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  readonly auth: JiraAuth;
  /** Per attempt, including reading the body. Default 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** How searches are sent; POST (the default) keeps long JQL out of URLs and logs. */
  readonly searchMethod?: 'POST' | 'GET';
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly onRetry?: (event: RetryEvent) => void;
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

export interface JiraClient extends IssueSource {
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

/**
 * A client for one Jira site and one set of credentials. Throws `OkrError`
 * ('invalid-argument') for a base URL that is not http(s) or that carries credentials.
 */
export function createJiraClient(options: JiraClientOptions): JiraClient {
  const transport = createTransport({
    baseUrl: checkBaseUrl(options.baseUrl),
    ...authorizationOf(options.auth),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { ...defaultRetryPolicy, ...options.retry },
    fetch: options.fetch ?? globalThis.fetch,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: options.now ?? Date.now,
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  const method = options.searchMethod ?? 'POST';

  async function search(query: IssueSearch): Promise<IssuePage> {
    checkRawIssueFields(query.fields);
    const maxResults = query.maxResults ?? jiraLimits.pageWithFields;
    const req = searchRequest(method, query.jql, query.fields, maxResults, query.pageToken);
    const page = await transport.send(req, s.searchPageSchema, s.searchPageExpected);
    transport.stats.countPage();
    return { issues: page.issues, nextPageToken: s.readNextPageToken(page) };
  }

  async function searchRefs(query: IssueRefSearch): Promise<IssueRefPage> {
    const maxResults = query.maxResults ?? jiraLimits.pageOfRefs;
    const req = searchRequest(method, query.jql, ['key'], maxResults, query.pageToken);
    const page = await transport.send(req, s.refPageSchema, s.refPageExpected);
    transport.stats.countPage();
    return { issues: page.issues.map((i) => ({ id: i.id, key: i.key ?? null })), nextPageToken: s.readNextPageToken(page) };
  }

  async function listFieldDetails(): Promise<s.FieldDetails[]> {
    return transport.send({ method: 'GET', path: jiraPaths.fields }, s.fieldListSchema, s.fieldListExpected);
  }

  async function fetchChunk(ids: readonly string[], fields: readonly string[], again: boolean): Promise<RawIssue[]> {
    const req: JiraRequest = { method: 'POST', path: jiraPaths.bulkFetch, body: { issueIdsOrKeys: ids, fields } };
    const res = await transport.send(req, s.bulkFetchSchema, s.bulkFetchExpected);
    transport.stats.countPage();
    if (res.issueErrors.length === 0) return res.issues;
    // Jira lists here issues it could not return for a retriable reason: ask once more.
    const failed = res.issueErrors.map((e) => e.id).filter((id): id is string => typeof id === 'string');
    if (again && failed.length === res.issueErrors.length) return [...res.issues, ...(await fetchChunk(failed, fields, false))];
    const messages = res.issueErrors.map((e) => `${e.id ?? '?'}: ${e.errorMessage ?? 'no message'}`);
    throw new JiraRequestError(`POST ${jiraPaths.bulkFetch} could not return ${messages.length} issue(s): ${messages.join('; ')}`, {
      kind: 'partial', method: 'POST', path: jiraPaths.bulkFetch, status: 200, attempts: again ? 1 : 2, jiraMessages: messages,
    });
  }

  return {
    search,
    searchAll: (query) => collectPages((pageToken) => search({ ...query, ...(pageToken ? { pageToken } : {}) }), method),
    searchRefs,
    searchAllRefs: (query) => collectPages((pageToken) => searchRefs({ ...query, ...(pageToken ? { pageToken } : {}) }), method),

    async approximateCount(jql) {
      const res = await transport.send({ method: 'POST', path: jiraPaths.approximateCount, body: { jql } }, s.countSchema, s.countExpected);
      return res.count;
    },

    async fetchIssues(keysOrIds, fields) {
      checkRawIssueFields(fields);
      const unique = [...new Set(keysOrIds)];
      const out: RawIssue[] = [];
      for (let i = 0; i < unique.length; i += jiraLimits.bulkFetch) {
        out.push(...(await fetchChunk(unique.slice(i, i + jiraLimits.bulkFetch), fields, true)));
      }
      return out;
    },

    async listFields(): Promise<readonly JiraFieldInfo[]> {
      return (await listFieldDetails()).map(toFieldInfo);
    },

    async findStoryPointsField() {
      return pickStoryPointsField(await listFieldDetails());
    },

    stats: () => transport.stats.snapshot(),
  };
}

function searchRequest(method: 'GET' | 'POST', jql: string, fields: readonly string[], maxResults: number, pageToken?: string): JiraRequest {
  if (method === 'POST') {
    return { method, path: jiraPaths.search, body: { jql, fields, maxResults, ...(pageToken ? { nextPageToken: pageToken } : {}) } };
  }
  const query = new URLSearchParams({ jql, fields: fields.join(','), maxResults: String(maxResults) });
  if (pageToken) query.set('nextPageToken', pageToken);
  return { method, path: jiraPaths.search, query };
}

async function collectPages<T>(readPage: (token: string | undefined) => Promise<{ issues: readonly T[]; nextPageToken: string | null }>, method: string): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await readPage(token);
    out.push(...page.issues);
    if (page.nextPageToken === null) return out;
    if (seen.has(page.nextPageToken)) {
      throw new JiraRequestError(`${method} ${jiraPaths.search} returned the same nextPageToken twice; stopped instead of reading the same page forever`, {
        kind: 'malformed', method, path: jiraPaths.search, status: 200, attempts: 1, jiraMessages: [],
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

function authorizationOf(auth: JiraAuth): { authorization: string; secrets: string[] } {
  if (auth.kind === 'bearer') return { authorization: `Bearer ${auth.token}`, secrets: [auth.token] };
  const encoded = Buffer.from(`${auth.email}:${auth.token}`).toString('base64');
  return { authorization: `Basic ${encoded}`, secrets: [auth.token, encoded, auth.email] };
}

function checkBaseUrl(baseUrl: string): string {
  const bad = (message: string) => new OkrError('invalid-argument', [{ where: 'Jira base URL', message }]);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw bad(`expected an http(s) URL like https://acme.atlassian.net, got "${baseUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad(`expected an http(s) URL, got the protocol "${url.protocol}"`);
  if (url.username || url.password) throw bad('expected a URL without credentials; pass the email and token separately');
  if (url.search || url.hash) throw bad(`expected a site URL without query or fragment, got "${url.origin}${url.pathname}…"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
