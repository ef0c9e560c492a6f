/**
 * The blocked-dependency alert (who needs what from whom, since when, the owners, links to
 * Jira) and its resolved version, which replaces it in place when the dependency is unblocked.
 */
import { describeDeliverable, describeImpact, describeNeed } from '@okr-bridge/core';
import type { DependencyWire as DependencyView } from './wire';
import { card, cardDate, cardInstant, cardSentence, container, execute, facts, heading, listLabel, openUrl, plain, text, TONE_COLORS, TONE_STYLES, VERBS, type AdaptiveCard, type CardElement } from './elements';
import type { PeopleIndex } from '@okr-bridge/core/present';
import { createMentioner, type MentionablePerson } from './mentions';

function deliverableLines(dependency: DependencyView): CardElement[] {
  return dependency.deliverables.map((d) => {
    const key = d.url ? `[${d.key}](${d.url})` : d.key;
    return text(`${key}: ${cardSentence(describeDeliverable(d))}`, { spacing: 'Small' });
  });
}

function jiraLink(dependency: DependencyView): CardElement[] {
  const url = dependency.deliverables.find((d) => d.url)?.url;
  return url ? [openUrl('Open in Jira', url)] : [];
}

export interface AlertCardOptions {
  /** When the dependency became blocked (the event's time). */
  readonly since: string;
  /** Set once someone acknowledged the alert. */
  readonly acknowledgedBy?: { readonly name: string; readonly at: string };
  /** People the bot has seen in the conversation the card goes to: owners among them are mentioned (notified). */
  readonly people?: readonly MentionablePerson[];
  /** The people the Jira app sent for the dependency's owners (names, emails where revealed). */
  readonly named?: PeopleIndex;
}

/** The alert sent to the channels of both departments when a dependency becomes blocked. */
export function buildAlertCard(dependency: DependencyView, options: AlertCardOptions): AdaptiveCard {
  const { needs, provider } = dependency;
  const mentioner = createMentioner(options.people ?? [], options.named);
  const needsOwner = needs.owner ? mentioner.label(needs.owner) : 'not named';
  const owners = listLabel(provider.owners.map((o) => mentioner.label(o)));
  const body: CardElement[] = [
    container([heading(`Blocked: ${plain(dependency.title)}`, 'Attention'), text(`${plain(describeNeed(dependency))}.`)], 'attention'),
    facts([
      ['Needed for', plain(needs.krTitle)],
      ['Needed by', `${plain(needs.departmentName)}, owner ${needsOwner}`],
      ['Delivered by', `${plain(provider.departmentName)}, owners ${owners}`],
      ['Blocked since', cardInstant(options.since)],
      ['Due', dependency.due ? cardDate(dependency.due) : 'no due date'],
    ]),
    // Each deliverable's line says why it blocks: a "Why" fact would say it again.
    ...deliverableLines(dependency),
  ];
  const impact = describeImpact(dependency);
  if (impact) body.push(text(plain(impact), { weight: 'Bolder' }));
  if (options.acknowledgedBy) body.push(text(`Acknowledged by ${plain(options.acknowledgedBy.name)} on ${cardInstant(options.acknowledgedBy.at)}`, { subtle: true }));
  const data = { dependency: dependency.id, since: options.since };
  const actions = [
    ...(options.acknowledgedBy ? [] : [execute('Acknowledge', VERBS.acknowledge, data, 'positive')]),
    ...jiraLink(dependency),
    execute('Add to agenda', VERBS.addToAgenda, { subject: agendaSubjectOf(dependency), title: dependency.title, scope: needs.department }),
  ];
  return card(body, actions, mentioner.entities());
}

/**
 * What "Add to agenda" files a dependency under: the id of the item the review agenda lists
 * for a blocked dependency, so that a request for an item already there is known as such.
 */
export function agendaSubjectOf(dependency: Pick<DependencyView, 'id'>): string {
  return `blocked-dependency:${dependency.id}`;
}

/** The line under "Unblocked": what the dependency is now, in words that match its tone. */
function resolvedLine(dependency: DependencyView): string {
  const { needs, provider } = dependency;
  const whose = `${plain(provider.departmentName)}'s deliverables for ${plain(needs.departmentName)}`;
  switch (dependency.state) {
    case 'done':
      return `${whose} are done.`;
    case 'at-risk':
      return `${whose} are no longer blocked but still at risk: ${cardSentence(dependency.reason)}.`;
    default:
      return `${whose} are moving again.`;
  }
}

/**
 * What replaces the alert once the dependency is no longer blocked, in the tone of its new
 * state: green when done or moving again, amber when still at risk (a due date near or past).
 */
export function buildResolvedAlertCard(dependency: DependencyView, options: { readonly since: string | null; readonly resolvedAt: string }): AdaptiveCard {
  const { needs } = dependency;
  const tone = dependency.tone === 'neutral' ? 'good' : dependency.tone;
  return card(
    [
      container([heading(`Unblocked: ${plain(dependency.title)}`, TONE_COLORS[tone]), text(resolvedLine(dependency))], TONE_STYLES[tone]),
      facts([
        ['Needed for', plain(needs.krTitle)],
        ['Was blocked', options.since ? `from ${cardInstant(options.since)} to ${cardInstant(options.resolvedAt)}` : `until ${cardInstant(options.resolvedAt)}`],
        ['Now', cardSentence(dependency.reason)],
      ]),
      ...deliverableLines(dependency),
    ],
    jiraLink(dependency),
  );
}
