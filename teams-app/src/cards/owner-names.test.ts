/**
 * Owners picked in Jira reach Teams as Atlassian account ids, with the people the Jira app sent
 * beside the view. Every card names them (never the id), and the alert mentions an owner only
 * when Jira revealed an email that matches someone the bot has seen.
 */
import { buildDependencyViews, buildDepartmentView, dependencyViewSchema, departmentViewSchema, evaluateOrg, indexPeople, reviewAgendaSchema, type BridgePerson } from '@okr-bridge/core';
import { loadAcmeExample } from '../../../dev/forge-webtrigger';
import { alertAddresses } from '../events/known-owners';
import { buildAlertCard } from './alert-card';
import { buildCheckInCard } from './interaction-cards';
import { buildAgendaCard, buildBlockedListCard, buildDepartmentStatusCard } from './view-cards';

const ANA = '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9';
const ZOE = '712020:8f3c1a22-5b6d-4e7f-9a0b-1c2d3e4f5a6b';
const RAJ = '5b10a2844c20165700ede21g';
const GONE = '712020:00000000-0000-4000-8000-000000000000';

const { org, issues } = loadAcmeExample();
const evaluation = evaluateOrg(org, issues, { at: '2026-11-15', agenda: { scope: { kind: 'department', id: 'eng' } } });

/** A view as the Jira app would send it had these owners been picked as accounts. */
function withAccounts<T>(view: T): T {
  return JSON.parse(JSON.stringify(view).replaceAll('ana@acme.example', ANA).replaceAll('zoe@acme.example', ZOE).replaceAll('raj@acme.example', RAJ)) as T;
}

/** What Jira said: Zoe lets others see her email, Ana and Raj do not. */
const people: BridgePerson[] = [
  { id: ANA, displayName: 'Ana Costa', avatarUrl: 'https://avatars.example/ana.png' },
  { id: ZOE, displayName: 'Zoe Martin', email: 'zoe@acme.example' },
  { id: RAJ, displayName: 'Raj Patel' },
];

const eng = withAccounts(departmentViewSchema.parse(buildDepartmentView(org, evaluation, 'eng')));
const blocked = withAccounts(buildDependencyViews(org, evaluation).map((d) => dependencyViewSchema.parse(d)).find((d) => d.id === 'dep-sso')!);
const agenda = withAccounts(reviewAgendaSchema.parse(evaluation.agenda));

const texts = (card: unknown) => JSON.stringify(card);

describe('cards for owners picked as accounts', () => {
  it("name a key result's owner on the department card and the check-in card, never the account id", () => {
    const kr = eng.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'eng-o1-kr1')!;
    expect(kr.owner).toBe(ANA);
    const status = buildDepartmentStatusCard({ ...eng, people });
    expect(texts(status)).toContain(`• ${kr.title}: ${kr.progressLabel} (${kr.statusLabel}) — ${kr.valueLabel}, Ana Costa`);
    expect(texts(status)).toContain('Owners: Raj Patel.');
    // As if it took check-ins, with a second one so the card lists them (and is waiting on Ana's).
    const open = { ...kr, checkInAllowed: true };
    const checkIn = buildCheckInCard(eng, [open, { ...open, id: 'other' }], { named: indexPeople(people), stale: [kr.id] });
    expect(texts(checkIn)).toContain(`Waiting for a check-in: ${kr.title} (Ana Costa).`);
    expect(texts(checkIn)).toContain(' — Ana Costa');
    for (const card of [status, checkIn]) expect(texts(card)).not.toMatch(/712020:|5b10a2844c/);
  });

  it('name presenters on the agenda and owners on the blocked list', () => {
    const agendaCard = buildAgendaCard({ ...agenda, people }, []);
    expect(agenda.items.some((i) => i.presenter === RAJ || i.presenter === ANA)).toBe(true);
    expect(texts(agendaCard)).not.toMatch(/712020:|5b10a2844c/);
    // Core's sentence names the needing key result's owner as stored; the card reads it as her name.
    expect(texts(agendaCard)).toContain('(owner Zoe Martin) waits on it.');
    const list = buildBlockedListCard([blocked], new Map(), indexPeople(people));
    expect(texts(list)).toContain('; owners Raj Patel.');
  });

  it('say "someone in Jira" for an account nobody named, rather than its id', () => {
    const card = buildDepartmentStatusCard({ ...eng, owners: [GONE], people });
    expect(texts(card)).toContain('Owners: someone in Jira.');
    expect(texts(card)).not.toContain(GONE);
  });
});

