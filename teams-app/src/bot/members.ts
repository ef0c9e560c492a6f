/**
 * The people the bot sees in a conversation (an activity's sender, the members a conversation
 * update adds), kept so that alerts can mention owners by their Teams identity. Teams sends
 * `aadObjectId` and, for TeamsChannelAccount, `email` and `userPrincipalName`; whatever it
 * leaves out stays unknown. Bots (this one included) are not recorded.
 *
 * It reads the activity as it came over the wire (after its token was checked): the Agents
 * SDK's Activity keeps only the Bot Framework ChannelAccount fields and drops `email` and
 * `userPrincipalName`.
 */
import { z } from 'zod';
import type { MemberRecord, MemberStore } from '../store/port';

const address = z
  .string()
  .trim()
  .regex(/^[^\s@]+@[^\s@]+$/)
  .optional()
  .catch(undefined);

const accountSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional().catch(undefined),
  aadObjectId: z.string().min(1).optional().catch(undefined),
  email: address,
  userPrincipalName: address,
  role: z.string().optional().catch(undefined),
});

/** Where and when the accounts were seen, and the bot's own id (never recorded). */
export interface SeenIn {
  readonly conversationId: string;
  readonly tenantId: string;
  readonly botId: string | undefined;
  readonly atMs: number;
}

/** The members to record from accounts seen in one conversation; anything not shaped like a person is skipped. */
export function membersFrom(accounts: readonly unknown[], seen: SeenIn): MemberRecord[] {
  const out: MemberRecord[] = [];
  for (const account of accounts) {
    const parsed = accountSchema.safeParse(account);
    if (!parsed.success) continue;
    const a = parsed.data;
    if (a.id === seen.botId || a.role === 'bot' || a.id.startsWith('28:')) continue;
    out.push({
      conversationId: seen.conversationId,
      tenantId: seen.tenantId,
      userId: a.id,
      aadObjectId: a.aadObjectId ?? null,
      name: a.name?.trim() || a.email || a.userPrincipalName || a.id,
      email: a.email?.toLowerCase() ?? null,
      upn: a.userPrincipalName?.toLowerCase() ?? null,
      seenAt: seen.atMs,
    });
  }
  return out;
}

const rawActivitySchema = z.object({
  type: z.string(),
  from: z.unknown().optional(),
  recipient: z.object({ id: z.string().optional() }).optional().catch(undefined),
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional() }),
  channelData: z.object({ tenant: z.object({ id: z.string().optional() }).optional() }).optional().catch(undefined),
  membersAdded: z.array(z.unknown()).optional().catch(undefined),
});

/**
 * Records the people a verified raw activity shows in its conversation: its sender, and on a
 * conversation update the members it adds. Returns how many were recorded.
 */
export async function recordMembersOf(store: Pick<MemberStore, 'saveMembers'>, raw: unknown, atMs: number): Promise<number> {
  const parsed = rawActivitySchema.safeParse(raw);
  if (!parsed.success) return 0;
  const a = parsed.data;
  const tenantId = a.conversation.tenantId ?? a.channelData?.tenant?.id ?? 'unknown-tenant';
  const accounts = [a.from, ...(a.type === 'conversationUpdate' ? (a.membersAdded ?? []) : [])];
  const members = membersFrom(accounts, { conversationId: a.conversation.id, tenantId, botId: a.recipient?.id, atMs });
  await store.saveMembers(members);
  return members.length;
}
