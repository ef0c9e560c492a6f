import { join } from 'node:path';
import { loadSnapshotFile, startJiraEmulator, type JiraEmulator } from '../../../dev/jira-emulator';
import { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import type { RequestJira } from '../app/deps';
import { departmentViewOf } from '../domain/read-views';
import { KvsDouble } from '../adapters/kvs-double';
import { createResolverHandlers } from '../resolvers';
import { createHttpRequestJira, permissionsOnlyJira } from '../testing/http-request-jira';
import { createTestDeps, seedAcme, type TestDeps } from '../testing/test-deps';
import { handleQueueEvent } from './consumer';
import { startReconcile } from './reconcile';
import { seededRandom } from '../testing/seeded-random';

const AT = '2026-11-15T09:00:00Z';
let emulator: JiraEmulator;

beforeEach(async () => {
  emulator = await startJiraEmulator({ site: loadSnapshotFile(join(__dirname, '..', '..', '..', 'examples', 'acme-issues.json')), now: () => AT });
});
afterEach(async () => emulator.stop());

async function progressOf(deps: TestDeps): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const d of ['eng', 'plat', 'prod', 'mkt', 'sales', 'cs', 'fin']) {
    const input = await createKvsOkrRepository(deps.kvs).loadDepartment('2026-Q4', d);
    for (const kr of departmentViewOf(input!, AT)!.objectives.flatMap((o) => o.keyResults)) out[kr.id] = kr.progress;
  }
  return out;
}

describe('reconcile against the Jira emulator', () => {
  it('fills the metrics of every linked epic and deliverable in a few searches, as the snapshot would', async () => {
    const expected = createTestDeps({ now: AT });
    await seedAcme(expected);
    const deps = createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: AT });
    await seedAcme(deps, { issues: [] });
    emulator.resetStats();
    const report = await startReconcile(deps);
    expect(report).toEqual({ kind: 'done', mode: 'full', queries: 3 });
    expect(await progressOf(deps)).toEqual(await progressOf(expected));
    // One epics chunk, one key result JQL and the deliverables; each page holds up to 100 issues.
    const stats = emulator.stats();
    expect(deps.jiraCalls()).toBe(7);
    expect(stats.byEndpoint).toEqual({ 'POST /rest/api/3/search/jql': 7 });
    // About one page per 100 issues read: ⌈issues / 100⌉ plus at most one short page per query.
    expect(stats.pages).toBeLessThanOrEqual(Math.ceil(stats.issuesServed / 100) + 3);
    const sync = await createKvsOkrRepository(deps.kvs).loadSync();
    expect(sync).toMatchObject({ watermark: '2026-11-15T09:00:00.000Z', lastFullSweep: '2026-11-15T09:00:00.000Z' });
  });

  it('reads only what changed since the watermark an hour later', async () => {
    const deps = createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: AT });
    await seedAcme(deps, { issues: [] });
    await startReconcile(deps);
    emulator.apply({ kind: 'transition', key: 'ENG-112', status: 'Done' });
    deps.now += 3_600_000;
    const before = (await progressOf(deps))['eng-o1-kr1']!;
    expect(await startReconcile(deps)).toEqual({ kind: 'done', mode: 'incremental', queries: 3 });
    expect((await progressOf(deps))['eng-o1-kr1']! - before).toBeCloseTo(8 / 82, 10);
  });

  it('stops at a query boundary when its time runs out and finishes in the queue consumer', async () => {
    const http = createHttpRequestJira(emulator.url);
    // Every Jira call takes 25 s of the clock: the scheduled trigger's 20 s budget ends after the first page.
    const slow: RequestJira = async (path, init) => {
      deps.now += 25_000;
      return http(path, init);
    };
    const deps: TestDeps = createTestDeps({ asApp: slow, now: AT });
    await seedAcme(deps, { issues: [] });
    const first = await startReconcile(deps);
    expect(first).toMatchObject({ kind: 'continued', queries: 0, job: { cycleIndex: 0, queryIndex: 0, mode: 'full' } });
    expect(deps.queued.map((q) => q.body)).toEqual([first.kind === 'continued' ? first.job : null]);
    expect(await handleQueueEvent(deps, deps.queued[0]!.body)).toEqual({ kind: 'done', detail: 'reconcile done' });
    const expected = createTestDeps({ now: AT });
    await seedAcme(expected);
    deps.now = Date.parse(AT);
    expect(await progressOf(deps)).toEqual(await progressOf(expected));
  });
});

describe('a reconcile while people edit', () => {
  it.each([1, 2, 3])('fills every metric and keeps every check-in made at the same moment (seed %i)', async (seed) => {
    const next = seededRandom(seed);
    let interleave = false;
    const kvs = new KvsDouble({ clock: () => Date.parse(AT), pause: () => (interleave ? new Promise((r) => setTimeout(r, Math.floor(next() * 4))) : Promise.resolve()) });
    const expected = createTestDeps({ now: AT });
    await seedAcme(expected);
    const deps = createTestDeps({ kvs, asApp: createHttpRequestJira(emulator.url), asUser: permissionsOnlyJira(true), now: AT });
    await seedAcme(deps, { issues: [] });
    const before = (await createKvsOkrRepository(kvs).loadCycle('2026-Q4'))!.parts.checkIns.length;
    const panels = createResolverHandlers(deps) as unknown as Record<string, (r: unknown) => Promise<{ ok: boolean }>>;
    interleave = true;
    const [report, answers] = await Promise.all([startReconcile(deps), Promise.all([1.7, 1.8, 1.9].map((value) => panels.checkIn!({ payload: { kr: 'eng-o2-kr2', value }, context: { accountId: 'admin-1' } })))]);
    interleave = false;
    expect(report).toEqual({ kind: 'done', mode: 'full', queries: 3 });
    expect(answers.map((x) => x.ok)).toEqual([true, true, true]);
    const cycle = (await createKvsOkrRepository(kvs).loadCycle('2026-Q4'))!;
    expect(cycle.parts.checkIns.slice(before).map((c) => c.value).sort()).toEqual([1.7, 1.8, 1.9]);
    const all = await progressOf(deps);
    const want = await progressOf(expected);
    // Every Jira-linked key result reads as a full read of the snapshot would; the metric one (and the roll-up over it) moved with its check-ins.
    for (const [kr, progress] of Object.entries(want)) if (kr !== 'eng-o2-kr2' && kr !== 'eng-o2-kr1') expect([kr, all[kr]]).toEqual([kr, progress]);
  });
});
