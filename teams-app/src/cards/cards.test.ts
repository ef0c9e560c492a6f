import {
  buildCompanyView,
  buildDependencyViews,
  buildDepartmentView,
  companyViewSchema,
  describeDeliverable,
  describeNeed,
  describeImpact,
  departmentViewSchema,
  dependencyViewSchema,
  evaluateOrg,
  reviewAgendaSchema,
} from '@okr-bridge/core';
import { loadAcmeExample } from '../../../dev/forge-webtrigger';
import { buildAlertCard, buildResolvedAlertCard } from './alert-card';
import { cardDate, cardInstant, execute, VERBS } from './elements';
import { buildCheckedInCard, buildCheckInCard, buildFollowingCard, buildFollowPickerCard, buildHelpCard, buildNoticeCard } from './interaction-cards';
import { renderCardTexts, validateAdaptiveCards } from './testing/validate-card';
import { buildAgendaCard, buildBlockedListCard, buildCompanyStatusCard, buildDepartmentStatusCard } from './view-cards';

const { org, issues } = loadAcmeExample();
const at = '2026-11-15';
const evaluation = evaluateOrg(org, issues, { at, agenda: { scope: { kind: 'department', id: 'eng' } } });
// Views as the bot receives them: through the wire schemas.
const dependencies = buildDependencyViews(org, evaluation).map((d) => dependencyViewSchema.parse(d));
const blocked = dependencies.find((d) => d.state === 'blocked')!;
const eng = departmentViewSchema.parse(buildDepartmentView(org, evaluation, 'eng'));
const company = companyViewSchema.parse(buildCompanyView(org, evaluation));
const agenda = reviewAgendaSchema.parse(evaluation.agenda);
const departments = org.departments.map((d) => ({ id: d.id, name: d.name }));
const krs = eng.objectives.flatMap((o) => o.keyResults);

// The owners of the first blocked dependency whom the bot has seen: Zoe (by email) and Raj (by UPN).
const people = [
  { id: '29:zoe', name: 'Zoe Martin', addresses: [blocked.needs.owner!] },
  { id: '29:raj', name: 'Raj *Patel*', addresses: ['someone-else@acme.example', blocked.provider.owners[0]!] },
];

const everyCard = {
  alert: buildAlertCard(blocked, { since: '2026-11-15T09:00:00Z' }),
  'alert, mentioning the owners': buildAlertCard(blocked, { since: '2026-11-15T09:00:00Z', people }),
  'alert, acknowledged': buildAlertCard(blocked, { since: '2026-11-15T09:00:00Z', acknowledgedBy: { name: 'Ann', at: '2026-11-15T10:00:00Z' } }),
  resolved: buildResolvedAlertCard({ ...blocked, state: 'open', stateLabel: 'Open', tone: 'neutral' }, { since: '2026-11-15T09:00:00Z', resolvedAt: '2026-11-16T09:00:00Z' }),
  'department status': buildDepartmentStatusCard(eng),
  'company status': buildCompanyStatusCard(company),
  agenda: buildAgendaCard(agenda, [{ tenantId: 't', scope: 'eng', subject: 'dependency:x', title: 'API *launch*', addedBy: 'Ann', addedAt: 1 }]),
  blocked: buildBlockedListCard(dependencies, new Map([[blocked.id, '2026-11-15T09:00:00Z']])),
  'nothing blocked': buildBlockedListCard([]),
  'follow picker': buildFollowPickerCard(departments, ['eng']),
  following: buildFollowingCard(departments, ['eng', 'plat']),
  'check-in': buildCheckInCard({ id: 'eng', name: 'Engineering' }, krs),
  'check-in, metric': buildCheckInCard({ id: 'eng', name: 'Engineering' }, krs, { kr: 'eng-o2-kr2' }),
  'check-in, milestone': buildCheckInCard({ id: 'eng', name: 'Engineering' }, krs, { kr: 'eng-o1-kr3' }),
  'resolved, still at risk': buildResolvedAlertCard({ ...blocked, state: 'at-risk', stateLabel: 'At risk', tone: 'warning', reason: 'ENG-142: due 2026-11-20, in 5 days' }, { since: '2026-11-15T09:00:00Z', resolvedAt: '2026-11-16T09:00:00Z' }),
  'check-in reminder': buildCheckInCard({ id: 'eng', name: 'Engineering' }, krs, { reminder: true, stale: krs.filter((k) => k.checkInAllowed).map((k) => k.id) }),
  'checked in': buildCheckedInCard(krs.find((k) => k.checkInAllowed)!, 'Ann', 'on track'),
  help: buildHelpCard('I did not understand "hello".'),
  notice: buildNoticeCard('Not connected', 'An admin types connect <code>.'),
};

