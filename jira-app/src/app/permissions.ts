/**
 * Who may do what, decided on the server with the caller's `accountId`. A department's OKRs
 * may be edited by its owners and by Jira admins; company OKRs by the company's owners and
 * Jira admins; settings, import and the Teams connection by Jira admins only. An owner in the
 * org file is a name or an email: it is the caller when it is their account id, or when the
 * site's people list maps it to their account id. Admin rights are asked of Jira as the user
 * (`mypermissions?permissions=ADMINISTER`).
 */
import { z } from 'zod';
import type { RequestJira } from './deps';
import type { SiteRecord } from '../storage/records';
import { AppFailure } from './failure';

const myPermissionsSchema = z.looseObject({ permissions: z.looseObject({ ADMINISTER: z.looseObject({ havePermission: z.boolean() }).optional() }) });

/** Whether `accountId` is named among `owners` (directly or through the people list). */
export function isNamedOwner(site: SiteRecord, owners: readonly string[], accountId: string | undefined): boolean {
  if (!accountId) return false;
  return owners.some((o) => o === accountId || site.people.some((p) => p.name === o && p.accountId === accountId));
}

/** The owners of a department id, or of the company when `department` is the company id. */
export function ownersOf(site: SiteRecord, department: string): readonly string[] {
  if (department === site.company.id) return site.company.owners;
  return site.departments.find((d) => d.id === department)?.owners ?? [];
}

/** How long the site remembers that Jira confirmed someone a Jira admin (panels show edit controls meanwhile). */
export const ADMIN_MEMORY_MS = 3_600_000;

/** True when the site remembers `accountId` as a Jira admin (confirmed within the last hour). */
export function isCachedAdmin(site: SiteRecord, accountId: string | undefined, nowMs: number): boolean {
  return accountId !== undefined && (site.admins[accountId] ?? 0) > nowMs;
}

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

/** Refuses unless the caller owns `department` (or the company) or is a Jira admin; says which it was. */
export async function requireEditor(site: SiteRecord, department: string, asUser: RequestJira, accountId: string | undefined): Promise<'owner' | 'admin'> {
  if (!accountId) throw new AppFailure('forbidden', 'Only a signed-in owner of the department or a Jira admin may change its OKRs.');
  if (isNamedOwner(site, ownersOf(site, department), accountId)) return 'owner';
  if (await askJiraAdmin(asUser)) return 'admin';
  const name = department === site.company.id ? site.company.name : (site.departments.find((d) => d.id === department)?.name ?? department);
  throw new AppFailure('forbidden', `Only the owners of ${name} or a Jira admin may change its OKRs.`);
}

/**
 * Whether the person Teams vouches for by `email` may check in on a key result whose owners
 * are `krOwners` in `department`: the email is one of those owners or of the department's
 * owners (any case), or the site's people list maps it to an account that owns either or that
 * Jira recently confirmed an admin. Asks nothing of Jira; no email, no check-in.
 */
export function mayCheckInAs(site: SiteRecord, krOwners: readonly string[], department: string, email: string | undefined, nowMs: number): boolean {
  const wanted = email?.trim().toLowerCase();
  if (!wanted) return false;
  const owners = [...krOwners, ...ownersOf(site, department)];
  if (owners.some((o) => o.trim().toLowerCase() === wanted)) return true;
  const accounts = site.people.filter((p) => p.name.trim().toLowerCase() === wanted).map((p) => p.accountId);
  return accounts.some((accountId) => isNamedOwner(site, owners, accountId) || isCachedAdmin(site, accountId, nowMs));
}