describe('the blocked-dependency alert for owners picked as accounts', () => {
  // Both are in the channel's roster: Zoe and Raj, by their work emails.
  const roster = [
    { id: '29:zoe', name: 'Zoe Martin', addresses: ['zoe@acme.example'] },
    { id: '29:raj', name: 'Raj Patel', addresses: ['raj@acme.example'] },
  ];
  const card = buildAlertCard(blocked, { since: '2026-11-15T09:00:00Z', people: roster, named: indexPeople(people) });
  const facts = (card.body.find((e) => e.type === 'FactSet') as { facts: { title: string; value: string }[] }).facts;

  it("mentions the owner whose Jira email matches a roster member's", () => {
    expect([blocked.needs.owner, blocked.provider.owners]).toEqual([ZOE, [RAJ]]);
    expect(facts.find((f) => f.title === 'Needed by')?.value).toBe('Sales, owner <at>Zoe Martin</at>');
    expect(card.msteams?.entities).toEqual([{ type: 'mention', text: '<at>Zoe Martin</at>', mentioned: { id: '29:zoe', name: 'Zoe Martin' } }]);
  });

  it('names, without mentioning, an owner whose email Jira hides, though the roster has someone of that name', () => {
    expect(facts.find((f) => f.title === 'Delivered by')?.value).toBe('Engineering, owners Raj Patel');
    expect(texts(card)).not.toContain(RAJ);
  });

  it('looks the roster up only by the addresses known: the revealed email, never an account id', () => {
    expect(alertAddresses(blocked, indexPeople(people))).toEqual(['zoe@acme.example']);
    expect(alertAddresses(blocked, new Map())).toEqual([]);
  });
});

describe('cards for owners written as emails that Jira shows on a person', () => {
  // As the Jira app sends them: the views keep the emails; each person's id is the email as stored.
  const byEmail: BridgePerson[] = [
    { id: 'ana@acme.example', displayName: 'Ana Costa', email: 'ana@acme.example', avatarUrl: 'https://avatars.example/ana.png' },
    { id: 'raj@acme.example', displayName: 'Raj Mehta', email: 'raj@acme.example' },
    { id: 'zoe@acme.example', displayName: 'Zoe Adams', email: 'zoe@acme.example' },
  ];
  const engByEmail = departmentViewSchema.parse(buildDepartmentView(org, evaluation, 'eng'));
  const blockedByEmail = buildDependencyViews(org, evaluation).map((d) => dependencyViewSchema.parse(d)).find((d) => d.id === 'dep-sso')!;
  const agendaByEmail = reviewAgendaSchema.parse(evaluation.agenda);

  it('name owners and presenters, and the owners core sentences name, instead of their emails', () => {
    expect(engByEmail.owners).toEqual(['raj@acme.example']);
    const status = buildDepartmentStatusCard({ ...engByEmail, people: byEmail });
    expect(texts(status)).toContain('Owners: Raj Mehta.');
    expect(texts(status)).toContain(', Ana Costa');
    expect(texts(status)).not.toMatch(/(ana|raj)@acme\.example/);
    const agendaCard = buildAgendaCard({ ...agendaByEmail, people: byEmail }, []);
    expect(texts(agendaCard)).toContain('(owner Zoe Adams) waits on it.');
    expect(texts(agendaCard)).not.toMatch(/(ana|raj|zoe)@acme\.example/);
  });

  it('name the alert\'s owners and still mention them by the email the org file stores', () => {
    const roster = [{ id: '29:zoe', name: 'Zoe Adams', addresses: ['zoe@acme.example'] }];
    const card = buildAlertCard(blockedByEmail, { since: '2026-11-15T09:00:00Z', people: roster, named: indexPeople(byEmail) });
    const facts = (card.body.find((e) => e.type === 'FactSet') as { facts: { title: string; value: string }[] }).facts;
    expect(facts.find((f) => f.title === 'Needed by')?.value).toBe('Sales, owner <at>Zoe Adams</at>');
    expect(facts.find((f) => f.title === 'Delivered by')?.value).toBe('Engineering, owners Raj Mehta');
    expect(card.msteams?.entities).toEqual([{ type: 'mention', text: '<at>Zoe Adams</at>', mentioned: { id: '29:zoe', name: 'Zoe Adams' } }]);
    expect(alertAddresses(blockedByEmail, indexPeople(byEmail))).toEqual(['zoe@acme.example', 'raj@acme.example']);
  });
});