describe('every card the bot sends', () => {
  const names = Object.keys(everyCard);
  const broken = [
    { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text' }] },
    { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'NoSuchElement' }] },
  ];
  const results = validateAdaptiveCards([...Object.values(everyCard), ...broken]);

  it.each(names.map((name, i) => [name, i] as const))('%s parses as Adaptive Card 1.5 with no validation events', (_name, i) => {
    expect(results[i]).toEqual([]);
  });

  it('the validator does report broken cards (so an empty list means something)', () => {
    expect(results.slice(names.length).map((events) => events.length > 0)).toEqual([true, true]);
  });
});

describe('dates on cards', () => {
  it('are DATE() and TIME() functions over whole-second RFC 3339 instants, which Teams writes in the reader\'s locale; calendar dates at 10:00 UTC of their day', () => {
    expect(cardInstant('2026-11-15T09:00:00.123Z')).toBe('{{DATE(2026-11-15T09:00:00Z, SHORT)}}, {{TIME(2026-11-15T09:00:00Z)}}');
    expect(cardInstant('2026-11-15T10:00:00+01:00')).toBe('{{DATE(2026-11-15T09:00:00Z, SHORT)}}, {{TIME(2026-11-15T09:00:00Z)}}');
    expect(cardDate('2026-11-20')).toBe('{{DATE(2026-11-20T10:00:00Z, SHORT)}}');
    expect([cardInstant('soon'), cardDate('later')]).toEqual(['soon', 'later']);
  });

  it('render in the reader\'s locale and time zone: no ISO date is left on the alert, the resolved card or the agenda', () => {
    const cards = [everyCard['alert, acknowledged'], everyCard.resolved, everyCard.agenda];
    const [alert, resolved, agenda] = renderCardTexts(cards, { lang: 'en-US', timeZone: 'America/New_York' });
    expect(alert).toMatch(/Blocked sinceSun, Nov 15, 2026, 4:00\sAM/);
    expect(alert).toMatch(/Acknowledged by Ann on Sun, Nov 15, 2026, 5:00\sAM/);
    expect(resolved).toMatch(/from Sun, Nov 15, 2026, 4:00\sAM to Mon, Nov 16, 2026, 4:00\sAM/);
    expect(agenda).toMatch(/^.*Since [A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, 2026, /);
    for (const t of [alert, resolved, agenda]) expect(t).not.toMatch(/\{\{|\d{4}-\d{2}-\d{2}T/);
    // Another reader's time zone, another hour.
    const [berlin] = renderCardTexts([everyCard.alert], { lang: 'en-US', timeZone: 'Europe/Berlin' });
    expect(berlin).toMatch(/Blocked sinceSun, Nov 15, 2026, 10:00\sAM/);
  });

  it('leave no ISO date on any card as Teams renders it, inside core\'s sentences (a due day, a decision\'s day) included', () => {
    // The library renders no input in Node (it needs the DOM's form elements): the forms' texts are read from their JSON.
    const hasInputs = (c: unknown) => JSON.stringify(c).includes('"Input.');
    const names = (Object.keys(everyCard) as (keyof typeof everyCard)[]).filter((n) => !hasInputs(everyCard[n]));
    const rendered = renderCardTexts(names.map((n) => everyCard[n]), { lang: 'en-GB', timeZone: 'Europe/London' });
    const forms = (Object.keys(everyCard) as (keyof typeof everyCard)[]).filter((n) => hasInputs(everyCard[n]));
    const formTexts = forms.map((n) => JSON.stringify(everyCard[n].body).replace(/\{\{(DATE|TIME)\([^)]*\)\}\}/g, '…'));
    expect(names.length + forms.length).toBe(Object.keys(everyCard).length);
    const iso = [...names.map((n, i) => [n, rendered[i]!] as const), ...forms.map((n, i) => [n, formTexts[i]!] as const)]
      .map(([n, t]) => [n, t.match(/\d{4}-\d{2}-\d{2}/g) ?? []] as const)
      .filter(([, found]) => found.length > 0);
    expect(iso).toEqual([]);
    // The agenda's blocked item says when its deliverable is due, in the reader's words.
    expect(rendered[names.indexOf('agenda')]).toMatch(/Due [A-Z][a-z]{2}, Nov 20, 2026\./);
  });
});

describe('the alert card', () => {
  it('names who needs what from whom, since when and the owners, with the three actions', () => {
    const json = JSON.stringify(everyCard.alert);
    // Who needs what from whom, in the sentence the agenda, the tab and the blocked list say it with.
    expect(texts(everyCard.alert)).toContain(`${describeNeed(blocked)}.`);
    expect(describeNeed(blocked)).toBe('Sales needs Single sign-on and SCIM provisioning for enterprise deals from Engineering');
    expect(json).toContain('{{DATE(2026-11-15T09:00:00Z, SHORT)}}, {{TIME(2026-11-15T09:00:00Z)}}');
    for (const owner of blocked.provider.owners) expect(json).toContain(owner);
    expect(everyCard.alert.actions?.map((a) => a.title)).toEqual(['Acknowledge', 'Open in Jira', 'Add to agenda']);
    expect(everyCard['alert, acknowledged'].actions?.map((a) => a.title)).toEqual(['Open in Jira', 'Add to agenda']);
    // Each deliverable and the objectives put at risk, in core's words (the tab's Dependencies view says the same).
    const first = blocked.deliverables[0]!;
    expect(texts(everyCard.alert)).toContain(`[${first.key}](${first.url}): ${describeDeliverable(first)}`);
    expect(texts(everyCard.alert)).toContain(describeImpact(blocked));
  });

  it('says each fact once: the status of a blocked deliverable once, and why only in its line', () => {
    expect([blocked.reason, blocked.deliverables[0]!.key, blocked.deliverables[0]!.status]).toEqual(['ENG-142: status is Blocked', 'ENG-142', 'Blocked']);
    const all = texts(everyCard.alert).join('\n');
    expect(all).toContain(`[ENG-142](${blocked.deliverables[0]!.url}): Blocked\n`);
    expect(all).not.toContain('status is Blocked');
    const facts = (everyCard.alert.body.find((e) => e.type === 'FactSet') as { facts: { title: string }[] }).facts;
    expect(facts.map((f) => f.title)).toEqual(['Needed for', 'Needed by', 'Delivered by', 'Blocked since', 'Due']);
  });

  it('mentions the owners the bot has seen, with one Teams mention entity each, and keeps the others plain', () => {
    const mentioned = everyCard['alert, mentioning the owners'];
    const facts = (mentioned.body.find((e) => e.type === 'FactSet') as { facts: { title: string; value: string }[] }).facts;
    expect([blocked.id, blocked.needs.owner, blocked.provider.owners]).toEqual(['dep-sso', 'zoe@acme.example', ['raj@acme.example']]);
    expect(facts.filter((f) => f.title === 'Needed by' || f.title === 'Delivered by')).toEqual([
      { title: 'Needed by', value: 'Sales, owner <at>Zoe Martin</at>' },
      { title: 'Delivered by', value: 'Engineering, owners <at>Raj Patel</at>' },
    ]);
    expect(mentioned.msteams).toEqual({
      width: 'Full',
      entities: [
        { type: 'mention', text: '<at>Zoe Martin</at>', mentioned: { id: '29:zoe', name: 'Zoe Martin' } },
        { type: 'mention', text: '<at>Raj Patel</at>', mentioned: { id: '29:raj', name: 'Raj *Patel*' } },
      ],
    });
    expect(everyCard.alert.msteams).toEqual({ width: 'Full' });
    expect(JSON.stringify(everyCard.alert)).not.toContain('<at>');
  });

  it('gives every Action.Execute an Action.Submit fallback carrying the verb', () => {
    expect(execute('Acknowledge', VERBS.acknowledge, { dependency: 'd1' })).toEqual({
      type: 'Action.Execute',
      title: 'Acknowledge',
      verb: 'acknowledge',
      data: { dependency: 'd1' },
      fallback: { type: 'Action.Submit', title: 'Acknowledge', data: { dependency: 'd1', verb: 'acknowledge' } },
    });
  });
});

type Element = { type: string; id?: string; text?: string; color?: string; style?: string; items?: Element[]; actions?: { title: string; verb?: string; data?: unknown }[] };
/** Every element of a card body, containers opened. */
const elements = (body: readonly unknown[]): Element[] => (body as Element[]).flatMap((e) => [e, ...(e.items ? elements(e.items) : [])]);
const texts = (c: { body: unknown[] }) => elements(c.body).filter((e) => e.type === 'TextBlock').map((e) => e.text);
const inputs = (c: { body: unknown[] }) => elements(c.body).filter((e) => e.type.startsWith('Input.')).map((e) => e.id);

describe('cards name things, not ids', () => {
  it('say what a key result is called, never its id', () => {
    for (const name of ['alert', 'resolved', 'resolved, still at risk'] as const) expect(JSON.stringify(everyCard[name])).not.toContain(blocked.needs.kr);
    expect(JSON.stringify(everyCard.alert)).toContain(`"value":"${blocked.needs.krTitle}"`);
  });
});

describe('the unblocked card', () => {
  const heading = (c: { body: unknown[] }) => elements(c.body).find((e) => e.type === 'TextBlock' && e.text?.startsWith('Unblocked'))!;
  it('is green when the work moves again, and says so', () => {
    expect(heading(everyCard.resolved).color).toBe('Good');
    expect(texts(everyCard.resolved)).toContain("Engineering's deliverables for Sales are moving again.");
  });

  it('is amber, not green, when the dependency is still at risk, and says why', () => {
    expect(heading(everyCard['resolved, still at risk']).color).toBe('Warning');
    expect((everyCard['resolved, still at risk'].body[0] as Element).style).toBe('warning');
    expect(texts(everyCard['resolved, still at risk'])).toContain("Engineering's deliverables for Sales are no longer blocked but still at risk: ENG-142: due {{DATE(2026-11-20T10:00:00Z, SHORT)}}, in 5 days.");
    // A date inside core's sentence is one Teams writes in the reader's locale, like the Due fact.
    const words = texts(everyCard['resolved, still at risk']).map((t) => String(t).replace(/\{\{(DATE|TIME)\([^)]*\)\}\}/g, '…'));
    expect(words.filter((t) => /\d{4}-\d{2}-\d{2}/.test(t))).toEqual([]);
  });
});

describe('the status cards', () => {
  it("colour a status with core's tone and explain it in core's sentence", () => {
    const head = everyCard['department status'].body[0] as Element;
    expect([head.text, head.color]).toEqual([`Engineering: ${eng.progressLabel} (${eng.statusLabel})`, 'Good']);
    expect(texts(everyCard['department status'])).toContain(`${eng.statusReason}. Cycle 2026-Q4. Owners: raj@acme.example.`);
    const atRisk = krs.find((k) => k.id === 'eng-o3-kr1')!;
    expect(texts(everyCard['department status'])).toContain(atRisk.statusReason);
  });
});

describe('the check-in card', () => {
  it('lists the key results that take check-ins, each with a button that opens its own form', () => {
    const buttons = elements(everyCard['check-in'].body).filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions!);
    expect(buttons.map((b) => [b.verb, b.data])).toEqual(krs.filter((k) => k.checkInAllowed).map((k) => ['check-in-form', { department: 'eng', kr: k.id }]));
    expect(inputs(everyCard['check-in'])).toEqual([]);
  });

  it('asks a metric for its value and a milestone for done, never both, with the fields of the Jira dialog', () => {
    expect(inputs(everyCard['check-in, metric'])).toEqual(['value', 'confidence', 'note', 'decision']);
    expect(inputs(everyCard['check-in, milestone'])).toEqual(['done', 'confidence', 'note', 'decision']);
    const value = elements(everyCard['check-in, metric'].body).find((e) => e.id === 'value') as Element & { label: string };
    expect(value.label).toBe('New value (s)');
    expect(everyCard['check-in, milestone'].actions?.map((a) => a.data)).toEqual([{ department: 'eng', kr: 'eng-o1-kr3' }]);
  });
});
