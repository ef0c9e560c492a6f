/**
 * Cards that show the core's views: a department's status, a review agenda (with items added
 * from Teams) and the list of blocked dependencies.
 */
import type { AgendaWire as ReviewAgenda, CompanyWire as CompanyView, DepartmentWire as DepartmentView, DependencyWire as DependencyView } from './wire';
import type { AgendaRequest } from '../store/port';
import { describeNeed } from '@okr-bridge/core';
import { indexPeople, nameOwnersIn, type OwnerPerson, type PeopleIndex } from '@okr-bridge/core/present';
import { card, cardDate, cardInstant, cardSentence, container, execute, facts, heading, listLabel, openUrl, plain, text, TONE_COLORS, VERBS, type AdaptiveCard, type CardElement } from './elements';
import { ownerText } from './mentions';

/** A view with the people its owners name, as the Jira app sends it. */
type Naming<T> = T & { readonly people?: readonly OwnerPerson[] | undefined };

/** A department's OKRs: progress against expected, each objective and key result, blocked work. */
export function buildDepartmentStatusCard(view: Naming<DepartmentView>): AdaptiveCard {
  const named = indexPeople(view.people);
  const body: CardElement[] = [
    heading(`${plain(view.name)}: ${view.progressLabel} (${view.statusLabel})`, TONE_COLORS[view.tone]),
    text(`${cardSentence(view.statusReason)}. Cycle ${view.cycle.id}. Owners: ${listLabel(view.owners.map((o) => ownerText(o, named)))}.`, { subtle: true }),
  ];
  for (const o of view.objectives) {
    body.push(
      container([
        text(`**${plain(o.title)}** — ${o.progressLabel}, ${o.statusLabel}`),
        ...o.keyResults.flatMap((kr) => [
          text(`• ${plain(kr.title)}: ${kr.progressLabel} (${kr.statusLabel}) — ${plain(kr.valueLabel)}${kr.owner ? `, ${ownerText(kr.owner, named)}` : ''}`, { spacing: 'Small' }),
          // Why a key result needs attention, in the sentence every surface shows.
          ...(kr.tone === 'good' ? [] : [text(cardSentence(kr.statusReason), { subtle: true, spacing: 'None' })]),
        ]),
      ]),
    );
  }
  const blocked = view.incoming.filter((d) => d.state === 'blocked');
  if (blocked.length) body.push(container([text(`**Blocked:** ${blocked.map((d) => `${plain(d.title)} (from ${plain(d.provider.departmentName)})`).join('; ')}`)], 'attention'));
  const checkIns = view.objectives.some((o) => o.keyResults.some((k) => k.checkInAllowed));
  return card(body, checkIns ? [execute('Check in', VERBS.checkInForm, { department: view.id })] : []);
}

/** The company roll-up, for `status` without a department. */
export function buildCompanyStatusCard(view: CompanyView): AdaptiveCard {
  return card([
    heading(`${plain(view.name)}: ${view.progressLabel} (${view.statusLabel})`, TONE_COLORS[view.tone]),
    text(`${cardSentence(view.statusReason)}. Cycle ${view.cycle.id}.`, { subtle: true }),
    facts(view.departments.map((d) => [plain(d.name), `${d.progressLabel}, ${d.statusLabel}${d.blocked ? `, ${d.blocked} blocked` : ''}`])),
  ]);
}

/** The review agenda, time-boxed, with what people added from Teams at the end. */
export function buildAgendaCard(agenda: Naming<ReviewAgenda>, added: readonly AgendaRequest[]): AdaptiveCard {
  const named = indexPeople(agenda.people);
  const body: CardElement[] = [heading(plain(agenda.title)), text(`Since ${cardDate(agenda.since)}, ${agenda.meetingMinutes} minutes, ${agenda.bufferMinutes} spare.`, { subtle: true })];
  agenda.items.forEach((item, i) => {
    const links = item.links.filter((l) => l.url).map((l) => `[${l.label}](${l.url})`);
    body.push(
      container([
        text(`**${i + 1}. ${cardSentence(item.title)}** — ${item.minutes} min${item.presenter ? `, ${ownerText(item.presenter, named)}` : ''}`),
        text(`${cardSentence(nameOwnersIn(item.detail, named))}${links.length ? ` ${links.join(' ')}` : ''}`, { subtle: true, spacing: 'None' }),
      ], item.kind === 'blocked-dependency' ? 'attention' : undefined),
    );
  });
  if (agenda.items.length === 0) body.push(text('Nothing needs the meeting: no blocked work, no key result at risk.'));
  if (agenda.overflow.length) body.push(text(`Did not fit: ${agenda.overflow.map((o) => plain(o.title)).join('; ')}`, { subtle: true }));
  if (added.length) {
    body.push(text('**Added from Teams**'));
    for (const a of added) body.push(text(`• ${plain(a.title)} (added by ${plain(a.addedBy)})`, { spacing: 'Small' }));
  }
  return card(body);
}

/** Every blocked dependency, who needs what from whom. */
export function buildBlockedListCard(dependencies: readonly DependencyView[], since: ReadonlyMap<string, string> = new Map(), named: PeopleIndex = new Map()): AdaptiveCard {
  const blocked = dependencies.filter((d) => d.state === 'blocked');
  if (blocked.length === 0) return card([heading('Nothing is blocked', 'Good'), text('No cross-department dependency is blocked right now.')]);
  const body: CardElement[] = [heading(`${blocked.length} blocked ${blocked.length === 1 ? 'dependency' : 'dependencies'}`, 'Attention')];
  const actions: CardElement[] = [];
  for (const d of blocked) {
    const when = since.get(d.id);
    body.push(
      container([
        text(`**${plain(describeNeed(d))}**`),
        text(`${d.deliverables.map((x) => (x.url ? `[${x.key}](${x.url})` : x.key)).join(', ')}; owners ${listLabel(d.provider.owners.map((o) => ownerText(o, named)))}${when ? `; blocked since ${cardInstant(when)}` : ''}.`, { spacing: 'None' }),
        text(cardSentence(d.reason), { subtle: true, spacing: 'None' }),
      ], 'attention'),
    );
  }
  const first = blocked[0]!.deliverables.find((x) => x.url)?.url;
  if (first) actions.push(openUrl('Open in Jira', first));
  return card(body, actions);
}
