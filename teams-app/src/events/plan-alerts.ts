/**
 * Turns a bridge event into outbox entries. A dependency that becomes blocked alerts the
 * channels following the department that needs it and the one that delivers it; one that
 * stops being blocked updates the cards sent earlier, in place. A key result's status change
 * is kept but sends nothing. An alert mentions the owners the bot has seen in each
 * conversation. Pure: who follows what, and who was seen where, come in as arguments.
 */
import { indexPeople, type BridgeEvent } from '@okr-bridge/core';
import type { DependencyWire as DependencyView } from '../cards/wire';
import { buildAlertCard, buildResolvedAlertCard } from '../cards/alert-card';
import type { AdaptiveCard } from '../cards/elements';
import type { MentionablePerson } from '../cards/mentions';
import type { NewOutboxEntry } from '../store/port';

/** The message activity carrying one card. */
export function cardActivity(card: AdaptiveCard, summary: string): Record<string, unknown> {
  return { type: 'message', summary, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}

/** The outbox subject of a dependency's alert card (updates find the card by it). */
export function dependencySubject(dependencyId: string): string {
  return `dependency:${dependencyId}`;
}

/** What planning needs to know: followers of departments, who got the earlier cards, and the owners seen in each. */
export interface AlertAudience {
  readonly followers: readonly string[];
  readonly withCard: readonly string[];
  /** By conversation, the dependency's owners the bot has seen there (mentioned on the alert). */
  readonly owners?: ReadonlyMap<string, readonly MentionablePerson[]>;
}

/** The departments whose followers hear about a dependency. */
export function alertDepartments(dependency: DependencyView): string[] {
  return [...new Set([dependency.needs.department, dependency.provider.department])];
}

export type AlertPlan = { readonly kind: 'alert' | 'resolve' | 'none' };

/** Whether an event alerts, resolves earlier alerts, or is only kept. */
export function classifyEvent(event: BridgeEvent): AlertPlan {
  if (event.type !== 'dependency.changed') return { kind: 'none' };
  const now = event.dependency.state;
  if (now === 'blocked' && event.previousState !== 'blocked') return { kind: 'alert' };
  if (now !== 'blocked' && event.previousState === 'blocked') return { kind: 'resolve' };
  return { kind: 'none' };
}

/** The outbox entries of one event for one tenant. */
export function planAlertEntries(event: BridgeEvent, tenantId: string, audience: AlertAudience, nowMs: number): NewOutboxEntry[] {
  const plan = classifyEvent(event);
  if (plan.kind === 'none' || event.type !== 'dependency.changed') return [];
  const dependency = event.dependency;
  const subject = dependencySubject(dependency.id);
  if (plan.kind === 'alert') {
    const named = indexPeople(event.people);
    const alertFor = (people: readonly MentionablePerson[]) => cardActivity(buildAlertCard(dependency, { since: event.occurredAt, people, named }), `Blocked: ${dependency.title}`);
    const plainAlert = alertFor([]);
    return audience.followers.map((conversationId) => {
      const people = audience.owners?.get(conversationId) ?? [];
      return { eventId: event.id, conversationId, tenantId, kind: 'send', subject, activity: people.length ? alertFor(people) : plainAlert, notBefore: nowMs };
    });
  }
  const activity = cardActivity(buildResolvedAlertCard(dependency, { since: null, resolvedAt: event.occurredAt }), `Unblocked: ${dependency.title}`);
  return audience.withCard.map((conversationId) => ({ eventId: event.id, conversationId, tenantId, kind: 'update', subject, activity, notBefore: nowMs }));
}
