/**
 * Owners' names, avatars and (when Jira reveals them) emails, from one KVS record that caches
 * what Jira said for a day: only owners missing from it (or stale) cost a Jira call. Owners
 * picked in Jira are account ids: one `user/bulk` call per 100 of them. Owners written in the
 * org file as emails are looked up in Jira's user search, one `user/search?query=<email>` call
 * per address (at most MAX_EMAIL_LOOKUPS new ones a lookup, the rest the next time), and name
 * the person only when an answer's `emailAddress` is that address: Jira leaves out the email of
 * a person who hides it, and does not document that a hidden email still matches, so such an
 * owner stays shown as written (remembered as unknown for a day, like a deleted account). The
 * panels' people resolver asks as the user; the bridge (web trigger answers, queued events)
 * asks as the app, since no user is there.
 */
import { accountIdsOf, ownerEmailsOf, ownersNamedIn, UNNAMED_ACCOUNT_LABEL, type BridgePerson } from '@okr-bridge/core';
import { issueSourceOf } from '../adapters/forge-issue-source';
import type { AppDeps } from './deps';

const JIRA_BUDGET_MS = 10_000;
export const PEOPLE_CACHE_KEY = 'people-cache';
export const PEOPLE_CACHE_TTL_MS = 24 * 60 * 60 * 1000;
/** Keeps the record far below KVS's value limit (a person is ~300 bytes). */
export const PEOPLE_CACHE_MAX = 400;
/** New email addresses looked up in one go (one user search each): a view's first load stays quick. */
export const MAX_EMAIL_LOOKUPS = 20;
/** A user search for an address answers few people; this many are read to find the exact one. */
const EMAIL_SEARCH_RESULTS = 10;

export interface CachedPerson {
  readonly accountId: string;
  readonly displayName: string;
  /** https only (Jira's avatars are); null otherwise. */
  readonly avatarUrl: string | null;
  /**
   * Null when Jira hides it from the app. Absent when a user's lookup wrote the entry (Jira may
   * show a user an email it hides from the app, and the record is shared by every viewer and
   * the bridge), and in entries cached before emails were kept: the app asks again for those.
   */
  readonly email?: string | null;
  /** When Jira said so, ms since the epoch. */
  readonly at: number;
  /** Jira knows no such account (deleted, or never was): remembered so it is not asked again for a day. */
  readonly unknown?: true;
}

