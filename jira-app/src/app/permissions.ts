/**
 * Admin rights, the part of who-may-do-what that needs Jira or the site's memory: settings,
 * import and the Teams connection are for Jira admins only; whether someone administers Jira
 * is asked of Jira as the user (`mypermissions?permissions=ADMINISTER`) and remembered on the
 * site for an hour. Who may change which OKRs is one rule, `domain/edit-rights.ts`.
 */
import { z } from 'zod';
import { isCachedAdmin } from '../domain/edit-rights';
import type { RequestJira } from './deps';
import type { SiteRecord } from '../storage/records';
import { AppFailure } from './failure';

export { isCachedAdmin } from '../domain/edit-rights';

const myPermissionsSchema = z.looseObject({ permissions: z.looseObject({ ADMINISTER: z.looseObject({ havePermission: z.boolean() }).optional() }) });

/** How long the site remembers that Jira confirmed someone a Jira admin (panels show edit controls meanwhile). */
export const ADMIN_MEMORY_MS = 3_600_000;

/**
 * The site remembering what Jira just said of `accountId`: a Jira admin until `ADMIN_MEMORY_MS`
 * from `nowMs`, or (not an admin) forgotten. Expired entries are dropped. Only a call that
 * asked Jira may record this; panels read it instead of asking Jira on every load.
 */
export function rememberAdmin(site: SiteRecord, accountId: string, isAdmin: boolean, nowMs: number): SiteRecord {
  const kept = Object.entries(site.admins).filter(([id, until]) => until > nowMs && id !== accountId);
  return { ...site, admins: Object.fromEntries(isAdmin ? [...kept, [accountId, nowMs + ADMIN_MEMORY_MS]] : kept) };
}

/**
 * Whether the site's memory of `accountId` should be rewritten after Jira answered `isAdmin`:
 * an admin not remembered, or remembered for less than half the memory still; a non-admin
 * still remembered. Lets a read (the settings page) keep the memory fresh without writing on
 * every load.
 */
export function adminMemoryStale(site: SiteRecord, accountId: string, isAdmin: boolean, nowMs: number): boolean {
  return isAdmin ? !isCachedAdmin(site, accountId, nowMs + ADMIN_MEMORY_MS / 2) : isCachedAdmin(site, accountId, nowMs);
}

/** Asks Jira, as the user, whether they administer Jira. */
export async function askJiraAdmin(asUser: RequestJira): Promise<boolean> {
  const res = await asUser('/rest/api/3/mypermissions?permissions=ADMINISTER', { method: 'GET', headers: { Accept: 'application/json' } });
  if (!res.ok) return false;
  const parsed = myPermissionsSchema.safeParse(await res.json());
  return parsed.success && parsed.data.permissions.ADMINISTER?.havePermission === true;
}

/** Refuses unless the caller is a Jira admin; answers their account id. */
export async function requireAdmin(asUser: RequestJira, accountId: string | undefined): Promise<string> {
  if (!accountId) throw new AppFailure('forbidden', 'Only a signed-in Jira admin may do this.');
  if (!(await askJiraAdmin(asUser))) throw new AppFailure('forbidden', 'Only a Jira admin may do this.');
  return accountId;
}
