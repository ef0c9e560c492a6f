/**
 * What the Review view lists: the generated agenda items, then the items people added from a
 * Teams card ("Add to agenda"), as one list of entries with the same controls. Pure.
 */
import { AGENDA_KIND_LABELS, AGENDA_KIND_TONES, findAgendaItem, formatInstant, indexPeople, nameOwnersIn, ownerLabel, type PeopleIndex, type Tone, type Viewer } from '@okr-bridge/core/present';
import type { AgendaItem, AgendaPage, RequestedAgendaItem } from '../tab-api/contract';

export const REQUESTED_LABEL = 'Requested from Teams';

export interface ReviewEntry {
  /** The id the meeting's record (discussed, decision, notes) is kept under. */
  readonly id: string;
  readonly title: string;
  readonly kindLabel: string;
  /** The colour of what the label says (core's tone of the item's kind). */
  readonly tone: Tone;
  readonly detail: string;
  /** The presenter as a person reads them (a name, never an account id). */
  readonly presenter: string | null;
  readonly minutes: number;
  readonly links: AgendaItem['links'];
  /** Items added from Teams: who asked and when, in the viewer's words ("Ann Lee", "14 Nov 2026, 17:05"). */
  readonly requested: { readonly by: string; readonly at: string } | null;
}

/** An agenda item's presenter as a person reads them. */
export function presenterLabel(item: Pick<AgendaItem, 'presenter'> | undefined, people: PeopleIndex): string | null {
  return item?.presenter ? ownerLabel(item.presenter, people) : null;
}

function fromGenerated(item: AgendaItem, people: PeopleIndex): ReviewEntry {
  return {
    id: item.id,
    title: item.title,
    kindLabel: AGENDA_KIND_LABELS[item.kind],
    tone: AGENDA_KIND_TONES[item.kind],
    detail: nameOwnersIn(item.detail, people),
    presenter: presenterLabel(item, people),
    minutes: item.minutes,
    links: item.links,
    requested: null,
  };
}

/** A request's subject without its kind: `dependency:dep-sso` → `dep-sso`, what generated items name their subject. */
const bareSubject = (subject: string) => subject.slice(subject.indexOf(':') + 1);

function fromRequested(request: RequestedAgendaItem, generated: readonly AgendaItem[], viewer: Viewer, people: PeopleIndex): ReviewEntry {
  // When the agenda knows the same subject, its Jira links serve the request too.
  const same = generated.find((i) => i.subject === bareSubject(request.subject) || i.subject === request.subject);
  return {
    id: request.id,
    title: request.title,
    kindLabel: REQUESTED_LABEL,
    tone: 'neutral',
    detail: `Added to this review with "Add to agenda" on a Teams card.`,
    presenter: presenterLabel(same, people),
    minutes: request.minutes,
    links: same?.links ?? [],
    requested: { by: request.requestedBy, at: formatInstant(request.requestedAt, viewer) },
  };
}

/** The agenda's items, then its requested items, except requests for an item the agenda already lists; times in the viewer's words. */
export function reviewEntriesOf(page: Pick<AgendaPage, 'agenda' | 'requested'> & Partial<Pick<AgendaPage, 'people'>>, viewer: Viewer): ReviewEntry[] {
  const people = indexPeople(page.people);
  const generated = [...page.agenda.items, ...page.agenda.overflow];
  const requested = page.requested.filter((r) => findAgendaItem(page.agenda, r.subject) === null);
  return [...page.agenda.items.map((i) => fromGenerated(i, people)), ...requested.map((r) => fromRequested(r, generated, viewer, people))];
}
