/**
 * Cards that ask for input: which departments a channel follows, a check-in (value or done,
 * confidence, note, decision) and its answered version, help, and plain notices.
 */
import type { KrWire as KrView } from './wire';
import type { PeopleIndex } from '@okr-bridge/core/present';
import { ownerText } from './mentions';
import { card, cardSentence, container, execute, facts, heading, listLabel, plain, text, VERBS, type AdaptiveCard, type CardElement } from './elements';

export interface DepartmentChoice {
  readonly id: string;
  readonly name: string;
}

/** Asks which departments the channel follows (several allowed), current ones preselected. */
export function buildFollowPickerCard(departments: readonly DepartmentChoice[], followed: readonly string[]): AdaptiveCard {
  return card(
    [
      heading('Which departments does this channel follow?'),
      text('The channel gets an alert when work these departments need, or owe others, is blocked, and a weekly check-in reminder (Monday 09:00).'),
      {
        type: 'Input.ChoiceSet',
        id: 'departments',
        isMultiSelect: true,
        style: 'expanded',
        label: 'Departments',
        value: followed.join(','),
        choices: departments.map((d) => ({ title: d.name, value: d.id })),
      },
    ],
    [execute('Follow', VERBS.follow, {}, 'positive')],
  );
}

/** What the picker becomes once answered. */
export function buildFollowingCard(departments: readonly DepartmentChoice[], followed: readonly string[]): AdaptiveCard {
  const names = followed.map((id) => departments.find((d) => d.id === id)?.name ?? id);
  return card([heading('Departments followed'), text(followed.length ? `This channel follows ${plain(listLabel(names))}.` : 'This channel follows no department. Type `follow <department>` to start.')]);
}

const CONFIDENCE = [
  { title: 'High', value: 'high' },
  { title: 'Medium', value: 'medium' },
  { title: 'Low', value: 'low' },
];
const MILESTONE = [
  { title: 'Not done yet', value: 'false' },
  { title: 'Done', value: 'true' },
];

/**
 * The inputs of one key result's check-in, the fields of the Jira check-in dialog: a new
 * value for a metric or done for a milestone (never both), confidence, a note and a decision
 * to ask the review for.
 */
function checkInInputs(kr: KrView): CardElement[] {
  const value = kr.explain.value;
  const measure: CardElement =
    kr.kind === 'metric'
      ? {
          type: 'Input.Number',
          id: 'value',
          label: `New value${value?.unit ? ` (${value.unit})` : ''}`,
          isRequired: true,
          errorMessage: 'Enter the new value',
          ...(value ? { placeholder: `From ${value.start} to ${value.target ?? '?'}` } : {}),
        }
      : { type: 'Input.ChoiceSet', id: 'done', label: 'Milestone', isRequired: true, errorMessage: 'Say whether it is done', value: kr.progress >= 1 ? 'true' : 'false', choices: MILESTONE };
  return [
    measure,
    { type: 'Input.ChoiceSet', id: 'confidence', label: 'Confidence', value: 'medium', choices: CONFIDENCE },
    { type: 'Input.Text', id: 'note', label: 'Note', isMultiline: true, maxLength: 2000 },
    { type: 'Input.Text', id: 'decision', label: 'Decision to ask the review for', maxLength: 2000 },
  ];
}

/**
 * A check-in. With one key result that takes check-ins (or `kr` named), the form for it alone;
 * with several, each one with its value and a button that opens its form (the `stale` ones
 * first), so a metric's value and a milestone's done never share a form.
 */
