/**
 * Who a member is, from Teams' roster API: Teams puts only `{ id, name, aadObjectId }` in an
 * activity's `from`, and gives a member's email and user principal name through
 * `GET /v3/conversations/{id}/members/{memberId}` and `GET /v3/conversations/{id}/pagedmembers`.
 * The calls go through the turn's ConnectorClient (the Agents SDK's, carrying the bot's token),
 * to the team's roster in a channel and the chat's otherwise, as the SDK's TeamsInfo does.
 * Answers are cached in the store and fetched again once older than ROSTER_TTL_MS.
 */
import type { ConnectorClient } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { MemberRecord, MemberStore } from '../store/port';

/** How long a roster answer is trusted: an owner check a day old is as good as Teams' own caches. */
export const ROSTER_TTL_MS = 24 * 60 * 60_000;
/** Teams treats a page size under 50 as 50 and caps it at 500. */
const PAGE_SIZE = 500;
/** A team of more than 10,000 members is not read whole: the bot then resolves people one by one. */
const MAX_PAGES = 20;

const address = z.string().trim().regex(/^[^\s@]+@[^\s@]+$/).max(320).optional().catch(undefined);
/** A TeamsChannelAccount as the roster API answers it; anything else it carries is ignored. */
const accountSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional().catch(undefined),
  aadObjectId: z.string().min(1).optional().catch(undefined),
  email: address,
  userPrincipalName: address,
  userRole: z.string().optional().catch(undefined),
});
const pageSchema = z.object({ members: z.array(z.unknown()).default([]), continuationToken: z.string().nullish() });

/** Where members are cached, and the bot's own id (never a member). */
export interface RosterScope {
  readonly conversationId: string;
  readonly tenantId: string;
  readonly botId: string | undefined;
}

/** The members among `accounts` (TeamsChannelAccount shapes); bots and what is not an account are skipped. */
export function membersFrom(accounts: readonly unknown[], scope: RosterScope, atMs: number): MemberRecord[] {
  const out: MemberRecord[] = [];
  for (const account of accounts) {
    const parsed = accountSchema.safeParse(account);
    if (!parsed.success) continue;
    const a = parsed.data;
    if (a.id === scope.botId || a.userRole === 'bot' || a.id.startsWith('28:')) continue;
    out.push({
      conversationId: scope.conversationId,
      tenantId: scope.tenantId,
      userId: a.id,
      aadObjectId: a.aadObjectId ?? null,
      name: a.name?.trim() || a.email || a.userPrincipalName || a.id,
      email: a.email?.toLowerCase() ?? null,
      upn: a.userPrincipalName?.toLowerCase() ?? null,
      fetchedAt: atMs,
    });
  }
  return out;
}

/** The roster calls of one turn. */
export interface TurnRoster {
  /** One member as the roster describes them; null when the roster does not know them. */
  member(userId: string): Promise<unknown>;
  /** Every member, page by page. */
  all(): Promise<unknown[]>;
}

/** The roster of the conversation an activity comes from, through the turn's connector client. */
export function turnRoster(client: ConnectorClient, activity: { conversation?: { id?: string }; channelData?: unknown }): TurnRoster {
  const teamId = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  const rosterId = typeof teamId === 'string' && teamId ? teamId : (activity.conversation?.id ?? '');
  return {
    async member(userId) {
      try {
        return await client.getConversationMember(userId, rosterId);
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null;
        throw error;
      }
    },
    async all() {
      const members: unknown[] = [];
      let continuationToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const response = await client.httpClient.get<unknown>(`v3/conversations/${encodeURIComponent(rosterId)}/pagedmembers`, {
          params: { pageSize: String(PAGE_SIZE), continuationToken },
        });
        const parsed = pageSchema.safeParse(response.data);
        if (!parsed.success) throw new Error(`roster: expected { members, continuationToken } from pagedmembers, got ${JSON.stringify(response.data).slice(0, 200)}`);
        members.push(...parsed.data.members);
        continuationToken = parsed.data.continuationToken ?? undefined;
        if (!continuationToken) break;
      }
      return members;
    },
  };
}

/**
 * The member `userId` of the scope's conversation: from the cache when fetched within
 * ROSTER_TTL_MS, else from the roster (and cached). Null when the roster does not know them.
 */
export async function resolveMember(store: MemberStore, roster: TurnRoster, scope: RosterScope, userId: string, nowMs: number): Promise<MemberRecord | null> {
  const cached = await store.memberOf(scope.conversationId, userId);
  if (cached && cached.fetchedAt > nowMs - ROSTER_TTL_MS) return cached;
  const [member] = membersFrom([await roster.member(userId)], scope, nowMs);
  if (!member) {
    if (cached) await store.removeMembers(scope.conversationId, [userId]);
    return null;
  }
  await store.saveMembers([member]);
  return member;
}

/** Reads the whole roster into the cache unless it was read within ROSTER_TTL_MS (or `force`); returns how many were cached. */
export async function refreshRoster(store: MemberStore, roster: TurnRoster, scope: RosterScope, nowMs: number, force = false): Promise<number> {
  const at = await store.rosterFetchedAt(scope.conversationId);
  if (!force && at !== null && at > nowMs - ROSTER_TTL_MS) return 0;
  const members = membersFrom(await roster.all(), scope, nowMs);
  await store.saveMembers(members);
  return members.length;
}
