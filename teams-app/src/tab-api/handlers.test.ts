import { buildDependencyViews, buildDepartmentView, departmentViewSchema, evaluateOrg, reviewAgendaSchema, type WebTriggerRequest } from '@okr-bridge/core';
import { randomUUID } from 'node:crypto';
import { loadAcmeExample, startWebTrigger, type RunningWebTrigger } from '../../../dev/forge-webtrigger';
import { createForgeClient, type ForgeClient } from '../forge/forge-client';
import type { AgendaRequest } from '../store/port';
import type { TabCaller } from './deps';
import { getAgenda, getDepartment, getDependencies, requestedItemId, reviewIdOf } from './handlers';
import { createMemoryReviewStore } from '../store/review-store';

const { org, issues } = loadAcmeExample();
const views = buildDependencyViews(org, evaluateOrg(org, issues, { at: '2026-11-15' }));

function callerAnswering(data: unknown, requests: readonly AgendaRequest[] = []): TabCaller {
  return {
    identity: { tenantId: 't', userId: 'u', name: 'Sofia', email: null },
    connection: { id: 'c', url: 'http://127.0.0.1:1', secret: 's' },
    space: 't/c',
    call: (async () => ({ kind: 'ok', data })) as unknown as TabCaller['call'],
    agendaRequests: async () => requests,
    version: async () => '0.0.0',
  };
}

/** The Jira app's own web trigger over the Acme demo, living at 2026-11-15 09:00 UTC. */
const AT = Date.parse('2026-11-15T09:00:00Z');
let jira: RunningWebTrigger;
let client: ForgeClient;
beforeAll(async () => {
  jira = await startWebTrigger({ clock: () => AT });
  const connection = await jira.connectTeams('http://127.0.0.1:1/api/events', 't');
  client = createForgeClient(connection, { nowMs: () => AT, newId: randomUUID });
});
afterAll(() => jira.close());

/** A caller whose Jira app is the app's web trigger over the Acme example, recording the scopes asked for. */
function acmeCaller(requests: readonly AgendaRequest[], scopes: string[], failing?: WebTriggerRequest['action']): TabCaller {
  return {
    ...callerAnswering(null),
    call: (async (request: WebTriggerRequest) => {
      if (request.action === failing) return { kind: 'unavailable', message: 'the Jira app did not answer within 10 s' };
      return client.call(request);
    }) as unknown as TabCaller['call'],
    agendaRequests: async (scope) => {
      scopes.push(scope);
      return requests.filter((r) => r.scope === scope);
    },
  };
}

const request = (scope: string, subject: string, title: string, addedBy: string, addedAt: string): AgendaRequest => ({ tenantId: 't', scope, subject, title, addedBy, addedAt: Date.parse(addedAt) });

describe('getDependencies', () => {
  test('puts blocked first even when the Jira app answers in another order, keeping its order within a state', async () => {
    const reply = await getDependencies(callerAnswering([...views].reverse()), createMemoryReviewStore(), Date.parse('2026-11-15T10:00:00Z'));
    if (reply.status !== 200) throw new Error(`expected 200, got ${reply.status}`);
    expect(reply.body.dependencies.map((d) => d.id)).toEqual([
      'dep-usage-metering',
      'dep-renewal-data',
      'dep-health-scores',
      'dep-sso',
      'dep-launch-specs',
      'dep-status-page',
      'dep-battlecards',
    ]);
    expect(reply.body.dependencies[0]?.stateSince).toBe('2026-11-15T10:00:00.000Z');
  });
});

