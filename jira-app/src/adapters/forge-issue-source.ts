/**
 * core's `IssueSource` over Forge's `requestJira` (as the app or as the user): the enhanced
 * search `POST /rest/api/3/search/jql` (token paging, no `total`), the approximate count,
 * `POST /rest/api/3/issue/bulkfetch` (100 keys a call) and the field list. Every answer is
 * checked with zod; a non-2xx answer or an unexpected body throws `JiraCallError` naming the
 * call and what was expected. Retries (429, 5xx) are left to the caller, which knows its time
 * budget; `Retry-After` is reported on the error.
 */
import { rawIssueSchema, type IssueSource, type JiraFieldInfo, type RawIssue } from '@okr-bridge/core';
import { z } from 'zod';
import type { HttpInit, RequestJira } from '../app/deps';

export class JiraCallError extends Error {
  constructor(
    readonly call: string,
    readonly status: number,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${call}: ${message}`);
    this.name = 'JiraCallError';
  }

  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

const searchPageSchema = z
  .looseObject({ issues: z.array(rawIssueSchema), isLast: z.boolean().optional(), nextPageToken: z.string().nullish() })
  .refine((p) => p.isLast !== false || typeof p.nextPageToken === 'string', { message: 'expected a nextPageToken since isLast is false' });
const countSchema = z.looseObject({ count: z.number().int().min(0) });
const bulkSchema = z.looseObject({ issues: z.array(rawIssueSchema).default([]) });
const fieldsSchema = z.array(z.looseObject({ id: z.string(), name: z.string(), custom: z.boolean().default(false) }));

export const BULKFETCH_MAX = 100;
export const SEARCH_MAX_RESULTS = 100;

/** Counts the calls an adapter made, by path (for tests and the bench). */
export interface JiraCallCounter {
  calls: number;
  readonly byPath: Record<string, number>;
}

export function countingRequestJira(inner: RequestJira): RequestJira & { readonly counter: JiraCallCounter } {
  const counter: JiraCallCounter = { calls: 0, byPath: {} };
  const fn = (async (path: string, init?: HttpInit) => {
    counter.calls += 1;
    const p = path.split('?')[0]!;
    counter.byPath[p] = (counter.byPath[p] ?? 0) + 1;
    return inner(path, init);
  }) as RequestJira & { counter: JiraCallCounter };
  fn.counter = counter;
  return fn;
}

async function call<T>(requestJira: RequestJira, name: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const init: HttpInit = body === undefined ? { method: 'GET', headers: { Accept: 'application/json' } } : { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const res = await requestJira(path, init);
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    const text = await res.text().catch(() => '');
    throw new JiraCallError(name, res.status, `Jira answered ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}`, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) throw new JiraCallError(name, res.status, `expected ${name}'s documented answer, got: ${parsed.error.issues[0]?.message ?? 'another shape'}`);
  return parsed.data;
}

/** An `IssueSource` over `requestJira`. */
export function createForgeIssueSource(requestJira: RequestJira): IssueSource {
  return {
    async search(query) {
      const page = await call(requestJira, 'search', '/rest/api/3/search/jql', searchPageSchema, {
        jql: query.jql,
        fields: query.fields,
        maxResults: Math.min(query.maxResults ?? SEARCH_MAX_RESULTS, SEARCH_MAX_RESULTS),
        ...(query.pageToken ? { nextPageToken: query.pageToken } : {}),
      });
      return { issues: page.issues as RawIssue[], nextPageToken: page.isLast === true ? null : (page.nextPageToken ?? null) };
    },
    async approximateCount(jql) {
      return (await call(requestJira, 'approximate count', '/rest/api/3/search/approximate-count', countSchema, { jql })).count;
    },
    async fetchIssues(keysOrIds, fields) {
      const out: RawIssue[] = [];
      for (let i = 0; i < keysOrIds.length; i += BULKFETCH_MAX) {
        const chunk = keysOrIds.slice(i, i + BULKFETCH_MAX);
        const page = await call(requestJira, 'bulk fetch', '/rest/api/3/issue/bulkfetch', bulkSchema, { issueIdsOrKeys: chunk, fields });
        out.push(...(page.issues as RawIssue[]));
      }
      return out;
    },
    async listFields(): Promise<readonly JiraFieldInfo[]> {
      return (await call(requestJira, 'fields', '/rest/api/3/field', fieldsSchema)).map((f) => ({ id: f.id, name: f.name, custom: f.custom }));
    },
  };
}
