import { validateOrg } from '../model/parse-org';
import { buildIssueIndex } from '../model/issue-index';
import type { IssueFacts, IssueLinkFacts, StatusCategory } from '../model/issue';
import type { Org, OrgInput } from '../model/org';
import { computeDependencies, worstState } from './compute-dependencies';
import type { DependencyResult } from './types';

const AT = '2026-11-23';

function org(extra: Partial<OrgInput> = {}): Org {
  return validateOrg({
    version: 1,
    cycle: { id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
    company: { id: 'acme', name: 'Acme' },
    departments: [
      { id: 'eng', name: 'Engineering', jiraProjects: ['ENG'] },
      { id: 'mkt', name: 'Marketing', jiraProjects: ['MKT'] },
    ],
    objectives: [
      { id: 'e1', title: 'Ship', department: 'eng', keyResults: [{ id: 'e1-kr1', title: 'Epics done', kind: 'jira', epics: ['ENG-1'] }] },
      { id: 'm1', title: 'Launch', department: 'mkt', keyResults: [{ id: 'm1-kr1', title: 'Campaign', kind: 'milestone' }] },
    ],
    dependencies: [{ id: 'd1', needs: { department: 'mkt', kr: 'm1-kr1' }, provider: 'eng', deliverables: ['ENG-12'] }],
    ...extra,
  });
}

function issue(key: string, over: Partial<IssueFacts> = {}): IssueFacts {
  return {
    id: key, key, project: key.slice(0, key.indexOf('-')), summary: key, type: 'Story', subtask: false, parent: null,
    status: 'In Progress', category: 'indeterminate', points: null, flagged: false, links: [], due: null,
    created: '2026-10-01T00:00:00Z', updated: null, resolved: null, assignee: null, ...over,
  };
}

function blockedBy(key: string, linkedCategory: StatusCategory | null = null): IssueLinkFacts {
  return { type: 'Blocks', relation: 'is blocked by', direction: 'inward', key, linkedCategory };
}

/** The single dependency d1 (deliverable ENG-12) computed over `issues`. */
function d1(issues: IssueFacts[], o: Org = org(), at = AT): DependencyResult {
  return computeDependencies(o, buildIssueIndex(issues), at).dependencies[0]!;
}

describe('computeDependencies: one deliverable', () => {
  test('a status named like a blocked status in another case is blocked', () => {
    const r = d1([issue('ENG-12', { status: 'BLOCKED' })]);
    expect(r.deliverables).toEqual([{ key: 'ENG-12', status: 'BLOCKED', state: 'blocked', reasons: ['status is BLOCKED'] }]);
    expect(r.state).toBe('blocked');
    expect(r.reason).toBe('ENG-12: status is BLOCKED');
  });

  test('the org can name its own blocked statuses', () => {
    const o = org({ jira: { blockedStatuses: ['Waiting for vendor'] } });
    expect(d1([issue('ENG-12', { status: 'waiting for VENDOR' })], o).deliverables[0]!.state).toBe('blocked');
    expect(d1([issue('ENG-12', { status: 'Blocked' })], o).deliverables[0]).toEqual({ key: 'ENG-12', status: 'Blocked', state: 'open', reasons: ['status is Blocked'] });
  });

  test('a flagged issue is blocked', () => {
    expect(d1([issue('ENG-12', { flagged: true })]).deliverables[0]).toEqual({ key: 'ENG-12', status: 'In Progress', state: 'blocked', reasons: ['flagged (Impediment)'] });
  });

  test('an "is blocked by" link to a done issue does not block', () => {
    expect(d1([issue('ENG-12', { links: [blockedBy('ENG-7', 'done')] })]).state).toBe('open');
  });

  test('an "is blocked by" link without a category reads the linked issue from the index', () => {
    expect(d1([issue('ENG-12', { links: [blockedBy('ENG-7')] }), issue('ENG-7', { status: 'Done', category: 'done' })]).state).toBe('open');
    expect(d1([issue('ENG-12', { links: [blockedBy('ENG-7')] }), issue('ENG-7', { category: 'new', status: 'To Do' })]).deliverables[0]!.reasons).toEqual(['is blocked by ENG-7 (not done)']);
  });

  test('an "is blocked by" link to an issue that was not read blocks', () => {
    expect(d1([issue('ENG-12', { links: [blockedBy('OPS-7')] })]).deliverables[0]).toEqual({ key: 'ENG-12', status: 'In Progress', state: 'blocked', reasons: ['is blocked by OPS-7 (not done)'] });
  });

  test('the link relation is matched without regard to case; the outward side ("blocks") does not block', () => {
    const custom: IssueLinkFacts = { type: 'Dependency', relation: 'Is Blocked By', direction: 'inward', key: 'ENG-7', linkedCategory: 'new' };
    const blocks: IssueLinkFacts = { type: 'Blocks', relation: 'blocks', direction: 'outward', key: 'ENG-8', linkedCategory: 'new' };
    expect(d1([issue('ENG-12', { links: [custom] })]).state).toBe('blocked');
    expect(d1([issue('ENG-12', { links: [blocks] })]).state).toBe('open');
  });

  test('every blocking reason is listed, in order: status, flag, links', () => {
    const r = d1([issue('ENG-12', { status: 'Blocked', flagged: true, links: [blockedBy('ENG-7', 'indeterminate'), blockedBy('ENG-8', 'done')] })]);
    expect(r.deliverables[0]!.reasons).toEqual(['status is Blocked', 'flagged (Impediment)', 'is blocked by ENG-7 (not done)']);
    expect(r.reason).toBe('ENG-12: status is Blocked, flagged (Impediment), is blocked by ENG-7 (not done)');
  });

  test('an issue due in the past is at risk', () => {
    expect(d1([issue('ENG-12', { due: '2026-11-20' })]).deliverables[0]).toEqual({ key: 'ENG-12', status: 'In Progress', state: 'at-risk', reasons: ['due 2026-11-20, 3 days ago'] });
  });

  test("the dependency's own due date within dueSoonDays puts it at risk", () => {
    const o = org({ dependencies: [{ id: 'd1', needs: { department: 'mkt', kr: 'm1-kr1' }, provider: 'eng', deliverables: ['ENG-12'], due: '2026-11-25' }] });
    const r = d1([issue('ENG-12')], o);
    expect(r.deliverables[0]!.reasons).toEqual(['due 2026-11-25, in 2 days']);
    expect(r.reason).toBe('ENG-12: due 2026-11-25, in 2 days');
    expect(r.due).toBe('2026-11-25');
  });

  test('both due dates are given when both are near, once when they are equal', () => {
    const o = org({ dependencies: [{ id: 'd1', needs: { department: 'mkt', kr: 'm1-kr1' }, provider: 'eng', deliverables: ['ENG-12'], due: '2026-11-24' }] });
    expect(d1([issue('ENG-12', { due: '2026-11-23' })], o).deliverables[0]!.reasons).toEqual(['due 2026-11-24, in 1 day', 'due 2026-11-23, today']);
    expect(d1([issue('ENG-12', { due: '2026-11-24' })], o).deliverables[0]!.reasons).toEqual(['due 2026-11-24, in 1 day']);
  });

  test('due exactly dueSoonDays away is at risk, one day later is open', () => {
    expect(d1([issue('ENG-12', { due: '2026-11-30' })]).deliverables[0]!.reasons).toEqual(['due 2026-11-30, in 7 days']);
    expect(d1([issue('ENG-12', { due: '2026-12-01' })]).deliverables[0]).toEqual({ key: 'ENG-12', status: 'In Progress', state: 'open', reasons: ['status is In Progress'] });
  });

  test('a due date far ahead leaves the issue open; dueSoonDays is read from the settings', () => {
    expect(d1([issue('ENG-12', { due: '2026-12-20' })]).state).toBe('open');
    const o = org({ settings: { dueSoonDays: 30 } });
    expect(d1([issue('ENG-12', { due: '2026-12-20' })], o).deliverables[0]!.reasons).toEqual(['due 2026-12-20, in 27 days']);
  });

  test('an instant `at` counts whole calendar days', () => {
    expect(d1([issue('ENG-12', { due: '2026-11-20' })], org(), '2026-11-23T23:30:00Z').deliverables[0]!.reasons).toEqual(['due 2026-11-20, 3 days ago']);
  });

  test('done wins over a blocked status, a flag, a blocking link and a past due date', () => {
    const done = issue('ENG-12', { status: 'Blocked', category: 'done', flagged: true, links: [blockedBy('ENG-7', 'new')], due: '2026-11-01' });
    expect(d1([done]).deliverables[0]).toEqual({ key: 'ENG-12', status: 'Blocked', state: 'done', reasons: ['status is Blocked'] });
    expect(d1([done]).state).toBe('done');
  });

  test('a blocked issue gives only its blocking reasons, not its due date', () => {
    expect(d1([issue('ENG-12', { flagged: true, due: '2026-11-01' })]).deliverables[0]!.reasons).toEqual(['flagged (Impediment)']);
  });

  test('a deliverable missing from the issues read is open and says so', () => {
    const r = d1([]);
    expect(r.deliverables).toEqual([{ key: 'ENG-12', status: null, state: 'open', reasons: ['not found in the issues read'] }]);
    expect(r.reason).toBe('ENG-12: not found in the issues read');
  });
});

describe('computeDependencies: a dependency as a whole', () => {
  const many = (): Org =>
    org({
      dependencies: [
        { id: 'd1', title: 'Landing page', needs: { department: 'mkt', kr: 'm1-kr1' }, provider: 'eng', deliverables: ['ENG-12', 'ENG-13', 'ENG-14', 'ENG-15'] },
        { id: 'd2', needs: { department: 'mkt', kr: 'm1-kr1' }, provider: 'eng', deliverables: ['ENG-15', 'ENG-16'] },
        { id: 'd3', needs: { department: 'mkt', kr: 'm1-kr1' }, provider: 'eng', deliverables: ['ENG-13', 'ENG-17'] },
        { id: 'd0', needs: { department: 'mkt', kr: 'm1-kr1' }, provider: 'eng', deliverables: ['ENG-17', 'ENG-15'] },
      ],
    });
  const issues = [
    issue('ENG-12', { status: 'Blocked' }),
    issue('ENG-13', { due: '2026-11-20' }),
    issue('ENG-14', { flagged: true }),
    issue('ENG-15', { status: 'Done', category: 'done' }),
    issue('ENG-16', { status: 'Released', category: 'done' }),
    issue('ENG-17', { status: 'To Do', category: 'new' }),
  ];
  const graph = computeDependencies(many(), buildIssueIndex(issues), AT);

  test('dependencies come out in the org file order', () => {
    expect(graph.dependencies.map((d) => d.id)).toEqual(['d1', 'd2', 'd3', 'd0']);
  });

  test('the worst deliverable decides, and the reason joins the worst ones by key', () => {
    const d = graph.dependencies[0]!;
    expect(d.state).toBe('blocked');
    expect(d.reason).toBe('ENG-12: status is Blocked; ENG-14: flagged (Impediment)');
    expect(d.deliverables.map((x) => x.state)).toEqual(['blocked', 'at-risk', 'blocked', 'done']);
    expect({ title: d.title, needs: d.needs, provider: d.provider, due: d.due }).toEqual({ title: 'Landing page', needs: { department: 'mkt', kr: 'm1-kr1' }, provider: 'eng', due: null });
  });

  test('all done is done; at risk beats open; open beats done', () => {
    expect([graph.dependencies[1]!.state, graph.dependencies[1]!.reason]).toEqual(['done', 'ENG-15: status is Done; ENG-16: status is Released']);
    expect([graph.dependencies[2]!.state, graph.dependencies[2]!.reason]).toEqual(['at-risk', 'ENG-13: due 2026-11-20, 3 days ago']);
    expect([graph.dependencies[3]!.state, graph.dependencies[3]!.reason]).toEqual(['open', 'ENG-17: status is To Do']);
  });

  test('worstState orders blocked > at-risk > open > done', () => {
    expect(worstState(['done', 'open', 'at-risk'])).toBe('at-risk');
    expect(worstState(['open', 'blocked', 'at-risk'])).toBe('blocked');
    expect(worstState(['done', 'open'])).toBe('open');
    expect(worstState([])).toBe('done');
  });
});

describe('computeDependencies: company objectives at risk', () => {
  // platform's t1 aligns to two parents (eng's e1-kr1 and mkt's m1-kr1); those align to the
  // company objectives c1 and c2. c3 is unrelated.
  const tree = (): Org =>
    org({
      departments: [
        { id: 'eng', name: 'Engineering' },
        { id: 'mkt', name: 'Marketing' },
        { id: 'platform', name: 'Platform', parent: 'eng' },
      ],
      objectives: [
        { id: 'c3', title: 'Other', department: 'acme', keyResults: [{ id: 'c3-kr', title: 'x', kind: 'milestone' }] },
        { id: 'c2', title: 'Brand', department: 'acme', keyResults: [{ id: 'c2-kr', title: 'x', kind: 'rollup' }] },
        { id: 'c1', title: 'Grow', department: 'acme', keyResults: [{ id: 'c1-kr', title: 'x', kind: 'rollup' }] },
        { id: 'e1', title: 'Ship', department: 'eng', alignedTo: [{ kr: 'c1-kr' }], keyResults: [{ id: 'e1-kr1', title: 'x', kind: 'rollup' }] },
        { id: 'm1', title: 'Launch', department: 'mkt', alignedTo: [{ kr: 'c2-kr' }], keyResults: [{ id: 'm1-kr1', title: 'x', kind: 'rollup' }] },
        { id: 't1', title: 'Platform', department: 'platform', alignedTo: [{ kr: 'e1-kr1' }, { kr: 'm1-kr1' }], keyResults: [{ id: 't1-kr1', title: 'x', kind: 'milestone' }] },
        { id: 'lone', title: 'Alone', department: 'mkt', keyResults: [{ id: 'lone-kr', title: 'x', kind: 'milestone' }] },
      ],
      dependencies: [
        { id: 'via-tree', needs: { department: 'platform', kr: 't1-kr1' }, provider: 'mkt', deliverables: ['MKT-1'] },
        { id: 'one-level', needs: { department: 'mkt', kr: 'm1-kr1' }, provider: 'eng', deliverables: ['ENG-1'] },
        { id: 'unaligned', needs: { department: 'mkt', kr: 'lone-kr' }, provider: 'eng', deliverables: ['ENG-1'] },
      ],
    });

  test('a KR two levels down with two parents reaches both company objectives, in file order', () => {
    const graph = computeDependencies(tree(), buildIssueIndex([]), AT);
    expect(graph.dependencies.map((d) => [d.id, d.companyObjectivesAtRisk])).toEqual([
      ['via-tree', ['c2', 'c1']],
      ['one-level', ['c2']],
      ['unaligned', []],
    ]);
  });

  test('a done dependency puts no company objective at risk', () => {
    const graph = computeDependencies(tree(), buildIssueIndex([issue('MKT-1', { status: 'Done', category: 'done' })]), AT);
    expect(graph.dependencies.map((d) => [d.id, d.state, d.companyObjectivesAtRisk])).toEqual([
      ['via-tree', 'done', []],
      ['one-level', expect.not.stringMatching(/^done$/), ['c2']],
      ['unaligned', expect.not.stringMatching(/^done$/), []],
    ]);
  });
});
