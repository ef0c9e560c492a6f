/**
 * Who sees edit controls and who may edit: panels decide "can edit" from the site record alone
 * (no Jira call on a panel load), so every resolver that asked Jira about admin rights records
 * the answer there; the server still asks Jira before any edit by someone who owns nothing.
 */
import { ADMIN_MEMORY_MS } from '../app/permissions';
import { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import { permissionsOnlyJira } from '../testing/http-request-jira';
import { createTestDeps, loadAcme, seedAcme, type TestDeps } from '../testing/test-deps';
import { createResolverHandlers } from '.';
import type { ResolverName } from '../contract';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };

async function call(deps: TestDeps, name: ResolverName, payload: unknown, accountId: string): Promise<Answer> {
  const handlers = createResolverHandlers(deps) as unknown as Record<string, (r: unknown) => Promise<Answer>>;
  return handlers[name]!({ payload, context: { accountId } });
}

/** The panel answers a caller gets: can they edit Engineering, link ENG-101, create a key result from it? */
async function editControls(deps: TestDeps, accountId: string): Promise<{ department: boolean; epicLinkable: number; epicObjectives: number; epicUnlink: unknown }> {
  const dep = await call(deps, 'getDepartmentView', { projectKey: 'ENG' }, accountId);
  const epic = await call(deps, 'getEpicView', { issueKey: 'ENG-101' }, accountId);
  if (!dep.ok || !epic.ok) throw new Error('expected both panels to load');
  return { department: dep.data.canEdit, epicLinkable: epic.data.linkable.length, epicObjectives: epic.data.objectives.length, epicUnlink: epic.data.canEdit };
}

function settingsOf(): unknown {
  const { org } = loadAcme();
  return {
    company: org.company,
    departments: org.departments,
    people: [],
    cycles: [org.cycle],
    currentCycle: org.cycle.id,
    thresholds: org.settings.thresholds,
    jira: { blockedStatuses: org.jira.blockedStatuses },
  };
}

describe('edit controls after a resolver proved admin rights', () => {
  it('show on the first panel load after an admin imports the org file, with no Jira call on the load', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    const imported = await call(deps, 'importOrg', { text: loadAcme().text }, 'admin-1');
    expect(imported.ok).toBe(true);
    const before = deps.jiraCalls();
    deps.kvs.resetCounts();
    const dep = await call(deps, 'getDepartmentView', { projectKey: 'ENG' }, 'admin-1');
    expect(dep.ok && dep.data.canEdit).toBe(true);
    expect(deps.jiraCalls()).toBe(before);
    expect(deps.kvs.counts.reads).toBe(2);
  });

  it('show after an admin saves the settings, and again after the settings page asked Jira', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    await seedAcme(deps);
    expect((await editControls(deps, 'admin-1')).department).toBe(false);
    expect((await call(deps, 'saveSettings', { settings: settingsOf() }, 'admin-1')).ok).toBe(true);
    // Every jira key result (26 in acme.yaml) and every objective (26) is theirs to link and create under.
    expect(await editControls(deps, 'admin-1')).toEqual({ department: true, epicLinkable: 26, epicObjectives: 26, epicUnlink: { 'eng-o1-kr1': true } });

    expect((await editControls(deps, 'admin-2')).department).toBe(false);
    expect((await call(deps, 'getSettings', {}, 'admin-2')).ok).toBe(true);
    expect((await editControls(deps, 'admin-2')).department).toBe(true);
  });

  it('let the settings page refresh the memory only when it runs short, so most loads write nothing', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    await seedAcme(deps);
    await call(deps, 'getSettings', {}, 'admin-1');
    deps.kvs.resetCounts();
    deps.now += ADMIN_MEMORY_MS / 4;
    await call(deps, 'getSettings', {}, 'admin-1');
    expect(deps.kvs.counts.writes).toBe(0);
    deps.now += ADMIN_MEMORY_MS / 2;
    await call(deps, 'getSettings', {}, 'admin-1');
    expect(deps.kvs.counts.writes).toBe(1);
    expect((await createKvsOkrRepository(deps.kvs).loadSite())!.admins).toEqual({ 'admin-1': deps.now + ADMIN_MEMORY_MS });
  });
});

describe('someone who neither owns a department nor administers Jira', () => {
  it('gets no edit controls anywhere, even when Jira once said they were an admin and no longer does', async () => {
    const admin = createTestDeps({ asUser: permissionsOnlyJira(true) });
    await seedAcme(admin);
    await call(admin, 'getSettings', {}, 'mallory');
    expect((await editControls(admin, 'mallory')).department).toBe(true);
    // Demoted: the next call that asks Jira forgets them.
    const deps = createTestDeps({ kvs: admin.kvs, asUser: permissionsOnlyJira(false) });
    expect((await call(deps, 'getSettings', {}, 'mallory')).ok).toBe(true);
    expect(await editControls(deps, 'mallory')).toEqual({ department: false, epicLinkable: 0, epicObjectives: 0, epicUnlink: { 'eng-o1-kr1': false } });
    expect(await editControls(deps, 'someone-else')).toEqual({ department: false, epicLinkable: 0, epicObjectives: 0, epicUnlink: { 'eng-o1-kr1': false } });
  });

  it('is refused every edit by the server, which stores nothing', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(false) });
    await seedAcme(deps);
    deps.kvs.resetCounts();
    const edits: [ResolverName, unknown][] = [
      ['createObjective', { objective: { title: 'Sneaky', department: 'eng' } }],
      ['updateObjective', { id: 'eng-o1', patch: { title: 'Sneaky' } }],
      ['deleteObjective', { id: 'eng-o1' }],
      ['createKr', { objective: 'eng-o1', kr: { kind: 'milestone', title: 'Sneaky' } }],
      ['updateKr', { id: 'eng-o3-kr1', kr: { kind: 'milestone', title: 'Sneaky' } }],
      ['deleteKr', { id: 'eng-o1-kr1' }],
      ['linkEpic', { kr: 'eng-o1-kr1', epic: 'ENG-227' }],
      ['unlinkEpic', { kr: 'eng-o1-kr1', epic: 'ENG-101' }],
      ['checkIn', { kr: 'eng-o2-kr2', value: 1 }],
      ['importOrg', { text: loadAcme().text }],
      ['saveSettings', { settings: settingsOf() }],
      ['createConnectionCode', {}],
      ['disconnectTeams', {}],
    ];
    for (const [name, payload] of edits) {
      const answer = await call(deps, name, payload, 'mallory');
      expect([name, answer.ok === false && answer.error.code]).toEqual([name, 'forbidden']);
    }
    expect(deps.kvs.counts.writes).toBe(0);
  });
});
