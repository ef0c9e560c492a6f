import { emptyMetrics, parseOrg } from '@okr-bridge/core';
import { flatDepartments } from '@okr-bridge/core/testing';
import { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import type { ResolverName } from '../contract';
import { emptySite } from '../domain/org-assembly';
import { planCycleWrite } from '../domain/rebuild';
import { createResolverHandlers } from '../resolvers';
import { permissionsOnlyJira } from '../testing/http-request-jira';
import { createTestDeps, type TestDeps } from '../testing/test-deps';
import { handleQueueEvent } from '../triggers/consumer';
import { IMPORT_BATCH_DEPARTMENTS, INLINE_IMPORT_MAX_DEPARTMENTS, importJobSchema, loadImportRecord, runImportJob, type ImportRecord } from './import-org';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };

async function call(deps: TestDeps, name: ResolverName, payload: unknown): Promise<Answer> {
  const handlers = createResolverHandlers(deps) as unknown as Record<string, (r: unknown) => Promise<Answer>>;
  return handlers[name]!({ payload, context: { accountId: 'admin-1' } });
}

const LARGE = INLINE_IMPORT_MAX_DEPARTMENTS + 150;
const CYCLE = '2026-Q4';

/** Takes the queued import jobs out of `deps.queued`, leaving the rest. */
function takeImportJobs(deps: TestDeps) {
  const jobs = deps.queued.filter((e) => (e.body as { kind: string }).kind === 'import').map((e) => importJobSchema.parse(e.body));
  deps.queued.splice(0, deps.queued.length, ...deps.queued.filter((e) => (e.body as { kind: string }).kind !== 'import'));
  return jobs;
}

/** Runs the queued import a batch per invocation (no budget), noting the progress after each. */
async function drain(deps: TestDeps): Promise<{ steps: number; done: number[]; last: ImportRecord | null }> {
  const done: number[] = [];
  let steps = 0;
  for (let jobs = takeImportJobs(deps); jobs.length > 0; jobs = takeImportJobs(deps)) {
    expect(jobs).toHaveLength(1);
    await runImportJob(deps, jobs[0]!, 0);
    steps += 1;
    done.push((await loadImportRecord(deps.kvs))!.done);
  }
  return { steps, done, last: await loadImportRecord(deps.kvs) };
}