export function buildCheckInCard(
  department: { readonly id: string; readonly name: string },
  krs: readonly KrView[],
  options: { readonly reminder?: boolean; readonly stale?: readonly string[]; readonly kr?: string; readonly named?: PeopleIndex } = {},
): AdaptiveCard {
  const named = options.named ?? new Map();
  const open = krs.filter((k) => k.checkInAllowed);
  const isStale = (k: KrView) => options.stale?.includes(k.id) ?? false;
  const title = options.reminder ? `Weekly check-in: ${plain(department.name)}` : `Check in: ${plain(department.name)}`;
  const one = options.kr === undefined ? (open.length === 1 ? open[0] : undefined) : open.find((k) => k.id === options.kr);
  if (options.kr !== undefined && !one) return card([heading(title), text('This key result does not take check-ins: it moves with Jira.')]);
  if (open.length === 0) return card([heading(title), text('No key result here takes check-ins: they all move with Jira.')]);
  if (one) {
    return card(
      [
        heading(`Check in: ${plain(one.title)}`),
        text(`Now ${plain(one.valueLabel)}: ${cardSentence(one.statusReason)}.`, { subtle: true }),
        ...checkInInputs(one),
      ],
      [execute('Check in', VERBS.checkIn, { department: department.id, kr: one.id }, 'positive')],
    );
  }
  const ordered = [...open.filter(isStale), ...open.filter((k) => !isStale(k))];
  const stale = ordered.filter(isStale);
  const body: CardElement[] = [heading(title)];
  if (stale.length) body.push(text(`Waiting for a check-in: ${stale.map((k) => `${plain(k.title)} (${k.owner ? ownerText(k.owner, named) : 'no owner'})`).join('; ')}.`));
  for (const k of ordered) {
    body.push(
      container([
        text(`**${plain(k.title)}**`),
        text(`${plain(k.valueLabel)}, ${k.progressLabel} (${k.statusLabel})${k.owner ? ` — ${ownerText(k.owner, named)}` : ''}`, { subtle: true, spacing: 'None' }),
        { type: 'ActionSet', actions: [execute('Check in', VERBS.checkInForm, { department: department.id, kr: k.id })] },
      ]),
    );
  }
  return card(body);
}

/** The check-in card once answered: the key result with its new value (and the decision asked for, if any). */
export function buildCheckedInCard(kr: KrView, by: string, note: string | undefined, decision?: string): AdaptiveCard {
  return card([
    heading(`Checked in: ${plain(kr.title)}`, 'Good'),
    facts([
      ['Now', `${plain(kr.valueLabel)}`],
      ['Progress', `${kr.progressLabel} (${kr.statusLabel}): ${cardSentence(kr.statusReason)}`],
      ['By', plain(by)],
      ...(note ? [['Note', plain(note)] as const] : []),
      ...(decision ? [['Decision asked', plain(decision)] as const] : []),
    ]),
  ]);
}

const COMMANDS: readonly (readonly [string, string])[] = [
  ['status [department]', 'progress of a department (or the company) against expected'],
  ['agenda [department|company]', 'the review agenda: blocked work first, then key results at risk'],
  ['blocked', 'every blocked cross-department dependency'],
  ['checkin [department]', 'check in on a metric or milestone key result (value or done, confidence, note, a decision to ask for)'],
  ['follow <department>', 'get alerts and check-in reminders for a department here'],
  ['unfollow <department>', 'stop them'],
  ['link <code>', 'link your Teams account to your Jira account, with the code from "Link Microsoft Teams" on a Jira OKR page, so your check-ins here count as yours'],
  ['connect <code>', 'admins: connect this Teams tenant to a Jira site with the one-time code from OKR settings in Jira'],
  ['help', 'this list'],
];

/** What the bot can do; also the answer to anything it does not understand. */
export function buildHelpCard(notice?: string): AdaptiveCard {
  return card([
    heading('OKR bot'),
    ...(notice ? [container([text(plain(notice))], 'warning')] : []),
    facts(COMMANDS.map(([c, what]) => [c, what])),
  ]);
}

/** A short notice (errors, confirmations) as a card, so every reply is a card. */
export function buildNoticeCard(title: string, message: string, tone: 'good' | 'warning' | 'attention' = 'warning'): AdaptiveCard {
  return card([container([heading(plain(title)), text(plain(message))], tone)]);
}
