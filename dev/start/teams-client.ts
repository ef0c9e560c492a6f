/**
 * What Teams would POST to the bot's `/api/messages` when a person talks to it: Teams-shaped
 * activities (message, conversationUpdate, Action.Execute invoke) from one tenant, whose
 * `serviceUrl` is the Bot Connector emulator, so the bot's replies and proactive cards land
 * there. The local stand-in for the Teams client; no token, as the service runs in its local
 * anonymous mode. As Teams does, it puts only `{ id, name, aadObjectId }` in `from`; a person's
 * email is known to the emulator's roster (the directory), where the bot asks for it. A channel
 * message is a new post (`<channel>;messageid=<post>`); a card action is in the card's thread.
 */
import type { TeamsDirectory } from '../bot-connector';

export interface Conversation {
  readonly id: string;
  readonly name: string;
  readonly type: 'personal' | 'channel';
}

export interface TeamsUser {
  readonly id: string;
  readonly name: string;
  /** Given by the roster API (email and user principal name), never in an activity. */
  readonly email?: string;
}

export const BOT_ACCOUNT = { id: '28:okr-bridge-local', name: 'OKR bridge' } as const;
/** The person at the start page: Raj, Engineering's owner, so check-ins on Engineering's key results are allowed. */
export const LOCAL_USER: TeamsUser = { id: '29:local-user', name: 'Raj (local user)', email: 'raj@acme.example' };

export interface BotAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface TeamsClient {
  readonly tenantId: string;
  /** The bot is added to the conversation (Teams sends conversationUpdate with the bot as the member added). */
  install(conversation: Conversation): Promise<BotAnswer>;
  /** A person writes `text` to the bot. */
  say(conversation: Conversation, text: string, from?: TeamsUser): Promise<BotAnswer>;
  /** A person clicks an Action.Execute button of the card in activity `replyToId` (with the card's inputs merged into `data`). */
  execute(conversation: Conversation, verb: string, data: Readonly<Record<string, unknown>>, replyToId?: string, from?: TeamsUser): Promise<BotAnswer>;
}

export interface TeamsClientOptions {
  /** The Teams service's base URL. */
  readonly botUrl: () => string;
  /** The Bot Connector emulator's serviceUrl. */
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly teamId?: string;
  /** The emulator's directory: everyone who talks through this client is a member of the team and of their chats there. */
  readonly directory?: TeamsDirectory;
}

/** A client posting as people of `tenantId`. */
export function createTeamsClient(options: TeamsClientOptions): TeamsClient {
  let n = 0;
  const teamId = options.teamId ?? '19:acme-team@thread.tacv2';
  const members = new Set<string>();
  const channels = new Set<string>();
  /** Makes the person and the conversation known to the roster, as they are in Teams. */
  const enrol = (conversation: Conversation, user: TeamsUser) => {
    const directory = options.directory;
    if (!directory) return;
    directory.addUser({ id: user.id, name: user.name, aadObjectId: aadOf(user), ...(user.email ? { email: user.email } : {}), userPrincipalName: user.email ?? `${user.id.replace(/\W/g, '')}@local.invalid`, tenantId: options.tenantId });
    members.add(user.id);
    if (conversation.type === 'channel') channels.add(conversation.id);
    directory.addTeam({ id: teamId, name: 'Acme', tenantId: options.tenantId, channels: [...channels], members: [...members] });
    if (conversation.type === 'personal') directory.addChat({ id: conversation.id, type: 'personal', tenantId: options.tenantId, members: [user.id] });
  };
  const activity = (conversation: Conversation, from: TeamsUser, fields: Record<string, unknown>): Record<string, unknown> => {
    enrol(conversation, from);
    const id = `local-${Date.now()}-${++n}`;
    const thread = typeof fields.replyToId === 'string' ? fields.replyToId : id;
    return {
    id,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: from.id, name: from.name, aadObjectId: aadOf(from) },
    recipient: BOT_ACCOUNT,
    conversation: {
      id: conversation.type === 'channel' && fields.type !== 'conversationUpdate' ? `${conversation.id};messageid=${thread}` : conversation.id,
      name: conversation.name,
      tenantId: options.tenantId,
      conversationType: conversation.type,
      isGroup: conversation.type === 'channel',
    },
    channelData:
      conversation.type === 'channel'
        ? { tenant: { id: options.tenantId }, team: { id: teamId, name: 'Acme' }, channel: { id: conversation.id, name: conversation.name } }
        : { tenant: { id: options.tenantId } },
    ...fields,
    };
  };
  const post = async (body: Record<string, unknown>): Promise<BotAnswer> => {
    const response = await fetch(`${options.botUrl()}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // a plain-text answer stays text
    }
    return { status: response.status, body: parsed };
  };
  return {
    tenantId: options.tenantId,
    install: (conversation) => post(activity(conversation, LOCAL_USER, { type: 'conversationUpdate', membersAdded: [BOT_ACCOUNT] })),
    say: (conversation, text, from = LOCAL_USER) => post(activity(conversation, from, { type: 'message', text })),
    execute: (conversation, verb, data, replyToId, from = LOCAL_USER) =>
      post(activity(conversation, from, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, ...(replyToId ? { replyToId } : {}) })),
  };
}

/** A stable stand-in for a person's Entra object id. */
function aadOf(user: TeamsUser): string {
  return `aad-${user.id.replace(/^29:/, '')}`;
}

/** What an Action.Execute invoke answered: a card to show in place of the clicked one, or a message. */
export function readInvokeAnswer(answer: BotAnswer): { readonly kind: 'card'; readonly card: Record<string, unknown> } | { readonly kind: 'message'; readonly text: string } | { readonly kind: 'error'; readonly text: string } {
  const body = answer.body as { statusCode?: number; type?: string; value?: unknown } | null;
  if (answer.status !== 200 || !body || typeof body !== 'object') return { kind: 'error', text: `the bot answered ${answer.status}: ${JSON.stringify(answer.body)}` };
  if (body.type === 'application/vnd.microsoft.card.adaptive' && body.value && typeof body.value === 'object') return { kind: 'card', card: body.value as Record<string, unknown> };
  if (typeof body.value === 'string') return { kind: 'message', text: body.value };
  return { kind: 'error', text: `unexpected invoke answer: ${JSON.stringify(body)}` };
}