/** What a reader sees of the cycle: the site without who is remembered as admin and the generation, the cycle, every department record. */
async function storedOrg(deps: TestDeps, departments: readonly string[]) {
  const repo = createKvsOkrRepository(deps.kvs);
  const site = (await repo.loadSite())!;
  const { generation: _g, ...index } = site.index[CYCLE]!;
  return {
    site: { ...site, admins: {}, index: { ...site.index, [CYCLE]: index } },
    cycle: await repo.loadCycle(CYCLE),
    departments: await Promise.all(departments.map((d) => repo.loadDepartment(CYCLE, d))),
  };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`);

describe('importing an org file larger than one invocation', () => {
  it('continues through the queue from its checkpoints and stores the same org an import in one commit stores', async () => {
    const text = flatDepartments(LARGE);
    const queued = createTestDeps({ asUser: permissionsOnlyJira(true) });
    const answer = await call(queued, 'importOrg', { text });
    expect(answer).toEqual({ ok: true, data: { cycle: CYCLE, dryRun: false, queued: true, counts: { departments: LARGE, objectives: LARGE + 1, keyResults: LARGE + 1, dependencies: 0, epics: LARGE } } });
    expect(await call(queued, 'getImportProgress', {})).toEqual({ ok: true, data: { status: 'running', cycle: CYCLE, done: 0, total: LARGE, startedAt: '2026-11-15T09:00:00.000Z' } });
    // Nothing of the new org is visible before the switch.
    expect(await createKvsOkrRepository(queued.kvs).loadSite()).toBeNull();

    const { steps, done, last } = await drain(queued);
    const batches = Math.ceil(LARGE / IMPORT_BATCH_DEPARTMENTS);
    expect(steps).toBe(batches);
    expect(done).toEqual(Array.from({ length: batches }, (_, i) => Math.min((i + 1) * IMPORT_BATCH_DEPARTMENTS, LARGE)));
    expect(last).toMatchObject({ status: 'finished', done: LARGE, total: LARGE, finishedAt: '2026-11-15T09:00:00.000Z' });
    expect(queued.queued.map((e) => (e.body as { kind: string; mode?: string }).mode)).toEqual(['full']);
    expect(queued.kvs.keys().filter((k) => k.startsWith('import-org:'))).toEqual([]);

    // The same file through the one-commit path (the function the inline import calls).
    const inline = createTestDeps({ asUser: permissionsOnlyJira(true) });
    const org = parseOrg(text, 'org.yaml');
    const { nextSite: _n, ...change } = planCycleWrite(emptySite(), null, org, emptyMetrics(), '2026-11-15T09:00:00.000Z');
    await createKvsOkrRepository(inline.kvs).commit(change);

    expect(await storedOrg(queued, ids(LARGE))).toEqual(await storedOrg(inline, ids(LARGE)));
    const view = await call(queued, 'getDepartmentView', { projectKey: `P${LARGE - 1}` });
    expect(view.ok && view.data.kind === 'department' ? view.data.view.objectives.map((o: { id: string }) => o.id) : view).toEqual([`O${LARGE - 1}`]);
  });

  it('refuses a second import while one runs, saying which and how far, and takes one again once it finished', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    expect((await call(deps, 'importOrg', { text: flatDepartments(LARGE) })).ok).toBe(true);
    await runImportJob(deps, takeImportJobs(deps)[0]!, 0);
    const refused = await call(deps, 'importOrg', { text: flatDepartments(3) });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: `An import of cycle ${CYCLE} is running (${IMPORT_BATCH_DEPARTMENTS} of ${LARGE} departments written, started 2026-11-15T09:00:00.000Z); wait for it to finish, then import again.` },
    });
    await drain(deps);
    expect((await call(deps, 'importOrg', { text: flatDepartments(3) })).ok).toBe(true);
    // The small import writes into the generation the queued one switched to, and the old one is gone.
    const repo = createKvsOkrRepository(deps.kvs);
    expect((await repo.loadCycle(CYCLE))!.parts.objectives).toHaveLength(4);
    expect((await repo.loadDepartment(CYCLE, 'd2'))!.org.objectives.map((o) => o.id)).toEqual(['C1', 'O2']);
    expect(await repo.loadDepartment(CYCLE, 'd5')).toBeNull();
  });

  it('lets only one of two imports started at the same moment run', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    const answers = await Promise.all([call(deps, 'importOrg', { text: flatDepartments(LARGE) }), call(deps, 'importOrg', { text: flatDepartments(LARGE) })]);
    expect(answers.map((a) => a.ok).sort()).toEqual([false, true]);
    const refused = answers.find((a) => !a.ok);
    expect(refused && !refused.ok && refused.error.code).toBe('conflict');
    expect(refused && !refused.ok && refused.error.message).toMatch(/; wait for it to finish, then import again\.$/);
    expect(takeImportJobs(deps)).toHaveLength(1);
  });

  it('shows an import whose progress stopped moving for 20 minutes as failed, and takes a new one', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    await call(deps, 'importOrg', { text: flatDepartments(LARGE) });
    await runImportJob(deps, takeImportJobs(deps)[0]!, 0);
    deps.now += 20 * 60_000 + 1;
    expect(await call(deps, 'getImportProgress', {})).toEqual({
      ok: true,
      data: { status: 'failed', cycle: CYCLE, done: IMPORT_BATCH_DEPARTMENTS, total: LARGE, startedAt: '2026-11-15T09:00:00.000Z', message: `The import stopped after ${IMPORT_BATCH_DEPARTMENTS} of ${LARGE} departments without finishing; the previous OKRs of cycle ${CYCLE} are still the current ones. Import the file again.` },
    });
    expect((await call(deps, 'importOrg', { text: flatDepartments(3) })).ok).toBe(true);
  });

  it('leaves the previous org current when a write fails mid-way, and says so in the progress', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    const before = flatDepartments(5).replaceAll('Department ', 'Old department ');
    expect((await call(deps, 'importOrg', { text: before })).ok).toBe(true);
    deps.queued.length = 0;
    const previous = await storedOrg(deps, ids(5));

    expect((await call(deps, 'importOrg', { text: flatDepartments(LARGE) })).ok).toBe(true);
    const job = takeImportJobs(deps)[0]!;
    expect(await runImportJob(deps, job, 0)).toEqual({ kind: 'continued', offset: IMPORT_BATCH_DEPARTMENTS });
    deps.kvs.failNextWrite = 'KVS is unavailable';
    const failed = await runImportJob(deps, takeImportJobs(deps)[0]!, 0);
    const message = `The import stopped after ${IMPORT_BATCH_DEPARTMENTS} of ${LARGE} departments (a storage error); the previous OKRs of cycle ${CYCLE} are still the current ones. Import the file again.`;
    expect(failed).toEqual({ kind: 'failed', message });
    expect(await call(deps, 'getImportProgress', {})).toEqual({ ok: true, data: { status: 'failed', cycle: CYCLE, done: IMPORT_BATCH_DEPARTMENTS, total: LARGE, startedAt: '2026-11-15T09:00:00.000Z', finishedAt: '2026-11-15T09:00:00.000Z', message } });
    expect(takeImportJobs(deps)).toEqual([]);

    expect(await storedOrg(deps, ids(5))).toEqual(previous);
    expect(await createKvsOkrRepository(deps.kvs).loadDepartment(CYCLE, 'd100')).toBeNull();
    // A failed import does not block the next one.
    expect((await call(deps, 'importOrg', { text: flatDepartments(LARGE) })).ok).toBe(true);
  });

  it('runs through the queue consumer to the switch within one consumer budget', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    await call(deps, 'importOrg', { text: flatDepartments(LARGE) });
    const [job] = takeImportJobs(deps);
    expect(await handleQueueEvent(deps, job)).toEqual({ kind: 'done', detail: 'import finished' });
    expect(await handleQueueEvent(deps, job)).toEqual({ kind: 'done', detail: 'import skipped' });
    expect((await createKvsOkrRepository(deps.kvs).loadCycle(CYCLE))!.parts.objectives).toHaveLength(LARGE + 1);
  });
});
