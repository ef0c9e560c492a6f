import type { IssueFacts } from '../model/issue';
import { buildIssueIndex } from '../model/issue-index';
import type { Org } from '../model/org';
import {
  buildDepartment,
  buildIssue,
  buildLargeOrg,
  buildJiraKr,
  buildMetricKr,
  buildMilestoneKr,
  buildObjective,
  buildOrg,
  buildRollupKr,
} from '../testing';
import { computeProgress } from './compute-progress';

const issues: IssueFacts[] = [
  buildIssue('ENG-10', { parent: 'ENG-1', category: 'done' }),
  buildIssue('ENG-11', { parent: 'ENG-1', category: 'indeterminate' }),
  buildIssue('ENG-12', { parent: 'ENG-1' }),
  buildIssue('ENG-13', { parent: 'ENG-1' }),
  buildIssue('ENG-14', { parent: 'ENG-10', subtask: true, category: 'done' }),
];

/**
 * C1-KR1 rolls up E1 (weight 2), E2 and E3; E3's own rollup key result rolls up P1 (a rollup
 * of a rollup). E2 is aligned to two parents. O1 has a zero-weight key result, O2 only
 * zero-weight ones, O3 none, and nothing aligns to C2-KR1.
 */
const org = buildOrg({
  departments: [buildDepartment('eng'), buildDepartment('platform', { parent: 'eng' }), buildDepartment('ops'), buildDepartment('legal')],
  objectives: [
    buildObjective('C1', 'acme', [buildRollupKr('C1-KR1'), buildMetricKr('C1-KR2', { start: 0, target: 100, current: 10 })]),
    buildObjective('C2', 'acme', [buildRollupKr('C2-KR1')]),
    buildObjective('E1', 'eng', [buildMetricKr('E1-KR1', { start: 0, target: 10, current: 5 }), buildMilestoneKr('E1-KR2', { done: true, weight: 3 })], {
      alignedTo: [{ kr: 'C1-KR1', weight: 2 }],
    }),
    buildObjective('E2', 'eng', [buildJiraKr('E2-KR1', { epics: ['ENG-1'], measure: 'issues' })], { alignedTo: [{ kr: 'C1-KR1' }, { kr: 'O1-KR1' }] }),
    buildObjective('E3', 'eng', [buildRollupKr('E3-KR1')], { alignedTo: [{ kr: 'C1-KR1' }] }),
    buildObjective('P1', 'platform', [buildMetricKr('P1-KR1', { start: 0, target: 4, current: 3 })], { alignedTo: [{ kr: 'E3-KR1' }] }),
    buildObjective('O1', 'ops', [buildRollupKr('O1-KR1'), buildMetricKr('O1-KR2', { start: 0, target: 10, current: 10, weight: 0 })]),
    buildObjective('O2', 'ops', [buildMetricKr('O2-KR1', { start: 0, target: 10, current: 2, weight: 0 }), buildMilestoneKr('O2-KR2', { done: true, weight: 0 })]),
    buildObjective('O3', 'ops', []),
  ],
  checkIns: [
    { kr: 'C1-KR2', date: '2026-11-01', value: 40 },
    { kr: 'C1-KR2', date: '2026-11-20', value: 90 },
  ],
});

const AT = '2026-11-15';
const options = { jqlIssues: () => [], blockedKrs: new Set(['E2-KR1']) };
const result = computeProgress(org, buildIssueIndex(issues), AT, options);
const kr = (id: string) => result.keyResults.find((k) => k.id === id)!;
const objective = (id: string) => result.objectives.find((o) => o.id === id)!;

