/**
 * Items people ask for from Teams ("Add to agenda" on a card) against the generated agenda:
 * a request for something the agenda already lists is that item, not a second one.
 */
import type { AgendaItem, ReviewAgenda } from './types';

/**
 * The agenda item a request's `subject` is about, when the agenda lists it (in the meeting or
 * in the overflow): the item with that id (`blocked-dependency:dep-sso`), or for the older
 * `dependency:<id>` form the blocked-dependency item of that dependency. Null otherwise.
 */
export function findAgendaItem(agenda: Pick<ReviewAgenda, 'items' | 'overflow'>, subject: string): AgendaItem | null {
  const all = [...agenda.items, ...agenda.overflow];
  const byId = all.find((i) => i.id === subject);
  if (byId) return byId;
  const dependency = /^dependency:(.+)$/.exec(subject)?.[1];
  return dependency === undefined ? null : (all.find((i) => i.kind === 'blocked-dependency' && i.subject === dependency) ?? null);
}

/** Where an item stands on the agenda, for a confirmation: "item 2" or "after the time box". */
export function agendaPlaceOf(agenda: Pick<ReviewAgenda, 'items'>, item: AgendaItem): string {
  const n = agenda.items.findIndex((i) => i.id === item.id);
  return n >= 0 ? `item ${n + 1}` : 'after the time box';
}
