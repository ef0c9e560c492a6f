/**
 * The Jira Cloud REST v3 endpoints okr-bridge uses, answered from a site:
 * `GET|POST /rest/api/3/search/jql`, `POST /rest/api/3/search/approximate-count`,
 * `POST /rest/api/3/issue/bulkfetch`, `GET /rest/api/3/field`, and the user and project
 * lookups of `directory.ts`. Paging follows Jira: 50
 * issues by default, at most 5,000 a page when only `id`/`key` are asked for and 100
 * otherwise, `nextPageToken` absent and `isLast: true` on the last page, no `total`.
 */
import { z } from 'zod';
import { bulkUsers, getUser, searchProjects, searchUsers } from './directory';
import { listFieldDetails, readFieldSelection, renderIssue } from './fields';
import { INVALID_PAYLOAD, jiraError, ok, type Reply } from './http';
import { SearchPager, runQuery, type SearchClock } from './search';
import type { Site } from './site';
import type { StatsCounter } from './stats';

export const ID_KEY_PAGE_LIMIT = 5000;
export const PAGE_LIMIT = 100;
export const DEFAULT_PAGE_SIZE = 50;
export const BULK_FETCH_LIMIT = 100;

const searchBodySchema = z.looseObject({
  jql: z.string().optional(),
  nextPageToken: z.string().nullish(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).optional(),
});

const countBodySchema = z.looseObject({ jql: z.string().optional() });

const bulkFetchBodySchema = z.looseObject({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
});

interface SearchInput {
  readonly jql: string;
  readonly nextPageToken: string | null;
  readonly maxResults: number | undefined;
  readonly fields: readonly string[] | undefined;
}

export class JiraApi {
  private readonly pager: SearchPager;
  private readonly knownFields: ReadonlySet<string>;

  constructor(
    private readonly site: Site,
    private readonly stats: StatsCounter,
    private readonly now: () => string,
    private readonly zoneOffsetMinutes: (utcMs: number) => number,
  ) {
    this.pager = new SearchPager(site);
    this.knownFields = new Set(listFieldDetails(site.fieldIds).map((f) => f.id).filter((id) => id !== 'issuekey'));
  }

  searchGet(query: URLSearchParams, baseUrl: string): Reply {
    const max = query.get('maxResults');
    if (max !== null && !/^-?\d+$/.test(max.trim())) return jiraError(400, [`The value '${max}' is invalid for the maxResults parameter.`]);
    const fields = query.getAll('fields');
    return this.search(
      { jql: query.get('jql') ?? '', nextPageToken: query.get('nextPageToken'), maxResults: max === null ? undefined : Number(max), fields: fields.length ? fields : undefined },
      baseUrl,
    );
  }

  searchPost(body: unknown, baseUrl: string): Reply {
    const parsed = searchBodySchema.safeParse(body);
    if (!parsed.success) return jiraError(400, [INVALID_PAYLOAD]);
    const b = parsed.data;
    return this.search({ jql: b.jql ?? '', nextPageToken: b.nextPageToken ?? null, maxResults: b.maxResults, fields: b.fields }, baseUrl);
  }

  approximateCount(body: unknown): Reply {
    const parsed = countBodySchema.safeParse(body);
    if (!parsed.success) return jiraError(400, [INVALID_PAYLOAD]);
    const outcome = runQuery(this.site, parsed.data.jql ?? '', this.clock());
    if (outcome.kind === 'invalid') return jiraError(400, outcome.messages);
    return ok({ count: outcome.issues.length });
  }

  /** `partial`: the fault where Jira lists the second half of the issues it found in `issueErrors`. */
  bulkFetch(body: unknown, baseUrl: string, partial = false): Reply {
    const parsed = bulkFetchBodySchema.safeParse(body);
    if (!parsed.success) return jiraError(400, [INVALID_PAYLOAD]);
    const { issueIdsOrKeys, fields } = parsed.data;
    if (issueIdsOrKeys.length > BULK_FETCH_LIMIT) {
      return jiraError(400, [`The number of issues requested (${issueIdsOrKeys.length}) exceeds the maximum of ${BULK_FETCH_LIMIT}.`]);
    }
    const selection = readFieldSelection(fields, '*navigable');
    const found = new Map<string, ReturnType<Site['get']> & object>();
    for (const idOrKey of issueIdsOrKeys) {
      const raw = this.site.get(idOrKey.trim());
      if (raw) found.set(raw.id, raw);
    }
    const sorted = [...found.values()].sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const kept = partial && sorted.length > 0 ? Math.floor(sorted.length / 2) : sorted.length;
    const issues = sorted.slice(0, kept).map((raw) => renderIssue(raw, selection, baseUrl, this.knownFields));
    const issueErrors = sorted.slice(kept).map((raw) => ({ id: raw.id, errorMessage: 'The issue could not be retrieved. Try again later.' }));
    this.stats.issuesServed += issues.length;
    this.stats.issueErrors += issueErrors.length;
    return ok({ issues, issueErrors });
  }

  private clock(): SearchClock {
    return { now: this.now(), zoneOffsetMinutes: this.zoneOffsetMinutes };
  }

  fields(): Reply {
    return ok(listFieldDetails(this.site.fieldIds));
  }

  /** The user and project endpoints (`directory.ts`). */
  userSearch = (query: URLSearchParams, baseUrl: string): Reply => searchUsers(this.site, query, baseUrl);
  user = (query: URLSearchParams, baseUrl: string): Reply => getUser(this.site, query, baseUrl);
  userBulk = (query: URLSearchParams, baseUrl: string): Reply => bulkUsers(this.site, query, baseUrl);
  projectSearch = (query: URLSearchParams, baseUrl: string): Reply => searchProjects(this.site, query, baseUrl);

  private search(input: SearchInput, baseUrl: string): Reply {
    if (input.maxResults !== undefined && input.maxResults < 1) return jiraError(400, ['The maxResults parameter must be a positive number.']);
    const selection = readFieldSelection(input.fields, 'id');
    const limit = selection.idKeyOnly ? ID_KEY_PAGE_LIMIT : PAGE_LIMIT;
    const size = Math.min(input.maxResults ?? DEFAULT_PAGE_SIZE, limit);
    const page = this.pager.page(input.jql, input.nextPageToken, size, this.clock());
    if (page.kind === 'invalid') return jiraError(400, page.messages);
    const issues = page.issues.map((raw) => renderIssue(raw, selection, baseUrl, this.knownFields));
    this.stats.pages++;
    this.stats.issuesServed += issues.length;
    return ok(page.nextPageToken === null ? { issues, isLast: true } : { issues, nextPageToken: page.nextPageToken, isLast: false });
  }
}