describe('computeProgress', () => {
  it('reports expected progress at `at`', () => {
    expect(result.at).toBe(AT);
    expect(result.expected).toBe(45 / 92);
  });

  it('measures leaf key results, ignoring check-ins after `at` and sub-tasks', () => {
    expect(kr('C1-KR2').progress).toBe(0.4);
    expect(kr('E1-KR1').progress).toBe(0.5);
    expect(kr('E2-KR1').progress).toBe(0.25);
    expect(kr('E2-KR1').explain.denominator).toBe(4);
  });

  it('weights key results within an objective', () => {
    expect(objective('E1').progress).toBe((0.5 + 3 * 1) / 4);
  });

  it('rolls up the objectives aligned to a rollup key result with their alignment weights, rollups of rollups included', () => {
    expect(kr('E3-KR1').progress).toBe(0.75);
    expect(objective('E3').progress).toBe(0.75);
    expect(kr('C1-KR1').progress).toBe((2 * 0.875 + 0.25 + 0.75) / 4);
    expect(kr('C1-KR1').explain).toEqual({
      kind: 'rollup',
      rule: 'weighted mean progress of the 3 objectives aligned to it = 2.75 / 4',
      numerator: 2.75,
      denominator: 4,
      aligned: [
        { objective: 'E1', weight: 2, progress: 0.875 },
        { objective: 'E2', weight: 1, progress: 0.25 },
        { objective: 'E3', weight: 1, progress: 0.75 },
      ],
    });
  });

  it('counts an objective aligned to two parents in both', () => {
    expect(kr('O1-KR1').progress).toBe(0.25);
    expect(kr('O1-KR1').explain.aligned).toEqual([{ objective: 'E2', weight: 1, progress: 0.25 }]);
  });

  it('gives a rollup key result nothing aligns to 0, and says so', () => {
    expect(kr('C2-KR1').progress).toBe(0);
    expect(kr('C2-KR1').explain).toEqual({ kind: 'rollup', rule: 'no objective is aligned to it, so progress is 0', numerator: 0, denominator: 0, aligned: [] });
  });

  it('leaves zero-weight key results out of the weighted mean', () => {
    expect(objective('O1').progress).toBe(0.25);
  });

  it('uses the plain mean when every key result weighs 0, and 0 without key results', () => {
    expect(objective('O2').progress).toBe(0.6);
    expect(objective('O3').progress).toBe(0);
  });

  it('averages a department’s own objectives, child departments apart, and gives 0 to one without objectives', () => {
    expect(result.departments).toEqual([
      { id: 'eng', name: 'Department eng', progress: (0.875 + 0.25 + 0.75) / 3, status: 'on-track', objectives: ['E1', 'E2', 'E3'] },
      { id: 'platform', name: 'Department platform', progress: 0.75, status: 'on-track', objectives: ['P1'] },
      { id: 'ops', name: 'Department ops', progress: (0.25 + 0.6 + 0) / 3, status: 'behind', objectives: ['O1', 'O2', 'O3'] },
      { id: 'legal', name: 'Department legal', progress: 0, status: 'at-risk', objectives: [] },
    ]);
  });

  it('averages the company objectives for the company', () => {
    expect(objective('C1').progress).toBe((0.6875 + 0.4) / 2);
    expect(result.company).toEqual({ progress: ((0.6875 + 0.4) / 2 + 0) / 2, status: 'behind' });
  });

  it('gives statuses against expected progress, forcing blocked key results at risk', () => {
    expect(result.keyResults.map((k) => [k.id, k.status])).toEqual([
      ['C1-KR1', 'on-track'],
      ['C1-KR2', 'on-track'],
      ['C2-KR1', 'at-risk'],
      ['E1-KR1', 'on-track'],
      ['E1-KR2', 'done'],
      ['E2-KR1', 'at-risk'],
      ['E3-KR1', 'on-track'],
      ['P1-KR1', 'on-track'],
      ['O1-KR1', 'behind'],
      ['O1-KR2', 'done'],
      ['O2-KR1', 'behind'],
      ['O2-KR2', 'done'],
    ]);
    expect(computeProgress(org, buildIssueIndex(issues), AT, { ...options, blockedKrs: new Set() }).keyResults.find((k) => k.id === 'E2-KR1')!.status).toBe('behind');
  });

  it('gives objectives a status from their progress only, and a score', () => {
    expect(result.objectives.map((o) => [o.id, o.status, o.score])).toEqual([
      ['C1', 'on-track', 0.5],
      ['C2', 'at-risk', 0],
      ['E1', 'on-track', 0.9],
      ['E2', 'behind', 0.3],
      ['E3', 'on-track', 0.8],
      ['P1', 'on-track', 0.8],
      ['O1', 'behind', 0.3],
      ['O2', 'on-track', 0.6],
      ['O3', 'at-risk', 0],
    ]);
  });

  it('copies titles, owners and weights in the org file’s order', () => {
    expect(kr('E1-KR2')).toMatchObject({ objective: 'E1', title: 'Milestone E1-KR2', owner: null, weight: 3 });
    expect(objective('E1')).toMatchObject({ department: 'eng', title: 'Objective E1', owner: null });
  });

  it('sees nothing expected before the cycle and everything expected after it', () => {
    const before = computeProgress(org, buildIssueIndex(issues), '2026-09-01', options);
    expect(before.expected).toBe(0);
    expect(before.keyResults.find((k) => k.id === 'C1-KR2')).toMatchObject({ progress: 0.1, status: 'on-track' });
    const after = computeProgress(org, buildIssueIndex(issues), '2027-02-01', options);
    expect(after.expected).toBe(1);
    expect(after.keyResults.find((k) => k.id === 'C1-KR2')).toMatchObject({ progress: 0.9, status: 'on-track' });
    expect(after.keyResults.find((k) => k.id === 'E1-KR1')).toMatchObject({ progress: 0.5, status: 'behind' });
  });

  it('uses the plain mean of aligned objectives when every alignment weighs 0', () => {
    const zero = buildOrg({
      departments: [buildDepartment('eng')],
      objectives: [
        buildObjective('C1', 'acme', [buildRollupKr('C1-KR1')]),
        buildObjective('E1', 'eng', [buildMilestoneKr('E1-KR1', { done: true })], { alignedTo: [{ kr: 'C1-KR1', weight: 0 }] }),
        buildObjective('E2', 'eng', [buildMilestoneKr('E2-KR1')], { alignedTo: [{ kr: 'C1-KR1', weight: 0 }] }),
      ],
    });
    const rolled = computeProgress(zero, buildIssueIndex([]), AT, options).keyResults[0]!;
    expect(rolled.progress).toBe(0.5);
    expect(rolled.explain.rule).toBe('mean progress of the 2 objectives aligned to it (all alignment weights are 0) = 1 / 2');
  });

  it('passes each JQL to the evaluator it is given', () => {
    const withJql = buildOrg({ objectives: [buildObjective('C1', 'acme', [buildJiraKr('C1-KR1', { jql: 'project = ENG', measure: 'issues' })])] });
    const asked: string[] = [];
    const jqlIssues = (jql: string) => {
      asked.push(jql);
      return issues.slice(0, 2);
    };
    expect(computeProgress(withJql, buildIssueIndex(issues), AT, { jqlIssues, blockedKrs: new Set() }).keyResults[0]!.progress).toBe(0.5);
    expect(asked).toEqual(['project = ENG']);
  });

  it('never recurses forever, even on an alignment loop parse-org would refuse', () => {
    const valid = buildOrg({
      objectives: [buildObjective('A', 'acme', [buildRollupKr('A-KR1')]), buildObjective('B', 'acme', [buildRollupKr('B-KR1')], { alignedTo: [{ kr: 'A-KR1', weight: 1 }] })],
    });
    const looped: Org = { ...valid, objectives: [{ ...valid.objectives[0]!, alignedTo: [{ kr: 'B-KR1', weight: 1 }] }, valid.objectives[1]!] };
    const out = computeProgress(looped, buildIssueIndex([]), AT, options);
    expect(out.objectives.map((o) => o.progress)).toEqual([0, 0]);
  });

  it('refuses an `at` that is not a date or an instant', () => {
    expect(() => computeProgress(org, buildIssueIndex(issues), 'soon', options)).toThrow('at: expected a date written YYYY-MM-DD or an ISO instant, got "soon"');
  });

  it('computes a generated org of any shape through the index, every issue counted once', () => {
    const shape = { departments: 2, objectivesPerDepartment: 2, krsPerObjective: 3, epicsPerKr: 2, issuesPerEpic: 6 };
    const large = buildLargeOrg(shape);
    const out = computeProgress(large.org, buildIssueIndex(large.issues), AT, { jqlIssues: () => [], blockedKrs: new Set() });
    expect(out.keyResults).toHaveLength(4 + 2 * 2 * 3);
    const first = out.keyResults.find((k) => k.id === 'D0-kr-0-0')!;
    // Issues n = 0..11 cycle to do / in progress / done; n = 0, 4, 8 are created after the start,
    // with points none (every fifth is unestimated), 4 % 8 + 1 = 5 and 8 % 8 + 1 = 1.
    expect([first.explain.measure, first.progress, first.explain.denominator, first.explain.scopeAdded]).toEqual(['issues', 1 / 3, 12, { issues: 3, points: 6 }]);
    const counted = out.keyResults.reduce((sum, k) => sum + (k.explain.issues?.length ?? 0), 0);
    expect(counted).toBe(large.issues.filter((i) => i.parent !== null).length);
  });
});
