import { RESOLVER_NAMES, type ResolverName } from '../contract';
import { permissionsOnlyJira } from '../testing/http-request-jira';
import { createTestDeps, loadAcme, seedAcme, type TestDeps } from '../testing/test-deps';
import { createResolverHandlers } from '.';

// The answers are read field by field below; their types are the contract's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { ok: true; data: any } | { ok: false; error: { code: string; message: string; issues?: { where: string; line?: number; column?: number; message: string }[] } };

async function call(deps: TestDeps, name: ResolverName, payload: unknown, accountId = 'raj@acme.example'): Promise<Answer> {
  const handlers = createResolverHandlers(deps) as unknown as Record<string, (r: unknown) => Promise<Answer>>;
  return handlers[name]!({ payload, context: { accountId } });
}

describe('resolvers: panel loads', () => {
  let deps: TestDeps;
  beforeEach(async () => {
    deps = createTestDeps();
    await seedAcme(deps);
    deps.kvs.resetCounts();
  });

  it('load the Department OKRs page from two KVS reads and no Jira call', async () => {
    const answer = await call(deps, 'getDepartmentView', { projectKey: 'ENG' });
    expect(answer.ok && answer.data.kind).toBe('department');
    if (!answer.ok) return;
    expect(answer.data.view.objectives.map((o: { id: string }) => o.id)).toEqual(['eng-o1', 'eng-o2', 'eng-o3', 'eng-o4']);
    expect(answer.data.canEdit).toBe(true);
    expect(answer.data.view.objectives[0].keyResults[0].explain.issues).toBeUndefined();
    expect(deps.kvs.counts.reads).toBe(2);
    expect(deps.jiraCalls()).toBe(0);
  });

  it('say a project no department owns is unmapped', async () => {
    const answer = await call(deps, 'getDepartmentView', { projectKey: 'XYZ' });
    expect(answer.ok && answer.data.kind).toBe('unmapped');
  });

  it('load the epic panel, the company page and both gadgets from two reads each and no Jira call', async () => {
    const reads: Record<string, number> = {};
    for (const [name, payload] of [
      ['getEpicView', { issueKey: 'ENG-101' }],
      ['getCompanyView', {}],
      ['getGadgetView', { scope: { kind: 'company' } }],
      ['getGadgetView', { scope: { kind: 'department', department: 'plat' } }],
    ] as const) {
      deps.kvs.resetCounts();
      const answer = await call(deps, name, payload);
      expect(answer.ok).toBe(true);
      reads[`${name} ${JSON.stringify(payload)}`] = deps.kvs.counts.reads;
    }
    expect(Object.values(reads)).toEqual([2, 2, 2, 2]);
    expect(deps.jiraCalls()).toBe(0);
  });

  it('show the key results an epic drives with its share', async () => {
    const answer = await call(deps, 'getEpicView', { issueKey: 'ENG-101' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.view.keyResults.map((k: { id: string; share: unknown }) => [k.id, k.share !== null])).toEqual([['eng-o1-kr1', true]]);
    expect(answer.data.canEdit).toEqual({ 'eng-o1-kr1': true });
  });
});

describe('resolvers: bad payloads and permissions', () => {
  it.each(RESOLVER_NAMES)('%s refuses a payload it does not know, naming the problem, and stores nothing', async (name) => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    await seedAcme(deps);
    deps.kvs.resetCounts();
    const answer = await call(deps, name, { bogus: 1 });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid-payload');
    expect(answer.error.message.startsWith(`${name}: `)).toBe(true);
    expect(deps.kvs.counts.writes).toBe(0);
    expect(deps.kvs.counts.reads).toBe(0);
  });

  it('explains what a check-in expects', async () => {
    const deps = createTestDeps();
    const answer = await call(deps, 'checkIn', { kr: 'eng-o2-kr2', note: 'no value' });
    expect(answer).toEqual({ ok: false, error: { code: 'invalid-payload', message: 'checkIn: (payload): expected a value (metric key result) or done (milestone key result)', issues: [{ where: '(payload)', message: 'expected a value (metric key result) or done (milestone key result)' }] } });
  });

  it('refuse an edit by someone who neither owns the department nor administers Jira, and store nothing', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(false) });
    await seedAcme(deps);
    deps.kvs.resetCounts();
    const answer = await call(deps, 'createObjective', { objective: { title: 'Sneaky', department: 'eng' } }, 'mallory');
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only the owners of Engineering or a Jira admin may change its OKRs.' } });
    expect(deps.kvs.counts.writes).toBe(0);
    for (const name of ['saveSettings', 'importOrg', 'createConnectionCode'] as const) {
      const payload = name === 'importOrg' ? { text: loadAcme().text } : name === 'saveSettings' ? undefined : {};
      if (payload === undefined) continue;
      const refused = await call(deps, name, payload, 'raj@acme.example');
      expect(refused.ok === false && refused.error.code).toBe('forbidden');
    }
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('let a Jira admin edit any department, asking Jira once', async () => {
    const asUser = permissionsOnlyJira(true);
    const deps = createTestDeps({ asUser });
    await seedAcme(deps);
    const answer = await call(deps, 'updateObjective', { id: 'fin-o1', patch: { title: 'Close the books in 3 days' } }, 'admin-1');
    expect(answer).toEqual({ ok: true, data: { id: 'fin-o1' } });
    expect(asUser.calls).toEqual(['/rest/api/3/mypermissions?permissions=ADMINISTER']);
  });
});

