/**
 * What each card action does, whichever way it arrives (Action.Execute invoke or the
 * Action.Submit fallback). Inputs are validated with zod; the answer is a card that replaces
 * the one clicked (for everyone when `shared`) or a short message to the person who clicked.
 */
import { aadObjectIdSchema, agendaPlaceOf, dependenciesAnswerOf, findAgendaItem, indexPeople } from '@okr-bridge/core';
import { z } from 'zod';
import { buildAlertCard, buildResolvedAlertCard } from '../cards/alert-card';
import { VERBS, type AdaptiveCard } from '../cards/elements';
import { buildCheckedInCard, buildCheckInCard, buildFollowingCard, buildNoticeCard } from '../cards/interaction-cards';
import { knownOwners } from '../events/known-owners';
import { setFollows } from './follows';
import { resolveMember, type RosterScope, type TurnRoster } from './roster';
import { forgeFor, forgeProblem, NOT_CONNECTED, type BotServices, type TurnInfo } from './services';

export type ActionResult = { readonly kind: 'card'; readonly card: AdaptiveCard; readonly shared: boolean } | { readonly kind: 'message'; readonly text: string };

const message = (text: string): ActionResult => ({ kind: 'message', text });
const problemText = (outcome: Parameters<typeof forgeProblem>[0]) => (outcome.kind === 'refused' ? `Jira said no: ${outcome.message}` : `Jira did not answer: ${outcome.message}`);

const followData = z.object({ departments: z.string().optional().default('') });
const acknowledgeData = z.object({ dependency: z.string().min(1), since: z.string().min(1) });
const agendaData = z.object({ subject: z.string().min(1).max(300), title: z.string().min(1).max(500), scope: z.string().min(1).max(200) });
/** Ids sent on to Forge are bounded as the bridge contract bounds them (1 to 200 characters). */
const idOf = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` }).max(200, { error: `expected ${what} of at most 200 characters` });
const formData = z.object({ department: idOf('a department id'), kr: idOf('a key result').optional() });
const checkInData = z.object({
  department: idOf('a department id'),
  kr: idOf('a key result'),
  value: z.union([z.number(), z.string()]).optional(),
  done: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  confidence: z.enum(['low', 'medium', 'high']).optional(),
  note: z.string().max(2000).optional(),
  decision: z.string().max(2000).optional(),
});

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` : 'invalid input';
}

/** The roster of the turn's conversation, for knowing who clicked. */
export interface ActionRoster {
  readonly roster: TurnRoster;
  readonly scope: RosterScope;
}

/** Runs the action `verb` with the card's `data` (inputs included). */
export async function runCardAction(services: BotServices, turn: TurnInfo, verb: string, data: unknown, who?: ActionRoster): Promise<ActionResult> {
  const forge = await forgeFor(services, turn.tenantId);
  if (!forge) return message(NOT_CONNECTED);
  switch (verb) {
    case VERBS.follow: {
      const parsed = followData.safeParse(data ?? {});
      if (!parsed.success) return message(`Expected departments to follow: ${firstIssue(parsed.error)}`);
      const listed = await forge.call({ action: 'departments' });
      if (listed.kind !== 'ok') return message(problemText(listed));
      const wanted = parsed.data.departments.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = wanted.filter((id) => !listed.data.departments.some((d) => d.id === id));
      if (unknown.length) return message(`Expected department ids, got ${unknown.join(', ')}`);
      const followed = await setFollows(services, turn.conversationId, wanted);
      return { kind: 'card', card: buildFollowingCard(listed.data.departments, followed), shared: true };
    }
    case VERBS.acknowledge: {
      const parsed = acknowledgeData.safeParse(data);
      if (!parsed.success) return message(`Expected the dependency to acknowledge: ${firstIssue(parsed.error)}`);
      const answer = await forge.call({ action: 'dependencies', withPeople: true });
      if (answer.kind !== 'ok') return message(problemText(answer));
      const { dependencies, people: sent } = dependenciesAnswerOf(answer.data);
      const named = indexPeople(sent);
      const dependency = dependencies.find((d) => d.id === parsed.data.dependency);
      if (!dependency) return message(`Jira no longer knows the dependency ${parsed.data.dependency}.`);
      const at = new Date(services.nowMs()).toISOString();
      // The acknowledged card keeps mentioning the owners seen here, as the alert did.
      const people = dependency.state === 'blocked' ? ((await knownOwners(services.store, [turn.conversationId], dependency, named)).get(turn.conversationId) ?? []) : [];
      const card =
        dependency.state === 'blocked'
          ? buildAlertCard(dependency, { since: parsed.data.since, acknowledgedBy: { name: turn.userName, at }, people, named })
          : buildResolvedAlertCard(dependency, { since: parsed.data.since, resolvedAt: at });
      return { kind: 'card', card, shared: true };
    }
    case VERBS.addToAgenda: {
      const parsed = agendaData.safeParse(data);
      if (!parsed.success) return message(`Expected what to add to the agenda: ${firstIssue(parsed.error)}`);
      // What the review already lists is not asked for twice: the generated agenda is read first.
      const agenda = await forge.call({ action: 'agenda', department: parsed.data.scope });
      if (agenda.kind !== 'ok') return message(problemText(agenda));
      const listed = findAgendaItem(agenda.data, parsed.data.subject);
      if (listed) return message(`Already on the ${agenda.data.title} agenda (${agendaPlaceOf(agenda.data, listed)}): ${listed.title}`);
      const added = await services.store.addAgendaRequest({ tenantId: turn.tenantId, ...parsed.data, addedBy: turn.userName, addedAt: services.nowMs() });
      return message(`${added ? 'Added to' : 'Already on'} the ${agenda.data.title} agenda: ${parsed.data.title}`);
    }
    case VERBS.checkInForm: {
      const parsed = formData.safeParse(data);
      if (!parsed.success) return message(`Expected a department: ${firstIssue(parsed.error)}`);
      const view = await forge.call({ action: 'department', department: parsed.data.department });
      if (view.kind !== 'ok') return message(problemText(view));
      const stale = view.data.lint.filter((f) => f.code === 'stale-check-in').map((f) => f.subject);
      const kr = parsed.data.kr;
      return { kind: 'card', card: buildCheckInCard(view.data, view.data.objectives.flatMap((o) => o.keyResults), { stale, named: indexPeople(view.data.people), ...(kr ? { kr } : {}) }), shared: false };
    }
    case VERBS.checkIn:
      return checkIn(services, turn, forge, data, who);
    default:
      return message(`Expected one of the actions ${Object.values(VERBS).join(', ')}, got "${verb}".`);
  }
}

