/**
 * What the bot's handlers need, passed in once: the store, the clock, ids, and the signed
 * Forge client of the tenant a turn comes from. A tenant only ever reaches its own connection.
 */
import type { WebTriggerRequest } from '@okr-bridge/core';
import type { AdaptiveCard } from '../cards/elements';
import { buildNoticeCard } from '../cards/interaction-cards';
import { createForgeClient, type ForgeClient, type ForgeOutcome } from '../forge/forge-client';
import type { TeamsStore } from '../store/port';

export interface BotServices {
  readonly store: TeamsStore;
  readonly nowMs: () => number;
  readonly newId: () => string;
  /** For calls to the Forge web trigger; the global fetch by default. */
  readonly fetch?: typeof fetch;
  /** This service's public base URL; Forge sends events to `${publicUrl}/api/events`. */
  readonly publicUrl: string;
  /** Used for reminders when Teams did not say the team's time zone. */
  readonly defaultTimeZone: string;
  /** Wakes the outbox worker after entries were stored. */
  readonly wakeOutbox?: () => void;
  readonly log?: (line: string) => void;
  /** Local dev mode (OKR_DEV_ANONYMOUS=1): connection codes may point at a loopback web trigger. */
  readonly localDev?: boolean;
}

/** Who and where a turn is. */
export interface TurnInfo {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly userName: string;
  /** The sender's Teams user id (`29:…`), when the activity said. */
  readonly userId?: string;
  /** The channel the activity came through: `msteams` for Teams (others, like Web Chat, let clients write `from`). */
  readonly channelId?: string;
  /** Teams' conversation type: `personal` (1:1 with the bot), `groupChat` or `channel`. */
  readonly conversationType?: string;
}

/** A reply: a card, or a line of text. */
export type Reply = { readonly kind: 'card'; readonly card: AdaptiveCard; readonly summary: string } | { readonly kind: 'text'; readonly text: string };

export const cardReply = (card: AdaptiveCard, summary: string): Reply => ({ kind: 'card', card, summary });
export const textReply = (text: string): Reply => ({ kind: 'text', text });

/** The reply to a Forge call that did not succeed. */
export function forgeProblem(outcome: Exclude<ForgeOutcome<WebTriggerRequest['action']>, { kind: 'ok' }>): Reply {
  const title = outcome.kind === 'refused' ? 'Jira said no' : 'Jira did not answer';
  return cardReply(buildNoticeCard(title, outcome.message, outcome.kind === 'refused' ? 'warning' : 'attention'), title);
}

/** The tenant's Forge client, or null when the tenant has not connected a Jira site. */
export async function forgeFor(services: BotServices, tenantId: string): Promise<ForgeClient | null> {
  const connection = await services.store.connectionForTenant(tenantId);
  if (!connection) return null;
  return createForgeClient(connection, { fetch: services.fetch, nowMs: services.nowMs, newId: services.newId });
}

export const NOT_CONNECTED = 'This Teams tenant is not connected to a Jira site yet. A Jira admin creates a one-time code in OKR settings in Jira; a Teams admin then types `connect <code>` to me (best in a personal chat).';