interface PeopleCache {
  readonly v: 1;
  /** By account id, or by `email:` and the lower-case address for an owner written as an email. */
  readonly people: Readonly<Record<string, CachedPerson>>;
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;

/** The cache key of an owner as stored: its account id, or its email's key. */
function keyOf(owner: string): string {
  return owner.includes('@') ? emailKey(owner) : owner.trim();
}

function cached(p: { accountId: string; displayName: string; avatarUrl: string | null; email: string | null }, at: number): CachedPerson {
  const avatarUrl = p.avatarUrl !== null && /^https:\/\//.test(p.avatarUrl) ? p.avatarUrl : null;
  return { accountId: p.accountId, displayName: p.displayName.slice(0, 256), avatarUrl, email: p.email, at };
}

async function readCache(deps: Pick<AppDeps, 'kvs'>): Promise<PeopleCache> {
  return ((await deps.kvs.get<PeopleCache>(PEOPLE_CACHE_KEY)) ?? { v: 1, people: {} }) as PeopleCache;
}

/** Owners to look up: account ids (as picked in Jira) and emails (as the org file writes them). */
export interface OwnersToLookUp {
  readonly accountIds: readonly string[];
  readonly emails: readonly string[];
}

/** The account ids and emails among owners as stored. */
function ownersToLookUp(owners: readonly string[]): OwnersToLookUp {
  return { accountIds: accountIdsOf(owners), emails: ownerEmailsOf(owners) };
}

const unknownEntry = (accountId: string, at: number): CachedPerson => ({ accountId, displayName: '', avatarUrl: null, email: null, at, unknown: true });

/**
 * The people these account ids and emails name, by the owner as given (trimmed), for those
 * Jira knows, accounts first; asks Jira (as `as`) only for owners not cached in the last day.
 * Throws what the Jira adapter throws (what it learnt before is kept).
 */
export async function lookUpOwners(deps: AppDeps, owners: OwnersToLookUp, as: 'asApp' | 'asUser', nowMs: number): Promise<Map<string, CachedPerson>> {
  const ids = [...new Set(owners.accountIds.map((id) => id.trim()).filter((id) => id !== '' && !id.includes('@')))];
  const emails = [...new Set(owners.emails.map((e) => e.trim()).filter((e) => e.includes('@')))];
  const wanted = [...ids, ...emails];
  if (wanted.length === 0) return new Map();
  const cache = await readCache(deps);
  const fresh = (key: string) => {
    const hit = cache.people[key];
    if (hit === undefined || nowMs - hit.at >= PEOPLE_CACHE_TTL_MS) return undefined;
    // What a user's lookup learnt says nothing of what Jira shows the app.
    return as === 'asApp' && hit.email === undefined ? undefined : hit;
  };
  // A user's answer about an account is kept without the email Jira showed that user: the record serves everyone.
  const keep = (p: CachedPerson): CachedPerson => (as === 'asApp' ? p : (({ email: _shownToThisUser, ...rest }) => rest)(p));
  const missingIds = ids.filter((id) => fresh(id) === undefined);
  const missingEmails = [...new Set(emails.map((e) => e.toLowerCase()))].filter((e) => fresh(emailKey(e)) === undefined).slice(0, MAX_EMAIL_LOOKUPS);
  let people = cache.people;
  if (missingIds.length > 0 || missingEmails.length > 0) {
    const added: Record<string, CachedPerson> = {};
    try {
      const jira = issueSourceOf(deps, as, nowMs + JIRA_BUDGET_MS);
      if (missingIds.length > 0) {
        const found = await jira.findPeople(missingIds);
        for (const p of found) added[p.accountId] = keep(cached(p, nowMs));
        for (const id of missingIds) added[id] ??= keep(unknownEntry(id, nowMs));
      }
      for (const email of missingEmails) {
        const match = (await jira.searchPeople(email, EMAIL_SEARCH_RESULTS)).find((p) => p.active && p.email === email);
        // The address is the org file's own (an owner as written): knowing it is that person's reveals nothing new.
        added[emailKey(email)] = match ? cached(match, nowMs) : unknownEntry('', nowMs);
        if (match) added[match.accountId] = cached(match, nowMs);
      }
    } finally {
      if (Object.keys(added).length > 0) {
        const kept = Object.entries({ ...cache.people, ...added })
          .sort(([, a], [, b]) => b.at - a.at)
          .slice(0, PEOPLE_CACHE_MAX);
        people = Object.fromEntries(kept);
        await deps.kvs.set<PeopleCache>(PEOPLE_CACHE_KEY, { v: 1, people });
      }
    }
  }
  return known(wanted, people);
}

function known(owners: readonly string[], people: PeopleCache['people']): Map<string, CachedPerson> {
  const out = new Map<string, CachedPerson>();
  for (const owner of owners) {
    const p = people[keyOf(owner)];
    if (p && !p.unknown) out.set(owner, p);
  }
  return out;
}

/**
 * The people with these account ids that Jira knows, in the order asked, each once; asks Jira
 * (as `as`) only for those not cached in the last day. Throws what the Jira adapter throws.
 */
export async function lookUpPeople(deps: AppDeps, accountIds: readonly string[], as: 'asApp' | 'asUser', nowMs: number): Promise<CachedPerson[]> {
  return [...(await lookUpOwners(deps, { accountIds, emails: [] }, as, nowMs)).values()];
}

function toBridgePerson(owner: string, p: CachedPerson): BridgePerson {
  return { id: owner, displayName: p.displayName.trim() || UNNAMED_ACCOUNT_LABEL, ...(p.email ? { email: p.email } : {}), ...(p.avatarUrl ? { avatarUrl: p.avatarUrl } : {}) };
}

/**
 * The people the owners in `view` name, for the bridge, each with `id` the owner as stored (an
 * account id, or an email as the org file writes it): one lookup for all of them (owners stored
 * as names travel inside the view as they are). When Jira cannot be asked, the cache's entries,
 * however old, stand in: a view is worth sending without a name.
 */
export async function bridgePeopleOf(deps: AppDeps, view: unknown, nowMs: number): Promise<BridgePerson[]> {
  const owners = ownersToLookUp(ownersNamedIn(view));
  if (owners.accountIds.length === 0 && owners.emails.length === 0) return [];
  let found: Map<string, CachedPerson>;
  try {
    found = await lookUpOwners(deps, owners, 'asApp', nowMs);
  } catch (e) {
    deps.log?.(`owners' names not refreshed from Jira (${(e as Error).message}); sending the cached ones`);
    found = known([...owners.accountIds, ...owners.emails], (await readCache(deps)).people);
  }
  return [...found].map(([owner, p]) => toBridgePerson(owner, p));
}
