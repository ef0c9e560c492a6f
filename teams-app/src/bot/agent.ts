/**
 * The bot on the Microsoft 365 Agents SDK: routes installs, messages (commands and the
 * Action.Submit fallback) and Action.Execute invokes to the handlers, and keeps the
 * conversation reference of every conversation it hears from, keyed by channel (a channel
 * post's own `;messageid=` thread is only where this turn's replies go); reads the roster on
 * install and when its cache expired, and forgets members who leave (bot/roster.ts). It keeps no
 * SDK turn state.
 */
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import { AgentApplication, MessageFactory, CardFactory, TurnState, type CloudAdapter, type ConnectorClient, type TurnContext } from '@microsoft/agents-hosting';
import { buildNoticeCard } from '../cards/interaction-cards';
import { classifyFailure, retryDelayMs } from '../outbox/failure';
import { describeSendError } from '../outbox/sender';
import type { StoredReference } from '../store/port';
import { runCardAction, type ActionResult } from './card-actions';
import { runCommand } from './command-handlers';
import { parseCommand } from './commands';
import { refreshRoster, resolveMember, turnRoster, type RosterScope, type TurnRoster } from './roster';
import { buildWelcome } from './welcome';
import type { BotServices, Reply, TurnInfo } from './services';

/**
 * The key the bot stores a conversation under: a channel's id for channel posts (Teams gives
 * every post its own conversation id, `<channel id>;messageid=<post id>`, and names the channel
 * in `channelData.channel.id`), the conversation id for personal and group chats.
 */
export function conversationKeyOf(activity: Pick<Activity, 'conversation' | 'channelData'>): string {
  const channel = (activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
  if (typeof channel === 'string' && channel) return channel;
  return (activity.conversation?.id ?? '').split(';messageid=')[0]!;
}

/** Who and where an activity is. */
export function turnInfo(activity: Activity): TurnInfo {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return {
    tenantId: activity.conversation?.tenantId ?? channelData?.tenant?.id ?? 'unknown-tenant',
    conversationId: conversationKeyOf(activity),
    userName: activity.from?.name ?? activity.from?.id ?? 'someone',
    ...(activity.from?.id ? { userId: activity.from.id } : {}),
    ...(activity.channelId ? { channelId: activity.channelId } : {}),
    ...(activity.conversation?.conversationType ? { conversationType: activity.conversation.conversationType } : {}),
  };
}

/**
 * The reference to store: enough to message the conversation later, not a reply to this
 * activity. A channel's reference names the channel, so what is sent later is a new post.
 */
export function referenceOf(activity: Activity): StoredReference {
  const { conversation, recipient, serviceUrl, channelId, locale } = activity;
  return {
    serviceUrl: serviceUrl ?? '',
    channelId: channelId ?? 'msteams',
    conversation: { id: conversationKeyOf(activity), tenantId: conversation?.tenantId, conversationType: conversation?.conversationType, isGroup: conversation?.isGroup, name: conversation?.name },
    agent: recipient?.id ? { id: recipient.id, ...(recipient.name ? { name: recipient.name } : {}) } : undefined,
    ...(locale ? { locale } : {}),
  };
}

/** The roster of a turn's conversation, through the turn's connector client. */
export function rosterOfTurn(context: TurnContext, adapter: CloudAdapter): TurnRoster {
  return turnRoster(context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey), context.activity);
}

export function rosterScope(context: TurnContext, turn: TurnInfo): RosterScope {
  return { conversationId: turn.conversationId, tenantId: turn.tenantId, botId: context.activity.recipient?.id };
}

/** Reads the roster into the cache when it expired; a roster Teams will not give is logged, and the turn goes on. */
async function refreshRosterOf(services: BotServices, context: TurnContext, adapter: CloudAdapter, turn: TurnInfo, force = false): Promise<void> {
  try {
    await refreshRoster(services.store, rosterOfTurn(context, adapter), rosterScope(context, turn), services.nowMs(), force);
  } catch (error) {
    services.log?.(`bot: roster of ${turn.conversationId} not read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Caches the members a conversation update adds, one roster call each; one Teams will not describe is logged and skipped. */
async function cacheJoined(services: BotServices, context: TurnContext, adapter: CloudAdapter, turn: TurnInfo): Promise<void> {
  const roster = rosterOfTurn(context, adapter);
  const scope = rosterScope(context, turn);
  for (const account of context.activity.membersAdded ?? []) {
    if (!account.id) continue;
    try {
      await resolveMember(services.store, roster, scope, account.id, services.nowMs(), true);
    } catch (error) {
      services.log?.(`bot: roster entry of ${account.id} not read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function remember(services: BotServices, activity: Activity): Promise<TurnInfo> {
  const turn = turnInfo(activity);
  if (turn.conversationId && activity.serviceUrl) {
    const zone = (activity as { localTimezone?: string }).localTimezone ?? null;
    await services.store.saveConversation({ id: turn.conversationId, tenantId: turn.tenantId, reference: referenceOf(activity), timeZone: zone, updatedAt: services.nowMs() });
  }
  return turn;
}

function toActivity(reply: Reply): Partial<Activity> {
  return reply.kind === 'card' ? { ...MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)), summary: reply.summary } : MessageFactory.text(reply.text);
}

/**
 * Runs a connector call of this turn, retrying what Teams says to retry (429, 412, 502, 504)
 * after Retry-After or a short backoff, at most three times and ten seconds: a reply is not
 * worth more than that wait.
 */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const failure = describeSendError(error, Date.now());
      if (attempt >= 3 || failure.status === null || classifyFailure(failure).kind !== 'retry') throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, retryDelayMs(attempt, failure.retryAfterMs, Math.random()))));
    }
  }
}

