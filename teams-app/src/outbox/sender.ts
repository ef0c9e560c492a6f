/**
 * Sending and updating activities in a conversation from a stored reference, through the
 * Agents SDK: `CloudAdapter.continueConversation` builds the turn and its connector client
 * (with the bot's token from Entra in production, none in local mode), and the connector
 * client posts to `/v3/conversations/{id}/activities` (a new top-level message, not a reply
 * to the continuation event) or puts to `/v3/conversations/{id}/activities/{activityId}`.
 */
import { Activity } from '@microsoft/agents-activity';
import { HttpError, type CloudAdapter, type ConnectorClient } from '@microsoft/agents-hosting';
import type { StoredReference } from '../store/port';
import { parseRetryAfter, type SendFailure } from './failure';

export type SendOutcome = { readonly kind: 'sent'; readonly activityId: string } | SendFailure;

/** The port the outbox delivers through; no vendor types. */
export interface ActivitySender {
  send(reference: StoredReference, activity: unknown): Promise<SendOutcome>;
  update(reference: StoredReference, activityId: string, activity: unknown): Promise<SendOutcome>;
}

/** Turns anything a connector call threw into a failure the outbox can classify. */
export function describeSendError(error: unknown, nowMs: number): SendFailure {
  if (error instanceof HttpError) {
    const data = error.response?.data;
    const body = typeof data === 'string' ? data : JSON.stringify(data ?? null);
    const codes = typeof data === 'object' && data !== null ? collectCodes(data) : [];
    return {
      kind: 'failed',
      status: error.status ?? error.response?.status ?? null,
      retryAfterMs: parseRetryAfter(error.response?.headers?.get?.('retry-after'), nowMs),
      code: codes.length ? codes.join(',') : body.includes('MessageWritesBlocked') ? 'MessageWritesBlocked' : null,
      message: `connector answered ${error.response?.status ?? '?'}: ${body.slice(0, 300)}`,
    };
  }
  return { kind: 'failed', status: null, retryAfterMs: null, code: null, message: error instanceof Error ? error.message : String(error) };
}

function collectCodes(data: object): string[] {
  const error = (data as { error?: { code?: unknown; subCode?: unknown; innerHttpError?: { code?: unknown } } }).error;
  return [error?.code, error?.subCode, error?.innerHttpError?.code].filter((c): c is string => typeof c === 'string');
}

/**
 * A sender over a CloudAdapter. `identity` is the bot's app id in production; in local
 * anonymous mode it is null and the connector client carries no token.
 */
export function createAdapterSender(adapter: CloudAdapter, appId: string | null, nowMs: () => number): ActivitySender {
  // continueConversation takes the identity as JWT claims: `aud` selects the bot's token.
  const identity = appId ? { aud: appId } : {};
  const withClient = async (reference: StoredReference, fn: (client: ConnectorClient, conversationId: string) => Promise<{ id?: string }>): Promise<SendOutcome> => {
    let id: string | undefined;
    // The adapter hands errors thrown in the turn to onTurnError instead of rethrowing them,
    // so the connector's answer is caught here, inside the turn.
    let failure: unknown = null;
    try {
      const ref = { ...reference, activityId: undefined, agent: reference.agent ?? { id: appId ?? 'bot' } };
      await adapter.continueConversation(identity, ref as Parameters<CloudAdapter['continueConversation']>[1], async (context) => {
        try {
          const client = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
          id = (await fn(client, reference.conversation.id)).id;
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure !== null) return describeSendError(failure, nowMs());
    if (!id) return { kind: 'failed', status: null, retryAfterMs: null, code: null, message: 'the connector answered without an activity id' };
    return { kind: 'sent', activityId: id };
  };
  const toActivity = (reference: StoredReference, activity: unknown) => {
    const a = Activity.fromObject({ type: 'message', ...(activity as object) });
    a.conversation = reference.conversation as Activity['conversation'];
    a.channelId = reference.channelId;
    a.serviceUrl = reference.serviceUrl;
    if (reference.agent) a.from = reference.agent as Activity['from'];
    return a;
  };
  return {
    send: (reference, activity) => withClient(reference, (client, conversationId) => client.sendToConversation(conversationId, toActivity(reference, activity))),
    update: (reference, activityId, activity) =>
      withClient(reference, (client, conversationId) => {
        const a = toActivity(reference, activity);
        a.id = activityId;
        // Teams may answer an update with an empty body: the activity keeps its id.
        return client.updateActivity(conversationId, activityId, a).then((r) => ({ id: r?.id || activityId }));
      }),
  };
}
