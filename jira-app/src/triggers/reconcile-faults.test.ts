/**
 * The Forge reconcile under Jira's faults, through the emulator over real HTTP: a full and an
 * incremental reconcile under 429 bursts (Retry-After), 500s, calls that never answer and
 * bodies cut short end with the same key results as without faults; the extra calls they cost
 * are printed. Retry waits move the test clock instead of sleeping; only the unanswered calls
 * take real time (their timeout).
 */
import { join } from 'node:path';
import { loadSnapshotFile, startJiraEmulator, type FaultOptions, type JiraEmulator } from '../../../dev/jira-emulator';
import { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import { departmentViewOf } from '../domain/read-views';
import { createHttpRequestJira } from '../testing/http-request-jira';
import { createTestDeps, seedAcme, type TestDeps } from '../testing/test-deps';
import { handleQueueEvent } from './consumer';
import { MAX_FAULTED_CONTINUATIONS, startReconcile, type ReconcileReport } from './reconcile';

const AT = '2026-11-15T09:00:00Z';
const DEPARTMENTS = ['eng', 'plat', 'prod', 'mkt', 'sales', 'cs', 'fin'];
let emulator: JiraEmulator;

beforeEach(async () => {
  emulator = await startJiraEmulator({ site: loadSnapshotFile(join(__dirname, '..', '..', '..', 'examples', 'acme-issues.json')), now: () => AT });
});
afterEach(async () => emulator.stop());

const FAULTS: Record<string, FaultOptions> = {
  '429 bursts with Retry-After 2 s': { rateLimitBurst: { start: 1, length: 3 }, rateLimitEvery: 4, retryAfterSeconds: 2 },
  '500 on every 3rd call': { serverErrorEvery: 3 },
  'a call in 3 never answered': { hangEvery: 3 },
  'one body in 3 cut short': { truncateEvery: 3 },
  'all of them at once': { rateLimitEvery: 5, retryAfterSeconds: 1, serverErrorEvery: 7, hangEvery: 11, truncateEvery: 2 },
};

/** Deps whose retry waits move their own clock, with a short request timeout. */
function faultDeps(): TestDeps {
  const deps: TestDeps = Object.assign(createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: AT }), {
    sleep: async (ms: number) => {
      deps.now += ms;
    },
    jiraTimeoutMs: 250,
  });
  return deps;
}

async function progressOf(deps: TestDeps): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const d of DEPARTMENTS) {
    const input = await createKvsOkrRepository(deps.kvs).loadDepartment('2026-Q4', d);
    for (const kr of departmentViewOf(input!, AT)!.objectives.flatMap((o) => o.keyResults)) out[kr.id] = kr.progress;
  }
  return out;
}

/** Runs a reconcile and every continuation it queues, as the queue consumer would. */
async function reconcileToEnd(deps: TestDeps): Promise<ReconcileReport> {
  const report = await startReconcile(deps);
  let handled = 0;
  while (deps.queued.length > handled) {
    const body = deps.queued[handled++]!.body;
    if (body.kind === 'reconcile') await handleQueueEvent(deps, body);
  }
  return report;
}

describe('reconcile under Jira faults', () => {
  it.each(Object.entries(FAULTS))('full and incremental under %s end as without faults', async (name, faults) => {
    const clean = faultDeps();
    await seedAcme(clean, { issues: [] });
    await reconcileToEnd(clean);
    const faulted = faultDeps();
    await seedAcme(faulted, { issues: [] });
    emulator.setFaults(faults);
    await reconcileToEnd(faulted);
    emulator.setFaults({});
    expect(await progressOf(faulted)).toEqual(await progressOf(clean));
    const fullExtra = faulted.jiraCalls() - clean.jiraCalls();
    const fullClean = clean.jiraCalls();

    // An hour later some work moved; both reconcile incrementally.
    emulator.apply({ kind: 'transition', key: 'ENG-112', status: 'Done' });
    emulator.apply({ kind: 'set-points', key: 'ENG-113', points: 13 });
    emulator.apply({ kind: 'transition', key: 'PROD-58', status: 'Blocked' });
    const [cleanBefore, faultedBefore] = [clean.jiraCalls(), faulted.jiraCalls()];
    const krBefore = (await progressOf(clean))['eng-o1-kr1'];
    for (const d of [clean, faulted]) d.now = Date.parse(AT) + 3_600_000;
    expect(await reconcileToEnd(clean)).toMatchObject({ kind: 'done', mode: 'incremental' });
    emulator.setFaults(faults);
    await reconcileToEnd(faulted);
    emulator.setFaults({});
    expect(await progressOf(faulted)).toEqual(await progressOf(clean));
    // The changes were read: the key result moved.
    expect((await progressOf(clean))['eng-o1-kr1']).not.toBe(krBefore);
    const incClean = clean.jiraCalls() - cleanBefore;
    const incExtra = faulted.jiraCalls() - faultedBefore - incClean;
    expect(fullExtra).toBeGreaterThan(0);
    expect(incExtra).toBeGreaterThan(0);
    console.log(`reconcile under ${name}: full ${fullClean} calls +${fullExtra}, incremental ${incClean} calls +${incExtra}`);
  }, 60_000);

  it('goes on from its checkpoint in the queue when Jira asks to wait longer than the budget, then finishes', async () => {
    const clean = faultDeps();
    await seedAcme(clean, { issues: [] });
    await reconcileToEnd(clean);
    const deps = faultDeps();
    await seedAcme(deps, { issues: [] });
    emulator.setFaults({ rateLimitEvery: 1, retryAfterSeconds: 30 });
    const first = await startReconcile(deps);
    expect(first).toMatchObject({ kind: 'continued', queries: 0, job: { queryIndex: 0, failures: 1 } });
    expect(deps.queued[0]).toMatchObject({ delayInSeconds: 30 });
    emulator.setFaults({});
    expect(await handleQueueEvent(deps, deps.queued[0]!.body)).toEqual({ kind: 'done', detail: 'reconcile done' });
    expect(await progressOf(deps)).toEqual(await progressOf(clean));
  });

  it(`gives up after ${MAX_FAULTED_CONTINUATIONS} continuations in a row cut short, and says why on the settings record`, async () => {
    const deps = faultDeps();
    await seedAcme(deps, { issues: [] });
    emulator.setFaults({ serverErrorEvery: 1 });
    expect((await startReconcile(deps)).kind).toBe('continued');
    const details: string[] = [];
    for (let i = 0; i < MAX_FAULTED_CONTINUATIONS; i++) {
      const outcome = await handleQueueEvent(deps, deps.queued.at(-1)!.body);
      details.push(outcome.kind === 'done' ? outcome.detail : outcome.kind);
    }
    expect(details).toEqual([...Array<string>(MAX_FAULTED_CONTINUATIONS - 1).fill('reconcile continued'), 'reconcile failed']);
    expect(deps.queued).toHaveLength(MAX_FAULTED_CONTINUATIONS);
    const sync = await createKvsOkrRepository(deps.kvs).loadSync();
    expect(sync.lastReconcileError).toMatch(/POST \/rest\/api\/3\/search\/jql failed with 500 after \d+ attempts/);
    expect(sync.watermark).toBeNull();
  });
});
