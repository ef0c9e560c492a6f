/**
 * Owners' names, avatars and (when Jira reveals them) emails, from one KVS record that caches
 * what Jira said for a day: only accounts missing from it (or stale) cost a Jira call, one
 * `user/bulk` call per 100 of them. The panels' people resolver asks as the user; the bridge
 * (web trigger answers, queued events) asks as the app, since no user is there.
 */
import { accountIdsOf, ownersNamedIn, type BridgePerson } from '@okr-bridge/core';
import { issueSourceOf } from '../adapters/forge-issue-source';
import type { AppDeps } from './deps';

const JIRA_BUDGET_MS = 10_000;
export const PEOPLE_CACHE_KEY = 'people-cache';
export const PEOPLE_CACHE_TTL_MS = 24 * 60 * 60 * 1000;
/** Keeps the record far below KVS's value limit (a person is ~300 bytes). */
export const PEOPLE_CACHE_MAX = 400;

export interface CachedPerson {
  readonly accountId: string;
  readonly displayName: string;
  /** https only (Jira's avatars are); null otherwise. */
  readonly avatarUrl: string | null;
  /** Null when Jira hides it; absent in entries cached before emails were kept (they count as stale). */
  readonly email?: string | null;
  /** When Jira said so, ms since the epoch. */
  readonly at: number;
  /** Jira knows no such account (deleted, or never was): remembered so it is not asked again for a day. */
  readonly unknown?: true;
}

interface PeopleCache {
  readonly v: 1;
  readonly people: Readonly<Record<string, CachedPerson>>;
}

function cached(p: { accountId: string; displayName: string; avatarUrl: string | null; email: string | null }, at: number): CachedPerson {
  const avatarUrl = p.avatarUrl !== null && /^https:\/\//.test(p.avatarUrl) ? p.avatarUrl : null;
  return { accountId: p.accountId, displayName: p.displayName.slice(0, 256), avatarUrl, email: p.email, at };
}

async function readCache(deps: Pick<AppDeps, 'kvs'>): Promise<PeopleCache> {
  return ((await deps.kvs.get<PeopleCache>(PEOPLE_CACHE_KEY)) ?? { v: 1, people: {} }) as PeopleCache;
}

/**
 * The people with these account ids that Jira knows, in the order asked, each once; asks Jira
 * (as `as`) only for those not cached in the last day. Throws what the Jira adapter throws.
 */
export async function lookUpPeople(deps: AppDeps, accountIds: readonly string[], as: 'asApp' | 'asUser', nowMs: number): Promise<CachedPerson[]> {
  const wanted = [...new Set(accountIds)];
  if (wanted.length === 0) return [];
  const cache = await readCache(deps);
  const fresh = (id: string) => {
    const hit = cache.people[id];
    return hit !== undefined && hit.email !== undefined && nowMs - hit.at < PEOPLE_CACHE_TTL_MS ? hit : undefined;
  };
  const missing = wanted.filter((id) => fresh(id) === undefined);
  let people = cache.people;
  if (missing.length > 0) {
    const found = await issueSourceOf(deps, as, nowMs + JIRA_BUDGET_MS).findPeople(missing);
    const unknown = missing.filter((id) => !found.some((p) => p.accountId === id));
    const added = Object.fromEntries([
      ...found.map((p) => [p.accountId, cached(p, nowMs)] as const),
      ...unknown.map((id) => [id, { accountId: id, displayName: '', avatarUrl: null, email: null, at: nowMs, unknown: true as const }] as const),
    ]);
    const kept = Object.entries({ ...cache.people, ...added })
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, PEOPLE_CACHE_MAX);
    people = Object.fromEntries(kept);
    await deps.kvs.set<PeopleCache>(PEOPLE_CACHE_KEY, { v: 1, people });
  }
  return wanted.flatMap((id) => (people[id] && !people[id].unknown ? [people[id]] : []));
}

function toBridgePerson(p: CachedPerson): BridgePerson {
  return { id: p.accountId, displayName: p.displayName.trim() || 'someone in Jira', ...(p.email ? { email: p.email } : {}), ...(p.avatarUrl ? { avatarUrl: p.avatarUrl } : {}) };
}

/**
 * The people the owners in `view` name, for the bridge: one lookup for all of its account ids
 * (owners stored as emails or names travel inside the view as they are). When Jira cannot be
 * asked, the cache's entries, however old, stand in: a view is worth sending without a name.
 */
export async function bridgePeopleOf(deps: AppDeps, view: unknown, nowMs: number): Promise<BridgePerson[]> {
  const ids = accountIdsOf(ownersNamedIn(view));
  if (ids.length === 0) return [];
  try {
    return (await lookUpPeople(deps, ids, 'asApp', nowMs)).map(toBridgePerson);
  } catch (e) {
    deps.log?.(`owners' names not refreshed from Jira (${(e as Error).message}); sending the cached ones`);
    const { people } = await readCache(deps);
    return ids.flatMap((id) => (people[id] && !people[id].unknown ? [toBridgePerson(people[id])] : []));
  }
}
