import { verifyBridgeRequest, type BridgeEvent } from '@okr-bridge/core';
import { loadSnapshotFile, startJiraEmulator, type JiraEmulator } from '../../../dev/jira-emulator';
import { createKvsBridgeStore } from '../adapters/kvs-bridge-store';
import { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import { KvsDouble } from '../adapters/kvs-double';
import { createResolverHandlers } from '../resolvers';
import { departmentViewOf } from '../domain/read-views';
import { createHttpRequestJira, permissionsOnlyJira } from '../testing/http-request-jira';
import { createTestDeps, seedAcme, type TestDeps } from '../testing/test-deps';
import { handleQueueEvent } from './consumer';
import { handleIssueEvent } from './issue-trigger';
import { seededRandom } from '../testing/seeded-random';
import { join } from 'node:path';

const AT = '2026-11-15T09:00:00Z';
let emulator: JiraEmulator;

beforeEach(async () => {
  emulator = await startJiraEmulator({ site: loadSnapshotFile(join(__dirname, '..', '..', '..', 'examples', 'acme-issues.json')), now: () => AT });
});
afterEach(async () => emulator.stop());

async function connectTeams(deps: TestDeps): Promise<void> {
  const repo = createKvsOkrRepository(deps.kvs);
  const site = (await repo.loadSite())!;
  await repo.commit({ site: { ...site, teams: { status: 'connected', connection: 'conn-1', eventsUrl: 'https://teams.example/api/events', tenantId: 't1', connectedAt: AT } } });
  await createKvsBridgeStore(deps.kvs).markConnected('conn-1', 'k'.repeat(43));
}

async function krProgress(deps: TestDeps, department: string, kr: string): Promise<number> {
  const input = await createKvsOkrRepository(deps.kvs).loadDepartment('2026-Q4', department);
  return departmentViewOf(input!, AT)!.objectives.flatMap((o) => o.keyResults).find((k) => k.id === kr)!.progress;
}

describe('issue trigger', () => {
  it('moves a key result when an issue of its epic is done, with no Jira call', async () => {
    const deps = createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: AT });
    await seedAcme(deps);
    const before = await krProgress(deps, 'eng', 'eng-o1-kr1');
    const outcome = emulator.apply({ kind: 'transition', key: 'ENG-112', status: 'Done' });
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    deps.kvs.resetCounts();
    expect(outcome.events.length).toBe(1);
    expect(await handleIssueEvent(deps, outcome.events[0])).toMatchObject({ kind: 'applied', cycles: ['2026-Q4'], fetched: false });
    expect(deps.jiraCalls()).toBe(0);
    // The site (index) and the cycle read; the cycle and the changed department records written in one transaction.
    expect(deps.kvs.counts).toMatchObject({ reads: 2, writes: 1, transactions: 1 });
    const after = await krProgress(deps, 'eng', 'eng-o1-kr1');
    // ENG-112 carries 8 of the 82 story points under ENG-101 and ENG-102.
    expect(after - before).toBeCloseTo(8 / 82, 10);
  });

  it('moves a JQL key result when an issue it matches is done, even under an epic no key result tracks', async () => {
    const deps = createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: AT });
    await seedAcme(deps);
    expect(await krProgress(deps, 'cs', 'cs-o2-kr1')).toBeCloseTo(11 / 18, 12);
    // CS-80, an open bug, goes under ENG-227 (linked to no key result), then gets done. Forge's events
    // do not carry the parent: the move's changelog names it, the transition's event does not.
    const moved = emulator.apply({ kind: 'move', key: 'CS-80', parent: 'ENG-227' });
    const done = emulator.apply({ kind: 'transition', key: 'CS-80', status: 'Done' });
    if (moved.kind !== 'applied' || done.kind !== 'applied') throw new Error('the emulator refused a change');
    expect(done.events[0]!.issue.fields).not.toHaveProperty('parent');
    for (const event of [...moved.events, ...done.events]) await handleIssueEvent(deps, event);
    expect(deps.jiraCalls()).toBe(0);
    expect(await krProgress(deps, 'cs', 'cs-o2-kr1')).toBeCloseTo(12 / 18, 12);
  });

  it('counts a new child of a tracked epic from its documented-shape created event, with one fetch', async () => {
    const deps = createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: AT });
    await seedAcme(deps);
    const before = await krProgress(deps, 'eng', 'eng-o1-kr1');
    const outcome = emulator.apply({ kind: 'create', project: 'ENG', parent: 'ENG-101', summary: 'One more story', status: 'To Do', points: 5 });
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    const [event] = outcome.events;
    // What Forge documents: no parent, no custom fields in the created event.
    expect(event!.issue.fields).not.toHaveProperty('parent');
    expect(event!.issue.fields).not.toHaveProperty('customfield_10016');
    const report = await handleIssueEvent(deps, event);
    expect(report).toMatchObject({ kind: 'applied', cycles: ['2026-Q4'], fetched: true });
    expect(deps.jiraCalls()).toBe(1);
    // 5 more open story points under ENG-101 and ENG-102: the done share shrinks.
    const after = await krProgress(deps, 'eng', 'eng-o1-kr1');
    expect(after).toBeLessThan(before);
    expect(before / after).toBeCloseTo(87 / 82, 10);
  });

  it('ignores a created sub-task and a created issue outside the tracked epics', async () => {
    const deps = createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: AT });
    await seedAcme(deps);
    const sub = emulator.apply({ kind: 'create', project: 'ENG', parent: 'ENG-112', type: 'Sub-task', summary: 'A step' });
    const loose = emulator.apply({ kind: 'create', project: 'ENG', summary: 'Elsewhere' });
    if (sub.kind !== 'applied' || loose.kind !== 'applied') throw new Error('the emulator refused a change');
    expect(await handleIssueEvent(deps, sub.events[0])).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('touches no tracked epic') });
    expect(deps.jiraCalls()).toBe(0);
    expect(await handleIssueEvent(deps, loose.events[0])).toMatchObject({ kind: 'ignored' });
    expect(deps.jiraCalls()).toBe(1);
  });

  it('ignores an issue outside every tracked epic after one KVS read', async () => {
    const deps = createTestDeps({ now: AT });
    await seedAcme(deps);
    deps.kvs.resetCounts();
    const report = await handleIssueEvent(deps, { eventType: 'avi:jira:updated:issue', issue: { id: '999', key: 'ZZZ-1', fields: { parent: null, status: { name: 'Done', statusCategory: { key: 'done' } } } }, changelog: { items: [{ field: 'status', from: '1', fromString: 'To Do', to: '3', toString: 'Done' }] } });
    expect(report).toEqual({ kind: 'ignored', reason: 'ZZZ-1 touches no tracked epic or deliverable' });
    expect(deps.kvs.counts).toMatchObject({ reads: 1, writes: 0 });
    expect(deps.jiraCalls()).toBe(0);
  });

  it('queues one views.changed event when an issue moves a key result without changing any status, so open Teams tabs reload', async () => {
    const deps = createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: AT });
    await seedAcme(deps);
    await connectTeams(deps);
    const outcome = emulator.apply({ kind: 'transition', key: 'ENG-112', status: 'Done' });
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    for (const event of outcome.events) await handleIssueEvent(deps, event);
    const events = deps.queued.map((q) => (q.body as { event: BridgeEvent }).event);
    expect(events.map((e) => [e.type, e.occurredAt])).toEqual([['views.changed', '2026-11-15T09:00:00.000Z']]);
    expect(deps.jiraCalls()).toBe(0);
  });

  it('queues a signed dependency.changed event when a deliverable is flagged, and the consumer delivers it signed', async () => {
    const deps = createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: AT });
    await seedAcme(deps);
    await connectTeams(deps);
    emulator.resetStats();
    // ENG-171 is flagged in the snapshot: clear the flag, then flag it again.
    for (const flagged of [false, true]) {
      const outcome = emulator.apply({ kind: 'flag', key: 'ENG-171', flagged });
      if (outcome.kind !== 'applied') throw new Error(outcome.kind);
      for (const event of outcome.events) await handleIssueEvent(deps, event);
    }
    // No issue read: Jira is asked only for the names of the owners the events name by email
    // (one user search per address, once: the second event finds them in the people cache).
    const searches = emulator.stats().byEndpoint['GET /rest/api/3/user/search'] ?? 0;
    expect(Object.keys(emulator.stats().byEndpoint).filter((k) => k !== 'GET /rest/api/3/user/search')).toEqual([]);
    expect(searches).toBe(2); // the deliverer's owner (raj@) and the needing key result's (lucia@), once each
    expect(deps.jiraCalls()).toBe(searches);
    const events = deps.queued.map((q) => (q.body as { event: BridgeEvent }).event);
    const changes = events.filter((e) => e.type === 'dependency.changed').map((e) => [e.dependency.id, e.previousState, e.dependency.state]);
    expect(changes).toEqual([
      ['dep-health-scores', 'blocked', 'open'],
      ['dep-health-scores', 'open', 'blocked'],
    ]);
    expect(events.map((e) => e.occurredAt)).toEqual(events.map(() => '2026-11-15T09:00:00.000Z'));
    expect(deps.posted).toEqual([]);

    expect(await handleQueueEvent(deps, deps.queued[0]!.body)).toMatchObject({ kind: 'done' });
    const sent = deps.posted[0]!;
    expect(sent.url).toBe('https://teams.example/api/events');
    const verdict = verifyBridgeRequest(sent.init!.headers!, sent.init!.body!, { nowMs: deps.now, secretOf: () => 'k'.repeat(43), seen: () => false });
    expect(verdict).toEqual({ kind: 'ok', connection: 'conn-1', id: events[0]!.id });
  });

  it('asks for a retry when the Teams service is down, and gives up after the last attempt', async () => {
    const deps = createTestDeps({ now: AT });
    await seedAcme(deps);
    await connectTeams(deps);
    deps.fetchStatus = 503;
    const body = { kind: 'deliver', event: { type: 'kr.status-changed', id: 'e1', occurredAt: AT, previousStatus: 'on-track', department: { id: 'eng', name: 'Engineering' }, kr: (await createKvsOkrRepository(deps.kvs).loadDepartment('2026-Q4', 'eng')) && departmentViewOf((await createKvsOkrRepository(deps.kvs).loadDepartment('2026-Q4', 'eng'))!, AT)!.objectives[0]!.keyResults[0] } };
    expect(await handleQueueEvent(deps, body, 0)).toEqual({ kind: 'retry', reason: 'the Teams service answered 503', afterSeconds: 30 });
    expect(await handleQueueEvent(deps, body, 6)).toEqual({ kind: 'done', detail: 'gave up on e1: the Teams service answered 503' });
    expect((await createKvsOkrRepository(deps.kvs).loadSync()).lastDeliveryError).toBe('2026-11-15T09:00:00.000Z: kr.status-changed e1 not delivered: the Teams service answered 503');
  });
});