describe('getAgenda', () => {
  const requests = [
    request('eng', 'dependency:dep-sso', 'SSO for the mid-market', 'Ann Lee', '2026-11-14T16:05:00Z'),
    request('eng', 'kr:eng-o2-kr1', 'Latency budget', 'Raj', '2026-11-15T08:00:00Z'),
    request('sales', 'dependency:dep-renewal-data', 'Renewal data', 'Bo', '2026-11-13T08:00:00Z'),
    request('acme', 'dependency:dep-usage-metering', 'Usage metering', 'Dana', '2026-11-12T08:00:00Z'),
  ];

  test("lists the department's requests from Teams after the generated items, with who asked and when, and their recorded state", async () => {
    const store = createMemoryReviewStore();
    await store.saveItem('t/c', 'eng@2026-11-15', 'requested:kr:eng-o2-kr1', { discussed: true, decision: 'Keep the budget' }, { name: 'Sofia', atMs: 9 });
    const scopes: string[] = [];
    const reply = await getAgenda(acmeCaller(requests, scopes), store, { department: 'eng' });
    if (reply.status !== 200) throw new Error(`expected 200, got ${reply.status}`);
    expect(scopes).toEqual(['eng']);
    expect(reply.body.requested).toEqual([
      { id: 'requested:dependency:dep-sso', subject: 'dependency:dep-sso', title: 'SSO for the mid-market', requestedBy: 'Ann Lee', requestedAt: '2026-11-14T16:05:00.000Z', minutes: 3 },
      { id: 'requested:kr:eng-o2-kr1', subject: 'kr:eng-o2-kr1', title: 'Latency budget', requestedBy: 'Raj', requestedAt: '2026-11-15T08:00:00.000Z', minutes: 3 },
    ]);
    expect(reply.body.items['requested:kr:eng-o2-kr1']).toMatchObject({ discussed: true, decision: 'Keep the budget' });
    expect(reply.body.agenda.items[0]?.id).toBe('blocked-dependency:dep-sso');
  });

  test("the company review shows the requests filed under the company id", async () => {
    const scopes: string[] = [];
    const reply = await getAgenda(acmeCaller(requests, scopes), createMemoryReviewStore(), {});
    if (reply.status !== 200) throw new Error(`expected 200, got ${reply.status}`);
    expect([reply.body.reviewId, scopes, reply.body.requested.map((r) => r.title)]).toEqual(['company@2026-11-15', ['acme'], ['Usage metering']]);
  });

  test('a company review whose org cannot be read answers 502 and lists nothing', async () => {
    const reply = await getAgenda(acmeCaller(requests, [], 'departments'), createMemoryReviewStore(), {});
    expect(reply).toEqual({ status: 502, body: { error: { code: 'jira-app-unavailable', message: 'the Jira app did not answer within 10 s' } } });
  });
});

describe('requestedItemId', () => {
  test('keeps an id-like subject readable and digests any other into an id the review path accepts', () => {
    expect(requestedItemId('dependency:dep-sso')).toBe('requested:dependency:dep-sso');
    const odd = requestedItemId('Dépendance / SSO?');
    expect(odd).toMatch(/^requested:sha256-[0-9a-f]{40}$/);
    expect(requestedItemId('Dépendance / SSO?')).toBe(odd);
    expect(requestedItemId('x'.repeat(291))).toMatch(/^requested:sha256-/);
  });
});

describe('reviewIdOf', () => {
  test('names the scope and the day of the review', () => {
    expect(reviewIdOf('eng', '2026-11-15T09:30:00Z')).toBe('eng@2026-11-15');
    expect(reviewIdOf(undefined, '2026-11-15')).toBe('company@2026-11-15');
  });
});

describe('the people the Jira app sends with a view', () => {
  const person = { id: '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9', displayName: 'Ana Costa' };

  it('reach the Dependencies page, asked for with the list; an app that predates them answers the list alone', async () => {
    const asked: unknown[] = [];
    const caller = { ...callerAnswering({ dependencies: views, people: [person] }), call: (async (request: unknown) => (asked.push(request), { kind: 'ok', data: { dependencies: views, people: [person] } })) as unknown as TabCaller['call'] };
    const reply = await getDependencies(caller, createMemoryReviewStore(), AT);
    expect(asked).toEqual([{ action: 'dependencies', withPeople: true }]);
    expect(reply.status === 200 && [reply.body.people, reply.body.dependencies.length]).toEqual([[person], views.length]);
    const older = await getDependencies(callerAnswering(views), createMemoryReviewStore(), AT);
    expect(older.status === 200 && older.body.people).toEqual([]);
  });

  it('reach the Department and Review pages', async () => {
    const department = departmentViewSchema.parse(buildDepartmentView(org, evaluateOrg(org, issues, { at: '2026-11-15' }), 'eng'));
    const page = await getDepartment(callerAnswering({ ...department, people: [person] }), createMemoryReviewStore(), 'eng');
    expect(page.status === 200 && page.body.people).toEqual([person]);
    const agenda = reviewAgendaSchema.parse(evaluateOrg(org, issues, { at: '2026-11-15' }).agenda);
    const review = await getAgenda(callerAnswering({ ...agenda, people: [person] }), createMemoryReviewStore(), { department: 'eng' });
    expect(review.status === 200 && [review.body.people, 'people' in review.body.agenda]).toEqual([[person], false]);
  });
});
