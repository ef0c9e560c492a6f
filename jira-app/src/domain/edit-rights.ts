/**
 * Who may change which OKRs: the one rule every surface applies (the panels' resolvers, the
 * web trigger Teams calls, the panels' edit controls). A department's OKRs may be changed by
 * its owners and by Jira admins, the company's by the company's owners and Jira admins; a key
 * result's own owner may also check in on it and decide on alignments to it. An owner in the
 * org file is a name or an email: a Jira account matches it directly or through the site's
 * people list; an email Teams vouches for matches it in any case, or through the people list,
 * or an owner picked as an account whose email Jira reveals to be that one; a Teams user who
 * linked their Jira account (`teams-links.ts`) has that account's rights.
 * Pure: asking Jira whether someone administers it is the caller's move (`ask-jira`).
 */
import type { Org } from '@okr-bridge/core';
import type { SiteRecord } from '../storage/records';

/** Who asks, as the surface knows them: a Jira account (panels) or an email Teams vouches for. */
export type Editor =
  | { readonly via: 'jira'; readonly accountId: string | undefined }
  | {
      readonly via: 'teams';
      readonly email: string | undefined;
      /** Accounts whose email Jira revealed to be `email` (looked up by the caller). */
      readonly accountIds?: readonly string[];
      /** The Jira account the Teams user linked (`link CODE` to the bot), looked up by the caller. */
      readonly linkedAccountId?: string;
    };

/** What a change touches: the department (or company id) whose OKRs change, and owners the change itself admits (a key result's own). */
export interface EditTarget {
  readonly department: string;
  readonly alsoOwners?: readonly string[];
}

export type EditRight =
  | { readonly kind: 'owner' }
  /** A Jira admin the site remembers (confirmed by Jira within the last hour). */
  | { readonly kind: 'admin' }
  /** Not an owner: only Jira, asked as the user, can say whether they administer it. */
  | { readonly kind: 'ask-jira' }
  | { readonly kind: 'refused' };

/** The owners of a department id, or of the company when `department` is the company id. */
export function ownersOf(site: SiteRecord, department: string): readonly string[] {
  if (department === site.company.id) return site.company.owners;
  return site.departments.find((d) => d.id === department)?.owners ?? [];
}

/** Whether `accountId` is named among `owners` (directly or through the people list). */
export function isNamedOwner(site: SiteRecord, owners: readonly string[], accountId: string | undefined): boolean {
  if (!accountId) return false;
  return owners.some((o) => o === accountId || site.people.some((p) => p.name === o && p.accountId === accountId));
}

/** True when the site remembers `accountId` as a Jira admin (confirmed within the last hour). */
export function isCachedAdmin(site: SiteRecord, accountId: string | undefined, nowMs: number): boolean {
  return accountId !== undefined && (site.admins[accountId] ?? 0) > nowMs;
}

/** The owners of key result `kr`: its own, else its objective's. */
export function krOwnersOf(org: Org, kr: string): string[] {
  return org.objectives.flatMap((o) => o.keyResults.filter((k) => k.id === kr).map((k) => k.owner ?? o.owner ?? '')).filter(Boolean);
}

/** What `editor` may do to `target`. A panel caller who owns nothing is `ask-jira`; a Teams caller is never (Teams cannot ask Jira as them). */
export function editRightOf(site: SiteRecord, editor: Editor, target: EditTarget, nowMs: number): EditRight {
  const owners = [...(target.alsoOwners ?? []), ...ownersOf(site, target.department)];
  if (editor.via === 'jira') {
    if (!editor.accountId) return { kind: 'refused' };
    return isNamedOwner(site, owners, editor.accountId) ? { kind: 'owner' } : { kind: 'ask-jira' };
  }
  // A linked account is the person's own Jira account: its rights, with or without an email.
  if (editor.linkedAccountId && isNamedOwner(site, owners, editor.linkedAccountId)) return { kind: 'owner' };
  const email = editor.email?.trim().toLowerCase();
  const linkedAdmin = editor.linkedAccountId !== undefined && isCachedAdmin(site, editor.linkedAccountId, nowMs);
  if (!email) return linkedAdmin ? { kind: 'admin' } : { kind: 'refused' };
  if (owners.some((o) => o.trim().toLowerCase() === email)) return { kind: 'owner' };
  if (editor.accountIds?.some((a) => isNamedOwner(site, owners, a))) return { kind: 'owner' };
  const accounts = site.people.filter((p) => p.name.trim().toLowerCase() === email).map((p) => p.accountId);
  if (accounts.some((a) => isNamedOwner(site, owners, a))) return { kind: 'owner' };
  return linkedAdmin || accounts.some((a) => isCachedAdmin(site, a, nowMs)) ? { kind: 'admin' } : { kind: 'refused' };
}

/** Whether a panel shows edit controls for `department`: its owner, or a Jira admin the site remembers (no Jira call on a panel load). */
export function showsEditControls(site: SiteRecord, accountId: string | undefined, department: string, nowMs: number): boolean {
  const right = editRightOf(site, { via: 'jira', accountId }, { department }, nowMs);
  return right.kind === 'owner' || (right.kind === 'ask-jira' && isCachedAdmin(site, accountId, nowMs));
}
