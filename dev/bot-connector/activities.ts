/**
 * Activities as Teams sends them to a bot, for tests and the local stack to POST to
 * `/api/messages`: channel posts and replies in their thread, personal and group chat messages,
 * Action.Execute invokes, and the conversation updates of an install and an uninstall.
 *
 * What Teams puts in them, and only that (Microsoft's "Conversation basics", "Conversation
 * events" and "Universal Actions" pages): `from` is `{ id, name, aadObjectId }` with no email
 * or UPN; a channel post's `conversation.id` is `<channel id>;messageid=<post id>` and a reply
 * in its thread carries that same id and `replyToId`; `channelData` names the tenant and, in a
 * team, the team and channel; an install in a team is a `conversationUpdate` with the bot in
 * `membersAdded` and `eventType: 'teamMemberAdded'`.
 */
import { channelOf, type TeamsDirectory, type TeamsUser } from './directory';

export interface BotAccount {
  readonly id: string;
  readonly name: string;
}

/** Where a person talks to the bot. */
export type Place =
  | { readonly kind: 'channel'; readonly channelId: string; readonly name?: string }
  | { readonly kind: 'thread'; readonly channelId: string; readonly postId: string }
  | { readonly kind: 'chat'; readonly chatId: string; readonly name?: string };

export interface ActivityFactoryOptions {
  readonly serviceUrl: string;
  readonly bot: BotAccount;
  readonly directory: TeamsDirectory;
  /** Makes activity (and post) ids; numbers as Teams' message ids are. */
  readonly newId?: () => string;
}

export type TeamsActivity = Record<string, unknown> & { readonly id: string; readonly conversation: Record<string, unknown> & { readonly id: string } };

/** Builds Teams-shaped activities for the people and places of `directory`. */
export function createActivityFactory(options: ActivityFactoryOptions) {
  let n = 0;
  const newId = options.newId ?? (() => String(Date.now() * 1000 + (++n % 1000)));
  const from = (user: TeamsUser) => ({ id: user.id, name: user.name, aadObjectId: user.aadObjectId });

  const where = (place: Place, tenantId: string) => {
    if (place.kind === 'chat') {
      const chat = options.directory.chat(place.chatId);
      if (!chat) throw new Error(`activities: no chat ${place.chatId} in the directory`);
      return {
        conversation: { id: chat.id, conversationType: chat.type, tenantId, ...(chat.type === 'groupChat' ? { isGroup: true, ...(place.name ? { name: place.name } : {}) } : {}) },
        channelData: { tenant: { id: tenantId } },
      };
    }
    const team = options.directory.teamOf(place.channelId);
    if (!team) throw new Error(`activities: no team has the channel ${place.channelId}`);
    return {
      conversation: { id: place.channelId, conversationType: 'channel', isGroup: true, tenantId },
      channelData: { teamsChannelId: place.channelId, teamsTeamId: team.id, channel: { id: place.channelId }, team: { id: team.id }, tenant: { id: tenantId } },
    };
  };

  const base = (place: Place, user: TeamsUser, id: string): TeamsActivity => {
    const at = where(place, user.tenantId);
    const conversationId = place.kind === 'chat' ? at.conversation.id : `${place.channelId};messageid=${place.kind === 'thread' ? place.postId : id}`;
    return {
      id,
      channelId: 'msteams',
      serviceUrl: options.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      from: from(user),
      recipient: options.bot,
      ...at,
      conversation: { ...at.conversation, id: conversationId },
    };
  };

  const userOf = (userId: string) => {
    const user = options.directory.user(userId);
    if (!user) throw new Error(`activities: no user ${userId} in the directory`);
    return user;
  };

  return {
    /** A message: a new post in a channel, a reply in a post's thread, or a chat message. */
    message(place: Place, userId: string, text: string): TeamsActivity {
      const id = newId();
      const activity = base(place, userOf(userId), id);
      return { ...activity, type: 'message', text, textFormat: 'plain', ...(place.kind === 'thread' ? { replyToId: place.postId } : {}) };
    },
    /** A click on an Action.Execute button of the card in activity `cardId` (in `place`, its thread for a channel card). */
    execute(place: Place, userId: string, cardId: string, verb: string, data: Readonly<Record<string, unknown>>): TeamsActivity {
      const activity = base(place, userOf(userId), newId());
      return { ...activity, type: 'invoke', name: 'adaptiveCard/action', replyToId: cardId, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
    },
    /** The bot is added: to a team (as Teams says it, in the General channel), or to a chat. */
    install(place: Place, userId: string): TeamsActivity {
      const user = userOf(userId);
      if (place.kind !== 'chat') {
        const team = options.directory.teamOf(place.channelId)!;
        return {
          ...base(place, user, newId()),
          type: 'conversationUpdate',
          conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId: user.tenantId },
          channelData: { team: { id: team.id, name: team.name }, eventType: 'teamMemberAdded', tenant: { id: user.tenantId } },
          membersAdded: [{ id: options.bot.id }],
        };
      }
      return { ...base(place, user, newId()), type: 'conversationUpdate', membersAdded: [{ id: options.bot.id }] };
    },
    /** The bot is removed from the team or chat. */
    uninstall(place: Place, userId: string): TeamsActivity {
      const installed = this.install(place, userId);
      const channelData = installed.channelData as Record<string, unknown>;
      const { membersAdded: _added, ...rest } = installed;
      return { ...rest, id: newId(), channelData: { ...channelData, ...(channelData.eventType ? { eventType: 'teamMemberRemoved' } : {}) }, membersRemoved: [{ id: options.bot.id }] };
    },
  };
}

export type ActivityFactory = ReturnType<typeof createActivityFactory>;

/** The place a conversation id names in `directory`: a chat, a channel, or a channel post's thread (`postId` when the id has none). */
export function placeOf(directory: TeamsDirectory, conversationId: string, postId?: string): Place {
  if (directory.chat(conversationId)) return { kind: 'chat', chatId: conversationId };
  const thread = conversationId.split(';messageid=')[1] ?? postId;
  return thread ? { kind: 'thread', channelId: channelOf(conversationId), postId: thread } : { kind: 'channel', channelId: channelOf(conversationId) };
}