/** Who checked in, as the contract takes it: trimmed, 1 to 200 characters. */
export function authorOf(turn: TurnInfo): string {
  return (turn.userName.trim() || 'someone').slice(0, 200);
}

/** Who the sender is, as Teams' roster says: their email (else UPN) and Entra object id. */
export interface VerifiedSender {
  readonly address?: string;
  readonly aadObjectId?: string;
}

/**
 * The sender as Teams' roster API gives them for this conversation (cached, bot/roster.ts):
 * email (else UPN) and Entra object id; nothing when the roster does not know them or cannot
 * be read now, or when the activity did not come through Teams (other channels, such as Web
 * Chat, let their clients write `from`). Forge checks the address against the key result's
 * owners, and the object id against the Jira account it is linked to.
 */
export async function verifiedSenderOf(services: BotServices, turn: TurnInfo, who: ActionRoster | undefined): Promise<VerifiedSender> {
  if (!turn.userId || !who || turn.channelId !== 'msteams') return {};
  let member;
  try {
    member = await resolveMember(services.store, who.roster, who.scope, turn.userId, services.nowMs());
  } catch (error) {
    services.log?.(`bot: roster lookup of ${turn.userId} failed: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
  const address = member?.email ?? member?.upn ?? undefined;
  const aadObjectId = member?.aadObjectId && aadObjectIdSchema.safeParse(member.aadObjectId).success ? member.aadObjectId : undefined;
  return { ...(address ? { address } : {}), ...(aadObjectId ? { aadObjectId } : {}) };
}

async function checkIn(services: BotServices, turn: TurnInfo, forge: NonNullable<Awaited<ReturnType<typeof forgeFor>>>, data: unknown, who: ActionRoster | undefined): Promise<ActionResult> {
  const parsed = checkInData.safeParse(data);
  if (!parsed.success) return message(`Check-in not saved: ${firstIssue(parsed.error)}`);
  const { kr, confidence } = parsed.data;
  const rawValue = parsed.data.value;
  const value = rawValue === undefined || rawValue === '' ? undefined : Number(rawValue);
  if (value !== undefined && !Number.isFinite(value)) return message(`Check-in not saved: expected a number, got "${String(rawValue)}"`);
  const done = parsed.data.done === undefined ? undefined : parsed.data.done === true || parsed.data.done === 'true';
  const note = parsed.data.note?.trim() || undefined;
  const decision = parsed.data.decision?.trim() || undefined;
  if (value === undefined && done === undefined) return message('Check-in not saved: expected a value (metric) or done (milestone)');
  const author = authorOf(turn);
  const sender = await verifiedSenderOf(services, turn, who);
  const authorEmail = sender.address;
  const outcome = await forge.call({
    action: 'check-in',
    kr,
    ...(value !== undefined ? { value } : { done }),
    ...(confidence ? { confidence } : {}),
    ...(note ? { note } : {}),
    ...(decision ? { decision } : {}),
    author,
    ...(authorEmail ? { authorEmail } : {}),
    ...(sender.aadObjectId ? { authorAadObjectId: sender.aadObjectId } : {}),
  });
  if (outcome.kind !== 'ok') {
    // A card to the person who clicked (not shared): what Jira said, and who Teams says they are.
    const who = authorEmail ? `Teams' roster lists you as ${authorEmail}.` : "Teams' roster gave no email for you.";
    const text = outcome.kind === 'refused' ? `Jira said no: ${outcome.message}. ${who}` : `Jira did not answer: ${outcome.message}. Try again in a minute.`;
    return { kind: 'card', card: buildNoticeCard('Check-in not saved', text, outcome.kind === 'refused' ? 'warning' : 'attention'), shared: false };
  }
  return { kind: 'card', card: buildCheckedInCard(outcome.data.kr, author, note, decision), shared: true };
}
