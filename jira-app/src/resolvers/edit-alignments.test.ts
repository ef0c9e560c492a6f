/**
 * Aligning an objective to someone else's key result: it waits for that key result's owner
 * (or a Jira admin) and counts in no roll-up until accepted; weights are bounded.
 */
import { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import { cycleOf, loadCycleOrg, openSession } from '../app/session';
import type { ResolverName } from '../contract';
import { krViewIn } from '../domain/read-views';
import { permissionsOnlyJira } from '../testing/http-request-jira';
import { createTestDeps, seedAcme, type TestDeps } from '../testing/test-deps';
import { createResolverHandlers } from '.';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };

const RAJ = 'acct-raj'; // Engineering's owner, and owner of the company key result acme-o2-kr2
const SOFIA = 'acct-sofia'; // owner of the company key result acme-o2-kr1

async function call(deps: TestDeps, name: ResolverName, payload: unknown, accountId: string): Promise<Answer> {
  const handlers = createResolverHandlers(deps) as unknown as Record<string, (r: unknown) => Promise<Answer>>;
  return handlers[name]!({ payload, context: { accountId } });
}

/** Acme with the people list mapping Raj's and Sofia's emails to their Jira accounts; nobody is a Jira admin. */
async function acme(): Promise<TestDeps> {
  const deps = createTestDeps({ asUser: permissionsOnlyJira(false) });
  await seedAcme(deps);
  const repo = createKvsOkrRepository(deps.kvs);
  const site = (await repo.loadSite())!;
  await repo.commit({ site: { ...site, people: [{ name: 'raj@acme.example', accountId: RAJ }, { name: 'sofia@acme.example', accountId: SOFIA }] } });
  return deps;
}

async function progressOf(deps: TestDeps, kr: string): Promise<number> {
  const s = openSession(deps);
  const site = (await s.repo.loadSite())!;
  const { org, metrics } = await loadCycleOrg(s, site, cycleOf(site, undefined));
  return krViewIn(org, metrics, s.at, kr)!.progress;
}

async function alignedTo(deps: TestDeps, objective: string): Promise<unknown> {
  const s = openSession(deps);
  const site = (await s.repo.loadSite())!;
  return (await loadCycleOrg(s, site, cycleOf(site, undefined))).org.objectives.find((o) => o.id === objective)!.alignedTo;
}

describe('aligning to another owner’s key result', () => {
  it('refuses a weight beyond the bound, naming it, and stores nothing', async () => {
    const deps = await acme();
    deps.kvs.resetCounts();
    const answer = await call(deps, 'updateObjective', { id: 'eng-o1', patch: { alignedTo: [{ kr: 'acme-o2-kr1', weight: 1e300 }] } }, RAJ);
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-payload', message: 'updateObjective: patch.alignedTo.0.weight: expected a weight of at most 100, got 1e+300' }) });
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('keeps an alignment to a company key result pending, out of its roll-up, until its owner accepts it', async () => {
    const deps = await acme();
    const before = await progressOf(deps, 'acme-o2-kr1');
    const asked = await call(deps, 'updateObjective', { id: 'eng-o1', patch: { alignedTo: [{ kr: 'acme-o1-kr1', weight: 1 }, { kr: 'acme-o2-kr1', weight: 100 }] } }, RAJ);
    expect(asked).toEqual({ ok: true, data: { id: 'eng-o1' } });
    expect(await alignedTo(deps, 'eng-o1')).toEqual([{ kr: 'acme-o1-kr1', weight: 1 }]);
    expect(await progressOf(deps, 'acme-o2-kr1')).toBe(before);

    const listed = await call(deps, 'getPendingAlignments', {}, SOFIA);
    expect(listed).toEqual({
      ok: true,
      data: { pending: [expect.objectContaining({ objective: 'eng-o1', kr: 'acme-o2-kr1', weight: 100, requestedBy: 'raj@acme.example', requestedAt: '2026-11-15T09:00:00.000Z', canDecide: true, department: 'eng' })] },
    });
    expect((await call(deps, 'getPendingAlignments', {}, RAJ)).ok && (await call(deps, 'getPendingAlignments', {}, RAJ))).toMatchObject({ data: { pending: [{ canDecide: false }] } });

    const byRaj = await call(deps, 'decideAlignment', { objective: 'eng-o1', kr: 'acme-o2-kr1', accept: true }, RAJ);
    expect(byRaj).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only the owners of Acme or a Jira admin may change its OKRs.' } });
    expect(await progressOf(deps, 'acme-o2-kr1')).toBe(before);

    expect(await call(deps, 'decideAlignment', { objective: 'eng-o1', kr: 'acme-o2-kr1', accept: true }, SOFIA)).toEqual({ ok: true, data: { id: 'eng-o1' } });
    expect(await alignedTo(deps, 'eng-o1')).toEqual([{ kr: 'acme-o1-kr1', weight: 1 }, { kr: 'acme-o2-kr1', weight: 100 }]);
    expect(await progressOf(deps, 'acme-o2-kr1')).not.toBe(before);
    expect(await call(deps, 'getPendingAlignments', {}, SOFIA)).toEqual({ ok: true, data: { pending: [] } });
  });

  it('drops a declined alignment, leaving the roll-up as it was', async () => {
    const deps = await acme();
    const before = await progressOf(deps, 'acme-o2-kr1');
    await call(deps, 'updateObjective', { id: 'eng-o1', patch: { alignedTo: [{ kr: 'acme-o2-kr1', weight: 3 }] } }, RAJ);
    expect(await call(deps, 'decideAlignment', { objective: 'eng-o1', kr: 'acme-o2-kr1', accept: false }, SOFIA)).toEqual({ ok: true, data: { id: 'eng-o1' } });
    expect(await alignedTo(deps, 'eng-o1')).toEqual([]);
    expect(await progressOf(deps, 'acme-o2-kr1')).toBe(before);
    expect(await call(deps, 'decideAlignment', { objective: 'eng-o1', kr: 'acme-o2-kr1', accept: true }, SOFIA)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no alignment of objective eng-o1 to key result acme-o2-kr1 waits for a decision' },
    });
  });

  it('takes effect at once when the owner aligns to a key result they own themselves, and keeps the old weight in effect while a new one waits', async () => {
    const deps = await acme();
    await call(deps, 'updateObjective', { id: 'eng-o1', patch: { alignedTo: [{ kr: 'acme-o1-kr1', weight: 7 }, { kr: 'acme-o2-kr2', weight: 2 }] } }, RAJ);
    expect(await alignedTo(deps, 'eng-o1')).toEqual([{ kr: 'acme-o1-kr1', weight: 1 }, { kr: 'acme-o2-kr2', weight: 2 }]);
    const pending = await call(deps, 'getPendingAlignments', {}, RAJ);
    expect(pending.ok && pending.data.pending.map((p: { kr: string; weight: number }) => [p.kr, p.weight])).toEqual([['acme-o1-kr1', 7]]);
  });

  it('lets a Jira admin align to any key result at once', async () => {
    const deps = await acme();
    const admin = createTestDeps({ kvs: deps.kvs, asUser: permissionsOnlyJira(true) });
    await call(admin, 'updateObjective', { id: 'eng-o1', patch: { alignedTo: [{ kr: 'acme-o2-kr1', weight: 2 }] } }, 'admin-1');
    expect(await alignedTo(deps, 'eng-o1')).toEqual([{ kr: 'acme-o2-kr1', weight: 2 }]);
  });
});
