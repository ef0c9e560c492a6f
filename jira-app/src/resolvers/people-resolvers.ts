/**
 * People and projects for the pickers and for showing owners: Jira's user and project search
 * asked as the caller (so Jira's own visibility rules apply), through core's one REST adapter,
 * answers checked against the contract's schemas and bounded. Owners' names and avatars come
 * from the people cache (`app/people-cache.ts`): what Jira said in the last day, one `user/bulk`
 * call per 100 accounts missing from it, one user search per owner's email missing from it.
 */
import { issueSourceOf } from '../adapters/forge-issue-source';
import { PICKER_LIMIT, peopleFoundSchema, projectsFoundSchema, type PersonCard } from '../contract';
import type { AppDeps } from '../app/deps';
import { AppFailure } from '../app/failure';
import { lookUpOwners } from '../app/people-cache';
import { defineResolver } from './define';

const JIRA_BUDGET_MS = 10_000;
export { PEOPLE_CACHE_KEY, PEOPLE_CACHE_TTL_MS } from '../app/people-cache';

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
      const found = await lookUpOwners(deps, { accountIds: payload.accountIds, emails: payload.emails ?? [] }, 'asUser', s.nowMs);
      const cards = [...found].map(([owner, p]) => ({ accountId: p.accountId, displayName: p.displayName, avatarUrl: p.avatarUrl, ...(owner.includes('@') ? { email: owner.toLowerCase() } : {}) }));
      return peopleFoundSchema.parse({ people: cards });
    }),
  };
}
