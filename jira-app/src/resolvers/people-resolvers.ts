/**
 * People and projects for the pickers and for showing owners: Jira's user and project search
 * asked as the caller (so Jira's own visibility rules apply), through core's one REST adapter,
 * answers checked against the contract's schemas and bounded. Owners' names and avatars come
 * from one KVS record that caches what Jira said for a day; only accounts missing from it (or
 * stale) cost a Jira call, one `user/bulk` call per 100 of them.
 */
import { issueSourceOf } from '../adapters/forge-issue-source';
import { PICKER_LIMIT, peopleFoundSchema, projectsFoundSchema, type PersonCard } from '../contract';
import type { AppDeps } from '../app/deps';
import { AppFailure } from '../app/failure';
import { defineResolver } from './define';

const JIRA_BUDGET_MS = 10_000;
export const PEOPLE_CACHE_KEY = 'people-cache';
export const PEOPLE_CACHE_TTL_MS = 24 * 60 * 60 * 1000;
/** Keeps the record far below KVS's value limit (a card is ~250 bytes). */
export const PEOPLE_CACHE_MAX = 400;

interface CachedPerson extends PersonCard {
  /** When Jira said so, ms since the epoch. */
  readonly at: number;
}

interface PeopleCache {
  readonly v: 1;
  readonly people: Readonly<Record<string, CachedPerson>>;
}

/** Avatar URLs the panels may show: https only (Jira's avatars are). */
function cardOf(p: { accountId: string; displayName: string; avatarUrl: string | null }): PersonCard {
  const avatarUrl = p.avatarUrl !== null && /^https:\/\//.test(p.avatarUrl) ? p.avatarUrl : null;
  return { accountId: p.accountId, displayName: p.displayName.slice(0, 256), avatarUrl };
}

function requireCaller(accountId: string | undefined): void {
  if (!accountId) throw new AppFailure('forbidden', 'Only a signed-in Jira user may search people and projects.');
}

export function peopleResolvers(deps: AppDeps) {
  const jira = (nowMs: number) => issueSourceOf(deps, 'asUser', nowMs + JIRA_BUDGET_MS);

  return {
    searchPeople: defineResolver(deps, 'searchPeople', async ({ payload, session: s, accountId }) => {
      requireCaller(accountId);
      const found = await jira(s.nowMs).searchPeople(payload.query, PICKER_LIMIT);
      return peopleFoundSchema.parse({ people: found.filter((p) => p.active).slice(0, PICKER_LIMIT).map(cardOf) });
    }),

    searchProjects: defineResolver(deps, 'searchProjects', async ({ payload, session: s, accountId }) => {
      requireCaller(accountId);
      const found = await jira(s.nowMs).searchProjects(payload.query, PICKER_LIMIT);
      return projectsFoundSchema.parse({ projects: found.slice(0, PICKER_LIMIT).map((p) => ({ key: p.key, name: p.name.slice(0, 256) })) });
    }),

    getPeople: defineResolver(deps, 'getPeople', async ({ payload, session: s, accountId }) => {
      requireCaller(accountId);
      const wanted = [...new Set(payload.accountIds)];
      const cache = ((await deps.kvs.get<PeopleCache>(PEOPLE_CACHE_KEY)) ?? { v: 1, people: {} }) as PeopleCache;
      const fresh = (id: string) => {
        const hit = cache.people[id];
        return hit !== undefined && s.nowMs - hit.at < PEOPLE_CACHE_TTL_MS ? hit : undefined;
      };
      const missing = wanted.filter((id) => fresh(id) === undefined);
      let people = cache.people;
      if (missing.length > 0) {
        const found = await jira(s.nowMs).findPeople(missing);
        const added = Object.fromEntries(found.map((p) => [p.accountId, { ...cardOf(p), at: s.nowMs }]));
        const kept = Object.entries({ ...cache.people, ...added })
          .sort(([, a], [, b]) => b.at - a.at)
          .slice(0, PEOPLE_CACHE_MAX);
        people = Object.fromEntries(kept);
        await deps.kvs.set<PeopleCache>(PEOPLE_CACHE_KEY, { v: 1, people });
      }
      const cards = wanted.flatMap((id) => {
        const p = people[id];
        return p ? [{ accountId: p.accountId, displayName: p.displayName, avatarUrl: p.avatarUrl }] : [];
      });
      return peopleFoundSchema.parse({ people: cards });
    }),
  };
}
