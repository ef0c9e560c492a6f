import { evaluateOrg, reviewAgendaSchema } from '@okr-bridge/core';
import { loadAcmeExample } from '../../../dev/forge-webtrigger';
import { REQUESTED_LABEL, reviewEntriesOf } from './review-entries';

const { org, issues } = loadAcmeExample();
const agenda = reviewAgendaSchema.parse(evaluateOrg(org, issues, { at: '2026-11-15', agenda: { scope: { kind: 'department', id: 'eng' } } }).agenda);
const sso = agenda.items.find((i) => i.id === 'blocked-dependency:dep-sso')!;
const atRisk = agenda.items.find((i) => i.kind === 'at-risk-kr')!;

describe('reviewEntriesOf', () => {
  test("lists the generated items first, then the requested ones marked as such with who asked and when (in the viewer's words), never an item twice", () => {
    const entries = reviewEntriesOf({
      agenda,
      requested: [
        { id: 'requested:dependency:dep-sso', subject: 'dependency:dep-sso', title: 'SSO (from an alert)', requestedBy: 'Ann Lee', requestedAt: '2026-11-14T16:05:00.000Z', minutes: 3 },
        { id: 'requested:blocked-dependency:dep-sso', subject: 'blocked-dependency:dep-sso', title: 'SSO', requestedBy: 'Ann Lee', requestedAt: '2026-11-14T16:05:00.000Z', minutes: 3 },
        { id: `requested:kr:${atRisk.subject}`, subject: `kr:${atRisk.subject}`, title: 'SSO again', requestedBy: 'Ann Lee', requestedAt: '2026-11-14T16:05:00.000Z', minutes: 3 },
        { id: 'requested:note:x', subject: 'note:x', title: 'Hiring plan', requestedBy: 'Bo', requestedAt: '2026-11-15T08:00:00.000Z', minutes: 3 },
      ],
    }, { locale: 'en-US', timeZone: 'America/New_York' });
    expect(entries.map((e) => e.id)).toEqual([...agenda.items.map((i) => i.id), `requested:kr:${atRisk.subject}`, 'requested:note:x']);
    expect(entries[0]).toEqual({ id: sso.id, title: sso.title, kindLabel: 'Blocked dependency', tone: 'attention', detail: sso.detail, presenter: sso.presenter, minutes: 5, links: sso.links, requested: null });
    const [again, hiring] = entries.slice(-2);
    // A request about something the agenda knows borrows its presenter and Jira links.
    expect(again).toEqual({
      id: `requested:kr:${atRisk.subject}`,
      title: 'SSO again',
      kindLabel: REQUESTED_LABEL,
      tone: 'neutral',
      detail: 'Added to this review with "Add to agenda" on a Teams card.',
      presenter: atRisk.presenter,
      minutes: 3,
      links: atRisk.links,
      requested: { by: 'Ann Lee', at: 'Nov 14, 2026, 11:05 AM' },
    });
    expect([hiring?.presenter, hiring?.links, hiring?.requested]).toEqual([null, [], { by: 'Bo', at: 'Nov 15, 2026, 3:00 AM' }]);
  });

  test('gives each item the tone of what its label says: a blocked dependency and an at-risk key result as their states, a check-in due a warning', () => {
    const entries = reviewEntriesOf({ agenda, requested: [] }, { locale: 'en-GB', timeZone: 'UTC' });
    const tones = new Map(entries.map((e) => [e.kindLabel, e.tone]));
    expect(Object.fromEntries(tones)).toMatchObject({ 'Blocked dependency': 'attention', 'At-risk key result': 'attention', Moved: 'neutral' });
    const due = reviewEntriesOf({ agenda: { ...agenda, items: [{ ...atRisk, id: 'stale-check-in:x', kind: 'stale-check-in' }] }, requested: [] }, { locale: 'en-GB', timeZone: 'UTC' });
    expect(due.map((e) => [e.kindLabel, e.tone])).toEqual([['Check-in due', 'warning']]);
  });
});