async function sendReplies(context: TurnContext, replies: readonly Reply[]): Promise<void> {
  for (const r of replies) await withRetry(() => context.sendActivity(toActivity(r) as Activity));
}

/** Replaces the clicked card for everyone (the activity the action came from). */
async function updateClickedCard(context: TurnContext, result: Extract<ActionResult, { kind: 'card' }>): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return;
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(result.card));
  activity.id = id;
  await withRetry(() => context.updateActivity(activity));
}

/** Builds the bot over `adapter`. */
export function createBotAgent(adapter: CloudAdapter, services: BotServices): AgentApplication<TurnState> {
  const app = new AgentApplication<TurnState>({ adapter, removeRecipientMention: true, startTypingTimer: false });
  const isBot = (context: TurnContext, members: readonly { id?: string }[] | undefined) => (members ?? []).some((m) => m.id === context.activity.recipient?.id);

  app.onConversationUpdate('membersAdded', async (context) => {
    const turn = await remember(services, context.activity);
    // Their email and UPN come only from the roster: installed, read the whole roster; people
    // joined, read just them.
    if (isBot(context, context.activity.membersAdded)) {
      await refreshRosterOf(services, context, adapter, turn, true);
      await sendReplies(context, await buildWelcome(services, turn));
    } else {
      await cacheJoined(services, context, adapter, turn);
    }
  });
  app.onConversationUpdate('membersRemoved', async (context) => {
    const conversationId = conversationKeyOf(context.activity);
    if (isBot(context, context.activity.membersRemoved)) await services.store.markUninstalled(conversationId, services.nowMs());
    else await services.store.removeMembers(conversationId, (context.activity.membersRemoved ?? []).flatMap((m) => (m.id ? [m.id] : [])));
  });
  app.onActivity(ActivityTypes.InstallationUpdate, async (context) => {
    if (context.activity.action === 'remove') await services.store.markUninstalled(conversationKeyOf(context.activity), services.nowMs());
    else await remember(services, context.activity);
  });

  app.adaptiveCards.actionExecute<{ verb?: string; data?: unknown }>(/^.+$/, async (context, _state, action) => {
    const turn = await remember(services, context.activity);
    const result = await runCardAction(services, turn, action.verb ?? '', action.data ?? {}, { roster: rosterOfTurn(context, adapter), scope: rosterScope(context, turn) });
    if (result.kind === 'message') return result.text;
    if (result.shared) await updateClickedCard(context, result);
    return result.card;
  });

  app.onActivity(ActivityTypes.Message, async (context) => {
    const turn = await remember(services, context.activity);
    const value = context.activity.value as { verb?: unknown } | undefined;
    if (!context.activity.text && value && typeof value === 'object' && typeof value.verb === 'string') {
      // Action.Submit fallback: the card's data (verb included) and inputs arrive as `value`.
      const { verb, ...data } = value as { verb: string };
      const result = await runCardAction(services, turn, verb, data, { roster: rosterOfTurn(context, adapter), scope: rosterScope(context, turn) });
      if (result.kind === 'message') return sendReplies(context, [{ kind: 'text', text: result.text }]);
      if (result.shared && context.activity.replyToId) await updateClickedCard(context, result);
      else await sendReplies(context, [{ kind: 'card', card: result.card, summary: 'Card' }]);
      return;
    }
    await refreshRosterOf(services, context, adapter, turn);
    await sendReplies(context, await runCommand(services, turn, parseCommand(context.activity.text ?? ''), { roster: rosterOfTurn(context, adapter), scope: rosterScope(context, turn) }));
  });

  adapter.onTurnError = async (context, error) => {
    services.log?.(`bot: turn failed: ${error instanceof Error ? error.message : String(error)}`);
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(buildNoticeCard('Something went wrong', 'I could not do that just now; try again in a minute.', 'attention'))));
    }
  };
  return app;
}
