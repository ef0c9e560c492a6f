/**
 * The tab names owners picked in Jira (stored as account ids) by the people the Jira app sent:
 * a key result's row and the Review view's entries show the name, never the id.
 */
import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { buildDepartmentView, departmentViewSchema, evaluateOrg, indexPeople, reviewAgendaSchema } from '@okr-bridge/core';
import { loadAcmeExample } from '../../../../dev/forge-webtrigger';
import { reviewEntriesOf } from '../review-entries';
import { KrRow } from './kr-row';

// The tab's build resolves every `react` to teams-app's own (build-tab.ts aliases it); so does this test, for Fluent too.
jest.mock('../../../../node_modules/react', () => jest.requireActual('react'));
jest.mock('../../../../node_modules/react/jsx-runtime', () => jest.requireActual('react/jsx-runtime'));
jest.mock('../../../../node_modules/react-dom', () => jest.requireActual('react-dom'));

// Jest compiles JSX with the classic runtime (React.createElement); the tab's build uses the automatic one.
(globalThis as { React?: typeof React }).React = React;

const ANA = '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9';
const ZOE = '712020:8f3c1a22-5b6d-4e7f-9a0b-1c2d3e4f5a6b';
const { org, issues } = loadAcmeExample();
const evaluation = evaluateOrg(org, issues, { at: '2026-11-15', agenda: { scope: { kind: 'department', id: 'eng' } } });
const withAccounts = <T,>(view: T): T => JSON.parse(JSON.stringify(view).replaceAll('ana@acme.example', ANA).replaceAll('zoe@acme.example', ZOE)) as T;
const eng = withAccounts(departmentViewSchema.parse(buildDepartmentView(org, evaluation, 'eng')));
const kr = eng.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'eng-o1-kr1')!;
const people = [
  { id: ANA, displayName: 'Ana Costa' },
  { id: ZOE, displayName: 'Zoe Martin', email: 'zoe@acme.example' },
];

const row = (named: ReturnType<typeof indexPeople>) =>
  renderToStaticMarkup(<KrRow kr={kr} cycle={eng.cycle} expectedLabel={eng.expectedLabel} trend={undefined} mine={false} people={named} />);

describe('the tab for owners picked as accounts', () => {
  it("shows a key result's owner by name in its row", () => {
    expect(kr.owner).toBe(ANA);
    const html = row(indexPeople(people));
    expect(html).toContain(`Ana Costa · ${kr.valueLabel}`);
    expect(html).not.toContain(ANA);
  });

  it('shows "someone in Jira", not the id, when the Jira app sent no name', () => {
    const html = row(new Map());
    expect(html).toContain(`someone in Jira · ${kr.valueLabel}`);
    expect(html).not.toContain(ANA);
  });

  it("names presenters and the owners in the Review view's entries", () => {
    const agenda = withAccounts(reviewAgendaSchema.parse(evaluation.agenda));
    const entries = reviewEntriesOf({ agenda, requested: [], people }, { locale: 'en-GB', timeZone: 'UTC' });
    const sso = entries.find((e) => e.id.includes('dep-sso'))!;
    expect(sso.detail).toContain('(owner Zoe Martin) waits on it.');
    expect(JSON.stringify(entries)).not.toMatch(/712020:/);
  });
});

describe('the tab for owners written as emails that Jira shows on a person', () => {
  // As the Jira app sends them: the views keep the emails; each person's id is the email as stored.
  const byEmail = [
    { id: 'ana@acme.example', displayName: 'Ana Costa', email: 'ana@acme.example' },
    { id: 'raj@acme.example', displayName: 'Raj Patel', email: 'raj@acme.example' },
    { id: 'zoe@acme.example', displayName: 'Zoe Adams', email: 'zoe@acme.example' },
  ];
  const engByEmail = departmentViewSchema.parse(buildDepartmentView(org, evaluation, 'eng'));
  const krByEmail = engByEmail.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'eng-o1-kr1')!;

  it("shows a key result's owner by name in its row, and one nobody was sent for as written", () => {
    expect(krByEmail.owner).toBe('ana@acme.example');
    const html = (named: ReturnType<typeof indexPeople>) => renderToStaticMarkup(<KrRow kr={krByEmail} cycle={engByEmail.cycle} expectedLabel={engByEmail.expectedLabel} trend={undefined} mine={false} people={named} />);
    expect(html(indexPeople(byEmail))).toContain(`Ana Costa · ${krByEmail.valueLabel}`);
    expect(html(new Map())).toContain(`ana@acme.example · ${krByEmail.valueLabel}`);
  });

  it("names the Review view's presenters and the owners its sentences name", () => {
    const entries = reviewEntriesOf({ agenda: reviewAgendaSchema.parse(evaluation.agenda), requested: [], people: byEmail }, { locale: 'en-GB', timeZone: 'UTC' });
    const sso = entries.find((e) => e.id.includes('dep-sso'))!;
    expect(sso.detail).toContain('(owner Zoe Adams) waits on it.');
    expect(JSON.stringify(entries)).toContain('Raj Patel');
    expect(JSON.stringify(entries)).not.toMatch(/(ana|raj|zoe)@acme\.example/);
  });
});
