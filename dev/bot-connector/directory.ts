/**
 * Who is where in the emulated tenant(s): users (as Teams' roster API describes them), teams
 * with their channels and members, and personal and group chats. The roster endpoints answer
 * from it; activities (activities.ts) carry only what Teams puts in them: `from` is
 * `{ id, name, aadObjectId }`, never an email or UPN.
 *
 * Shapes from Microsoft's documentation of the Bot Connector API for Teams ("Get Teams specific
 * context for your bot": TeamsChannelAccount, TeamsPagedMembersResult) and of channel and
 * conversation ids (`19:…@thread.tacv2` channels whose posts are `<channel>;messageid=<post>`).
 */

/** A TeamsChannelAccount: what `GET /v3/conversations/{id}/members/{memberId}` answers. */
export interface TeamsUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  /** Absent for some accounts (a guest without a mailbox). */
  readonly email?: string;
  readonly userPrincipalName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly tenantId: string;
  readonly userRole?: 'user' | 'guest';
}

export interface TeamsTeam {
  readonly id: string;
  readonly name: string;
  readonly tenantId: string;
  /** Channel ids; the General channel's id is the team's id. */
  readonly channels: readonly string[];
  readonly members: readonly string[];
}

export interface TeamsChat {
  readonly id: string;
  readonly type: 'personal' | 'groupChat';
  readonly tenantId: string;
  readonly members: readonly string[];
}

/** The channel a conversation id names (a post's thread id names its channel). */
export function channelOf(conversationId: string): string {
  return conversationId.split(';messageid=')[0]!;
}

export class TeamsDirectory {
  private readonly users = new Map<string, TeamsUser>();
  private readonly teams = new Map<string, TeamsTeam>();
  private readonly chats = new Map<string, TeamsChat>();

  addUser(user: TeamsUser): this {
    this.users.set(user.id, user);
    return this;
  }

  addTeam(team: TeamsTeam): this {
    this.teams.set(team.id, { ...team, channels: team.channels.includes(team.id) ? team.channels : [team.id, ...team.channels] });
    return this;
  }

  addChat(chat: TeamsChat): this {
    this.chats.set(chat.id, chat);
    return this;
  }

  user(id: string): TeamsUser | undefined {
    return this.users.get(id);
  }

  /** The team a team id or one of its channels' (or posts') ids names. */
  teamOf(conversationId: string): TeamsTeam | undefined {
    const channel = channelOf(conversationId);
    return this.teams.get(channel) ?? [...this.teams.values()].find((t) => t.channels.includes(channel));
  }

  chat(id: string): TeamsChat | undefined {
    return this.chats.get(id);
  }

  /** The members of a team, channel, post or chat, or null when the conversation is unknown. */
  rosterOf(conversationId: string): TeamsUser[] | null {
    const ids = this.teamOf(conversationId)?.members ?? this.chats.get(conversationId)?.members;
    if (!ids) return null;
    return ids.flatMap((id) => {
      const user = this.users.get(id);
      return user ? [user] : [];
    });
  }
}

/** A member as the roster API answers: the TeamsChannelAccount with `userRole`. */
export function toChannelAccount(user: TeamsUser): Record<string, unknown> {
  return { ...user, userRole: user.userRole ?? 'user' };
}