describe('issue trigger timing', () => {
  it("dates a dependency's change when Jira made it (the event's changelog time), not when the trigger ran", async () => {
    const changedAt = '2026-11-15T08:52:10.000Z';
    const late = await startJiraEmulator({ site: loadSnapshotFile(join(__dirname, '..', '..', '..', 'examples', 'acme-issues.json')), now: () => changedAt });
    try {
      const deps = createTestDeps({ asApp: createHttpRequestJira(late.url), now: AT });
      await seedAcme(deps);
      await connectTeams(deps);
      const outcome = late.apply({ kind: 'flag', key: 'ENG-171', flagged: false });
      if (outcome.kind !== 'applied') throw new Error(outcome.kind);
      for (const event of outcome.events) await handleIssueEvent(deps, event);
      const events = deps.queued.map((q) => (q.body as { event: BridgeEvent }).event).filter((e) => e.type === 'dependency.changed');
      expect(events.map((e) => [e.dependency.id, e.occurredAt])).toEqual([['dep-health-scores', changedAt]]);
    } finally {
      await late.stop();
    }
  });
});

describe('issue events while people edit', () => {
  it.each([1, 2, 3])('apply every transition and keep every check-in made at the same moment (seed %i)', async (seed) => {
    const next = seededRandom(seed);
    let interleave = false;
    const kvs = new KvsDouble({ clock: () => Date.parse(AT), pause: () => (interleave ? new Promise((r) => setTimeout(r, Math.floor(next() * 4))) : Promise.resolve()) });
    const deps = createTestDeps({ kvs, asApp: createHttpRequestJira(emulator.url), asUser: permissionsOnlyJira(true), now: AT });
    await seedAcme(deps);
    const before = await krProgress(deps, 'eng', 'eng-o1-kr1');
    const checkInsBefore = (await createKvsOkrRepository(kvs).loadCycle('2026-Q4'))!.parts.checkIns.length;
    const events = ['ENG-112', 'ENG-121'].flatMap((key) => {
      const outcome = emulator.apply({ kind: 'transition', key, status: 'Done' });
      if (outcome.kind !== 'applied') throw new Error(outcome.kind);
      return outcome.events;
    });
    const panels = createResolverHandlers(deps) as unknown as Record<string, (r: unknown) => Promise<{ ok: boolean }>>;
    interleave = true;
    const [reports, answers] = await Promise.all([
      Promise.all(events.map((e) => handleIssueEvent(deps, e))),
      Promise.all([1.1, 1.2, 1.3].map((value) => panels.checkIn!({ payload: { kr: 'eng-o2-kr2', value }, context: { accountId: 'admin-1' } }))),
    ]);
    interleave = false;
    expect(reports.map((r) => r.kind)).toEqual(['applied', 'applied']);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    const cycle = (await createKvsOkrRepository(kvs).loadCycle('2026-Q4'))!;
    expect(cycle.parts.checkIns.slice(checkInsBefore).map((c) => c.value).sort()).toEqual([1.1, 1.2, 1.3]);
    // Both transitions count: ENG-112 and ENG-121 carry 8 story points each of the 82 under ENG-101 and ENG-102.
    expect((await krProgress(deps, 'eng', 'eng-o1-kr1')) - before).toBeCloseTo(16 / 82, 10);
  });
});
