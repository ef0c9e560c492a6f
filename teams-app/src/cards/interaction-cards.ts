/**
 * Cards that ask for input: which departments a channel follows, a check-in (value or done,
 * confidence, note) and its answered version, help, and plain notices.
 */
import type { KrWire as KrView } from './wire';
import { card, container, execute, facts, heading, listLabel, plain, text, VERBS, type AdaptiveCard, type CardElement } from './elements';

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

/** A check-in form over the key results that take check-ins; `stale` ones are named first. */
export function buildCheckInCard(department: { readonly id: string; readonly name: string }, krs: readonly KrView[], options: { readonly reminder?: boolean; readonly stale?: readonly string[] } = {}): AdaptiveCard {
  const open = krs.filter((k) => k.checkInAllowed);
  const stale = open.filter((k) => options.stale?.includes(k.id));
  const body: CardElement[] = [heading(options.reminder ? `Weekly check-in: ${plain(department.name)}` : `Check in: ${plain(department.name)}`)];
  if (stale.length) {
    body.push(text(`Waiting for a check-in: ${stale.map((k) => `${plain(k.title)} (${k.owner ?? 'no owner'})`).join('; ')}.`));
  }
  if (open.length === 0) {
    body.push(text('No key result here takes check-ins: they all move with Jira.'));
    return card(body);
  }
  body.push(
    { type: 'Input.ChoiceSet', id: 'kr', label: 'Key result', isRequired: true, errorMessage: 'Pick a key result', value: (stale[0] ?? open[0])!.id, choices: open.map((k) => ({ title: `${k.title} (${k.valueLabel})`, value: k.id })) },
    { type: 'Input.Number', id: 'value', label: 'New value (metric key results)', placeholder: 'e.g. 42' },
    { type: 'Input.Toggle', id: 'done', title: 'Done (milestone key results)', value: 'false', valueOn: 'true', valueOff: 'false' },
    {
      type: 'Input.ChoiceSet',
      id: 'confidence',
      label: 'Confidence',
      value: 'medium',
      choices: [
        { title: 'High', value: 'high' },
        { title: 'Medium', value: 'medium' },
        { title: 'Low', value: 'low' },
      ],
    },
    { type: 'Input.Text', id: 'note', label: 'Note', isMultiline: true, maxLength: 2000 },
  );
  return card(body, [execute('Check in', VERBS.checkIn, { department: department.id }, 'positive')]);
}

/** The check-in card once answered: the key result with its new value. */
export function buildCheckedInCard(kr: KrView, by: string, note: string | undefined): AdaptiveCard {
  return card([
    heading(`Checked in: ${plain(kr.title)}`, 'Good'),
    facts([
      ['Now', `${plain(kr.valueLabel)}`],
      ['Progress', `${kr.progressLabel} (${kr.statusLabel})`],
      ['By', plain(by)],
      ...(note ? [['Note', plain(note)] as const] : []),
    ]),
  ]);
}

const COMMANDS: readonly (readonly [string, string])[] = [
  ['status [department]', 'progress of a department (or the company) against expected'],
  ['agenda [department|company]', 'the review agenda: blocked work first, then key results at risk'],
  ['blocked', 'every blocked cross-department dependency'],
  ['follow <department>', 'get alerts and check-in reminders for a department here'],
  ['unfollow <department>', 'stop them'],
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
