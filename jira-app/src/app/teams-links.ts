/**
 * Linking a Teams user to their Jira account, for owners Teams cannot name by email (Jira
 * hides most people's email from apps). A signed-in Jira user asks a Jira page for a one-time
 * code (15 minutes, one use) and sends `link CODE` to the bot in Teams; the Teams service
 * passes the code with the sender's Entra object id from the verified activity, and the app
 * records the link for the site's connected Teams tenant. A check-in from Teams by a linked
 * user then counts as their Jira account's. A new link replaces the person's earlier one.
 */
import { formatLinkCode, LINK_CODE_ALPHABET, LINK_CODE_LENGTH } from '@okr-bridge/core';
import { createKvsTeamsLinkStore, type AccountLink } from '../adapters/kvs-teams-links';
import type { SiteRecord } from '../storage/records';
import type { AppDeps } from './deps';
import { AppFailure } from './failure';
import { lookUpPeople } from './people-cache';

export const LINK_CODE_TTL_SECONDS = 15 * 60;

/** A fresh code from the app's random source: each of 10 bytes picks one of 32 characters (unbiased, 50 bits). */
function newCode(deps: AppDeps): string {
  const bytes = Buffer.from(deps.ids.secret(), 'base64url');
  if (bytes.length < LINK_CODE_LENGTH) throw new Error('broken invariant: the random source gave too few bytes for a link code');
  return [...bytes.subarray(0, LINK_CODE_LENGTH)].map((b) => LINK_CODE_ALPHABET[b % LINK_CODE_ALPHABET.length]).join('');
}

/** A one-time code for `accountId`, shown as `7K2QF-M9XWD`; refused while the site has no Teams connection. */
export async function createTeamsLinkCode(deps: AppDeps, site: SiteRecord, accountId: string | undefined, nowMs: number): Promise<{ code: string; expiresAt: string; validForMinutes: number }> {
  if (!accountId) throw new AppFailure('forbidden', 'Only a signed-in Jira user may link a Teams account.');
  if (site.teams.status !== 'connected') throw new AppFailure('not-configured', 'This Jira site is not connected to Microsoft Teams yet; a Jira admin connects it in OKR settings.');
  const code = newCode(deps);
  const expiresAtMs = nowMs + LINK_CODE_TTL_SECONDS * 1000;
  await createKvsTeamsLinkStore(deps.kvs).saveCode(code, { accountId, expiresAt: expiresAtMs }, LINK_CODE_TTL_SECONDS);
  return { code: formatLinkCode(code), expiresAt: new Date(expiresAtMs).toISOString(), validForMinutes: LINK_CODE_TTL_SECONDS / 60 };
}

/** Records the link a code asks for: the Teams user `aadObjectId` of the site's tenant is the code's Jira account. */
export async function linkTeamsAccount(deps: AppDeps, site: SiteRecord, request: { code: string; aadObjectId: string; name: string }, nowMs: number): Promise<{ accountId: string; displayName: string | null }> {
  if (site.teams.status !== 'connected') throw new AppFailure('not-configured', 'This Jira site is not connected to Microsoft Teams.');
  const store = createKvsTeamsLinkStore(deps.kvs);
  const taken = await store.takeCode(request.code, nowMs, LINK_CODE_TTL_SECONDS);
  if (!taken) throw new AppFailure('not-found', `The code ${formatLinkCode(request.code)} is not one Jira gave, has expired or was used already; ask Jira for a new one ("Link Microsoft Teams" on a Jira OKR page).`);
  await store.saveLink(site.teams.tenantId, request.aadObjectId, { accountId: taken.accountId, name: request.name, linkedAt: new Date(nowMs).toISOString() });
  let displayName: string | null = null;
  try {
    displayName = (await lookUpPeople(deps, [taken.accountId], 'asApp', nowMs))[0]?.displayName ?? null;
  } catch (e) {
    deps.log?.(`the linked account's name was not read from Jira (${(e as Error).message})`);
  }
  return { accountId: taken.accountId, displayName };
}

/** The Teams users linked to the caller's own account, newest first (none while the site has no Teams connection). */
export async function teamsLinksOf(deps: AppDeps, site: SiteRecord, accountId: string | undefined): Promise<{ links: AccountLink[] }> {
  if (!accountId) throw new AppFailure('forbidden', 'Only a signed-in Jira user may see the Teams accounts linked to them.');
  if (site.teams.status !== 'connected') return { links: [] };
  return { links: await createKvsTeamsLinkStore(deps.kvs).linksOfAccount(site.teams.tenantId, accountId) };
}

/** Undoes one link to the caller's own account: that Teams user's check-ins no longer count as the account's. */
export async function unlinkTeamsAccount(deps: AppDeps, site: SiteRecord, accountId: string | undefined, aadObjectId: string): Promise<{ links: AccountLink[] }> {
  if (!accountId) throw new AppFailure('forbidden', 'Only a signed-in Jira user may unlink a Teams account from their Jira account.');
  if (site.teams.status !== 'connected') throw new AppFailure('not-configured', 'This Jira site is not connected to Microsoft Teams.');
  const store = createKvsTeamsLinkStore(deps.kvs);
  if (!(await store.removeLink(site.teams.tenantId, accountId, aadObjectId))) throw new AppFailure('not-found', 'That Teams account is not linked to your Jira account (it may have been unlinked already).');
  return { links: await store.linksOfAccount(site.teams.tenantId, accountId) };
}

/** Voids a code seen where others could use it: no link is ever made with it. */
export async function voidTeamsLinkCode(deps: AppDeps, code: string, nowMs: number): Promise<{ voided: boolean }> {
  return { voided: (await createKvsTeamsLinkStore(deps.kvs).takeCode(code, nowMs, LINK_CODE_TTL_SECONDS)) !== null };
}

/** The Jira account a Teams user of the site's tenant linked, if any. */
export async function linkedAccountOf(deps: AppDeps, site: SiteRecord, aadObjectId: string | undefined): Promise<string | undefined> {
  if (!aadObjectId || site.teams.status !== 'connected') return undefined;
  return (await createKvsTeamsLinkStore(deps.kvs).linkOf(site.teams.tenantId, aadObjectId))?.accountId;
}
