/**
 * Concurrent edits lose nothing: check-ins from the panels and from Teams, patches to one
 * objective and key results added in two departments, all at once over one KVS double whose
 * every call yields for a random moment (a seeded shuffle, so a failure replays), as separate
 * invocations do against the real store. Every caller is told it succeeded, and every change
 * is there afterwards, in the cycle and in the department records the panels read.
 */
import { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import { KvsDouble } from '../adapters/kvs-double';
import { createResolverHandlers } from '../resolvers';
import { permissionsOnlyJira } from '../testing/http-request-jira';
import { connectTeams, signedRequest } from '../testing/teams-bridge';
import { createTestDeps, seedAcme, type TestDeps } from '../testing/test-deps';
import { handleWebTrigger } from '../webtrigger/web-trigger';
import { seededRandom } from '../testing/seeded-random';

const AT = '2026-11-15T09:00:00Z';

async function interleavedAcme(seed: number): Promise<TestDeps> {
  const next = seededRandom(seed);
  let interleave = false;
  const kvs = new KvsDouble({ clock: () => Date.parse(AT), pause: () => (interleave ? new Promise((r) => setTimeout(r, Math.floor(next() * 4))) : Promise.resolve()) });
  const deps = createTestDeps({ kvs, asUser: permissionsOnlyJira(true), now: AT });
  await seedAcme(deps);
  // Engineering's and Platform's owners, known by their Jira accounts.
  const repo = createKvsOkrRepository(kvs);
  const site = (await repo.loadSite())!;
  await repo.commit({ site: { ...site, people: [{ name: 'raj@acme.example', accountId: 'acct-raj' }, { name: 'mei@acme.example', accountId: 'acct-mei' }] } });
  interleave = true;
  return deps;
}

type Outcome = { via: string; ok: boolean; detail: string };

describe.each([1, 2, 3, 4, 5])('concurrent edits, interleaving seed %i', (seed) => {
  it('keep every check-in, patch and new key result from the panels and from Teams, and tell every caller it succeeded', async () => {
    const deps = await interleavedAcme(seed);
    const code = await connectTeams(deps, 'admin-1');
    const panels = createResolverHandlers(deps);
    const before = (await createKvsOkrRepository(deps.kvs).loadCycle('2026-Q4'))!.parts.checkIns.length;

    const fromPanel = async (name: string, run: () => Promise<{ ok: boolean; error?: { message: string } }>): Promise<Outcome> => {
      const answer = await run();
      return { via: `panel ${name}`, ok: answer.ok, detail: answer.ok ? '' : answer.error!.message };
    };
    const fromTeams = async (body: object, id: string): Promise<Outcome> => {
      const answer = await handleWebTrigger(deps, signedRequest(deps, code, body, id));
      return { via: `teams ${id}`, ok: answer.statusCode === 200, detail: answer.statusCode === 200 ? '' : answer.body };
    };
    const ctx = { context: { accountId: 'admin-1' } };
    const outcomes = await Promise.all([
      ...[1.01, 1.02, 1.03, 1.04].map((value) => fromPanel(`check-in ${value}`, () => panels.checkIn({ payload: { kr: 'eng-o2-kr2', value }, ...ctx }))),
      ...[2.01, 2.02, 2.03, 2.04].map((value, i) => fromTeams({ action: 'check-in', kr: 'eng-o2-kr2', value, author: 'Tom', authorEmail: 'tom@acme.example' }, `r-ci-${i}`)),
      fromTeams({ action: 'check-in', kr: 'eng-o1-kr3', done: true, author: 'Raj', authorEmail: 'raj@acme.example' }, 'r-ms'),
      fromPanel('title', () => panels.updateObjective({ payload: { id: 'eng-o1', patch: { title: 'Pass every enterprise security review' } }, ...ctx })),
      fromPanel('description', () => panels.updateObjective({ payload: { id: 'eng-o1', patch: { description: 'Security questionnaires answered in a day.' } }, ...ctx })),
      fromPanel('eng kr by its owner', () => panels.createKr({ payload: { objective: 'eng-o2', kr: { id: 'eng-o2-kr9', kind: 'milestone', title: 'Publish the status page' } }, context: { accountId: 'acct-raj' } })),
      fromPanel('plat kr by its owner', () => panels.createKr({ payload: { objective: 'plat-o1', kr: { id: 'plat-o1-kr9', kind: 'milestone', title: 'Retire the old queue' } }, context: { accountId: 'acct-mei' } })),
    ]);

    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const repo = createKvsOkrRepository(deps.kvs);
    const cycle = (await repo.loadCycle('2026-Q4'))!;
    const added = cycle.parts.checkIns.slice(before);
    expect(added.map((c) => c.value ?? c.done).sort()).toEqual([1.01, 1.02, 1.03, 1.04, 2.01, 2.02, 2.03, 2.04, true].sort());
    const engO1 = cycle.parts.objectives.find((o) => o.id === 'eng-o1')!;
    expect([engO1.title, engO1.description]).toEqual(['Pass every enterprise security review', 'Security questionnaires answered in a day.']);
    const krs = cycle.parts.objectives.flatMap((o) => o.keyResults.map((k) => k.id));
    expect(krs).toEqual(expect.arrayContaining(['eng-o2-kr9', 'plat-o1-kr9']));
    // The records the panels read are in step with the cycle.
    const eng = (await repo.loadDepartment('2026-Q4', 'eng'))!;
    expect(eng.org.objectives.flatMap((o) => o.keyResults.map((k) => k.id))).toContain('eng-o2-kr9');
    expect(eng.org.checkIns.filter((c) => c.kr === 'eng-o2-kr2').length).toBe(cycle.parts.checkIns.filter((c) => c.kr === 'eng-o2-kr2').length);
    const plat = (await repo.loadDepartment('2026-Q4', 'plat'))!;
    expect(plat.org.objectives.flatMap((o) => o.keyResults.map((k) => k.id))).toContain('plat-o1-kr9');
    const site = (await repo.loadSite())!;
    expect(site.index['2026-Q4']!.krs.map((k) => k.id)).toEqual(expect.arrayContaining(['eng-o2-kr9', 'plat-o1-kr9']));
  }, 60_000);
});