describe('resolvers: edits', () => {
  it('create a key result as the owner and show it on the next load', async () => {
    const deps = createTestDeps();
    await seedAcme(deps);
    const created = await call(deps, 'createKr', { objective: 'eng-o3', kr: { id: 'eng-o3-kr9', kind: 'milestone', title: 'Publish the runbook' } });
    expect(created).toEqual({ ok: true, data: { id: 'eng-o3-kr9' } });
    const view = await call(deps, 'getDepartmentView', { projectKey: 'ENG' });
    if (!view.ok) throw new Error(view.error.message);
    const o3 = view.data.view.objectives.find((o: { id: string }) => o.id === 'eng-o3');
    expect(o3.keyResults.map((k: { id: string }) => k.id)).toEqual(['eng-o3-kr1', 'eng-o3-kr2', 'eng-o3-kr9']);
  });

  it('check in on a metric key result and answer its new view', async () => {
    const deps = createTestDeps();
    await seedAcme(deps);
    const answer = await call(deps, 'checkIn', { kr: 'eng-o2-kr2', value: 2.0, confidence: 'medium' }, 'tom@acme.example');
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.kr.id).toBe('eng-o2-kr2');
    expect(answer.data.kr.explain.value).toEqual({ start: 2.8, target: 1.2, current: 2, source: 'check-in', unit: 's' });
  });

  it('refuse a dangling reference with core message and store nothing', async () => {
    const deps = createTestDeps();
    await seedAcme(deps);
    deps.kvs.resetCounts();
    const answer = await call(deps, 'updateObjective', { id: 'eng-o1', patch: { alignedTo: [{ kr: 'nope', weight: 1 }] } });
    expect(answer.ok === false && answer.error.code).toBe('invalid-org');
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('report an org file error with its line and column, and store nothing', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    const answer = await call(deps, 'importOrg', { text: 'version: 1\ncycle:\n  id: q1\n  start: 2026-01-01\n  end: 2025-01-01\ncompany: { id: a, name: A }\n' }, 'admin-1');
    if (answer.ok) throw new Error('expected a refusal');
    expect(answer.error.code).toBe('invalid-org');
    expect(answer.error.issues).toEqual([{ where: 'org.yaml:5:8 cycle.end', message: 'expected the cycle end to come after its start', line: 5, column: 8 }]);
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('import an org file as an admin, queue a full reconcile, and export it back', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    const imported = await call(deps, 'importOrg', { text: loadAcme().text }, 'admin-1');
    expect(imported).toEqual({ ok: true, data: { cycle: '2026-Q4', dryRun: false, counts: { departments: 7, objectives: 26, keyResults: 56, dependencies: 7, epics: 27 } } });
    expect(deps.queued.map((q) => q.body.kind)).toEqual(['reconcile']);
    const exported = await call(deps, 'exportOrg', {});
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.data.fileName).toBe('okrs-2026-Q4.yaml');
    expect(exported.data.text).toContain('id: eng-o1-kr1');
  });
});
