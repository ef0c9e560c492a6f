/**
 * Which owners of a dependency the bot can mention where: the owners its alert names (the
 * needing key result's owner, the delivering department's owners) whom the bot has seen in
 * each conversation, matched by email or UPN (an owner's own email, or for an account id the
 * email Jira revealed, when it did).
 */
import { ownerAddresses, type PeopleIndex } from '@okr-bridge/core/present';
import type { MentionablePerson } from '../cards/mentions';
import type { DependencyWire as DependencyView } from '../cards/wire';
import type { MemberRecord, MemberStore } from '../store/port';

/** The owners an alert about `dependency` names, once each. */
export function alertOwners(dependency: DependencyView): string[] {
  return [...new Set([...(dependency.needs.owner ? [dependency.needs.owner] : []), ...dependency.provider.owners])];
}

/** The addresses (lower case) the owners of `dependency` can be found by, once each. */
export function alertAddresses(dependency: DependencyView, named: PeopleIndex): string[] {
  return [...new Set(alertOwners(dependency).flatMap((o) => ownerAddresses(o, named)))];
}

/** A member as a person a card can mention. */
export function toMentionable(member: MemberRecord): MentionablePerson {
  return { id: member.userId, name: member.name, addresses: [member.email, member.upn].filter((a): a is string => a !== null) };
}

/** For each of `conversationIds` where the bot has seen any of the owners, those owners. */
export async function knownOwners(store: MemberStore, conversationIds: readonly string[], dependency: DependencyView, named: PeopleIndex = new Map()): Promise<Map<string, MentionablePerson[]>> {
  const addresses = alertAddresses(dependency, named);
  if (addresses.length === 0) return new Map();
  const found = await store.membersByAddress(conversationIds, addresses);
  const byConversation = new Map<string, MentionablePerson[]>();
  for (const member of found) byConversation.set(member.conversationId, [...(byConversation.get(member.conversationId) ?? []), toMentionable(member)]);
  return byConversation;
}
