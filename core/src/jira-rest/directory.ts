/**
 * People and projects as Jira shows them, read through the one REST adapter's sender:
 * `GET /rest/api/3/user/search` (a plain list), `GET /rest/api/3/user/bulk` (`PageBeanUser`, 100
 * account ids a call, pages followed) and `GET /rest/api/3/project/search` (`PageBeanProject`).
 * Only what a picker shows is kept: account id, display name, a 48 px avatar; project id, key,
 * name; and a user's `emailAddress` when Jira reveals it (the person's profile visibility
 * allows it; Jira hides it for most people), which hosts use to match owners, never to show.
 */
import { z } from 'zod';
import type { Sender } from './send';

export interface JiraPerson {
  readonly accountId: string;
  readonly displayName: string;
  /** The 48×48 avatar URL when Jira gives one. */
  readonly avatarUrl: string | null;
  readonly active: boolean;
  /** The email, lower case, only when Jira reveals it; null when hidden. */
  readonly email: string | null;
}

export interface JiraProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

export const directoryPaths = {
  userSearch: '/rest/api/3/user/search',
  userBulk: '/rest/api/3/user/bulk',
  projectSearch: '/rest/api/3/project/search',
} as const;

/** Jira's bounds: user search looks at 1,000 users; project pages hold 100; a bulk call here asks for 100 accounts. */
export const directoryLimits = { userSearch: 1000, projectPage: 100, userBulk: 100 } as const;

const userSchema = z.looseObject({
  accountId: z.string().min(1),
  accountType: z.string().optional(),
  displayName: z.string().optional(),
  // Jira's spec: "Depending on the user's privacy setting, this may be returned as null" (or left out).
  emailAddress: z.string().nullable().optional(),
  active: z.boolean().optional(),
  avatarUrls: z.looseObject({ '48x48': z.string().optional(), '24x24': z.string().optional() }).optional(),
});
const userListSchema = z.array(userSchema);
const userPageSchema = z.looseObject({ values: z.array(userSchema).default([]), isLast: z.boolean().optional(), startAt: z.number().optional() });
const projectSchema = z.looseObject({ id: z.string(), key: z.string(), name: z.string() });
const projectPageSchema = z.looseObject({ values: z.array(projectSchema).default([]), isLast: z.boolean().optional() });

/** Jira may send an empty or odd `emailAddress`; only a plausible address counts. */
function emailOf(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase() ?? '';
  return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320 ? email : null;
}

function toPerson(u: z.infer<typeof userSchema>): JiraPerson {
  return { accountId: u.accountId, displayName: u.displayName ?? u.accountId, avatarUrl: u.avatarUrls?.['48x48'] ?? u.avatarUrls?.['24x24'] ?? null, active: u.active !== false, email: emailOf(u.emailAddress) };
}

export interface JiraDirectory {
  /** Up to `max` people (atlassian accounts, not apps or customers) whose name starts with `query`. */
  searchPeople(query: string, max: number): Promise<JiraPerson[]>;
  /** The people with these account ids that Jira knows, in one call per 100. */
  findPeople(accountIds: readonly string[]): Promise<JiraPerson[]>;
  /** Up to `max` (≤ 100) projects whose key or name contains `query`, by key; with `keys`, only those projects. */
  searchProjects(query: string, max: number, keys?: readonly string[]): Promise<JiraProject[]>;
}

/** The directory over one sender (see `createJiraRestSource`). */
export function createJiraDirectory(sender: Sender): JiraDirectory {
  return {
    async searchPeople(query, max) {
      const maxResults = Math.max(1, Math.min(max, directoryLimits.userSearch));
      const params = new URLSearchParams({ query, maxResults: String(maxResults) });
      const users = await sender.send({ method: 'GET', path: directoryPaths.userSearch, query: params }, userListSchema, 'a list of users [{ accountId, displayName, avatarUrls }]');
      return users.filter((u) => (u.accountType ?? 'atlassian') === 'atlassian').map(toPerson).slice(0, maxResults);
    },

    async findPeople(accountIds) {
      const unique = [...new Set(accountIds.filter((id) => id.trim() !== ''))];
      const out: JiraPerson[] = [];
      for (let i = 0; i < unique.length; i += directoryLimits.userBulk) {
        const chunk = unique.slice(i, i + directoryLimits.userBulk);
        for (let startAt = 0; ; ) {
          const params = new URLSearchParams(chunk.map((id) => ['accountId', id]));
          params.set('startAt', String(startAt));
          params.set('maxResults', String(chunk.length));
          const page = await sender.send({ method: 'GET', path: directoryPaths.userBulk, query: params }, userPageSchema, 'a page of users { values: [...], isLast }');
          out.push(...page.values.map(toPerson));
          if (page.isLast !== false || page.values.length === 0) break;
          startAt += page.values.length;
        }
      }
      return out;
    },

    async searchProjects(query, max, keys = []) {
      const maxResults = Math.max(1, Math.min(max, directoryLimits.projectPage));
      const params = new URLSearchParams({ query, maxResults: String(maxResults), orderBy: 'key' });
      for (const key of keys.slice(0, 50)) params.append('keys', key);
      const page = await sender.send({ method: 'GET', path: directoryPaths.projectSearch, query: params }, projectPageSchema, 'a page of projects { values: [{ id, key, name }], isLast }');
      return page.values.map((p) => ({ id: p.id, key: p.key, name: p.name }));
    },
  };
}
