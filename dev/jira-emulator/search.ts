/**
 * JQL search over a site the way Jira's enhanced search pages it: the query is compiled with
 * core's `compileJql`, refused when unbounded, its candidates found through the site's
 * indexes, filtered on the cached issue facts and sorted; the sorted ids are kept for the
 * following pages, which a `nextPageToken` (opaque, bound to the query) points into.
 * Results are cached per site version: a page after a change recomputes from fresh data.
 */
import { createHash } from 'node:crypto';
import { compileJql } from '../../core/src/jql';
import { isOkrError } from '../../core/src/model/errors';
import type { RawIssue } from '../../core/src/model/issue';
import type { Site } from './site';

export const UNBOUNDED_MESSAGE = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
export const BAD_TOKEN_MESSAGE = 'The provided next page token is invalid or expired.';

export type QueryOutcome =
  | { readonly kind: 'ok'; readonly issues: readonly RawIssue[] }
  | { readonly kind: 'invalid'; readonly messages: readonly string[] };

interface CachedResult {
  readonly hash: string;
  readonly version: number;
  readonly issues: readonly RawIssue[];
}

const CACHE_SIZE = 64;

function hashOf(jql: string): string {
  return createHash('sha1').update(jql).digest('base64url').slice(0, 12);
}

/** When a search runs and the zone its absolute dates are read in (the site's, offset east of UTC at an instant). */
export interface SearchClock {
  readonly now: string;
  readonly zoneOffsetMinutes: (utcMs: number) => number;
}

/** Runs JQL against a site: the matching issues in order, or Jira's error messages. */
export function runQuery(site: Site, jql: string, clock: SearchClock): QueryOutcome {
  let compiled;
  try {
    compiled = compileJql(jql, clock);
  } catch (e) {
    if (isOkrError(e)) return { kind: 'invalid', messages: e.issues.map((i) => i.message) };
    throw e;
  }
  if (!compiled.bounds) return { kind: 'invalid', messages: [UNBOUNDED_MESSAGE] };
  const matching: { raw: RawIssue; facts: ReturnType<Site['factsOf']> }[] = [];
  for (const raw of site.candidates(compiled.bounds)) {
    const facts = site.factsOf(raw);
    if (compiled.test(facts)) matching.push({ raw, facts });
  }
  matching.sort((a, b) => compiled.compare(a.facts, b.facts));
  return { kind: 'ok', issues: matching.map((m) => m.raw) };
}

export type PageOutcome =
  | { readonly kind: 'page'; readonly issues: readonly RawIssue[]; readonly nextPageToken: string | null }
  | { readonly kind: 'invalid'; readonly messages: readonly string[] };

/** Pages through query results, keeping each result list for the pages that follow it. */
export class SearchPager {
  private readonly cache = new Map<string, CachedResult>();
  private nextCacheId = 1;

  constructor(private readonly site: Site) {}

  /** One page of `jql` from `token` (null for the first page), at most `pageSize` issues. */
  page(jql: string, token: string | null, pageSize: number, clock: SearchClock): PageOutcome {
    const hash = hashOf(jql);
    let offset = 0;
    let cacheId: string | null = null;
    if (token !== null) {
      const parsed = readToken(token);
      if (parsed === null || parsed.h !== hash) return { kind: 'invalid', messages: [BAD_TOKEN_MESSAGE] };
      offset = parsed.o;
      cacheId = parsed.c;
    }
    let cached = cacheId === null ? undefined : this.cache.get(cacheId);
    if (!cached || cached.version !== this.site.version || cached.hash !== hash) {
      const outcome = runQuery(this.site, jql, clock);
      if (outcome.kind === 'invalid') return outcome;
      cached = { hash, version: this.site.version, issues: outcome.issues };
      cacheId = String(this.nextCacheId++);
      this.remember(cacheId, cached);
    }
    const issues = cached.issues.slice(offset, offset + pageSize);
    const end = offset + issues.length;
    const nextPageToken = end < cached.issues.length ? writeToken({ c: cacheId as string, h: hash, o: end }) : null;
    return { kind: 'page', issues, nextPageToken };
  }

  private remember(id: string, result: CachedResult): void {
    this.cache.set(id, result);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }
}

interface TokenData {
  readonly c: string;
  readonly h: string;
  readonly o: number;
}

function writeToken(data: TokenData): string {
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}

function readToken(token: string): TokenData | null {
  try {
    const data = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenData>;
    if (typeof data.c !== 'string' || typeof data.h !== 'string' || typeof data.o !== 'number' || !Number.isInteger(data.o) || data.o < 0) return null;
    return data as TokenData;
  } catch {
    return null;
  }
}
