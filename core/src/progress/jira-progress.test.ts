import type { IssueFacts } from '../model/issue';
import type { Settings } from '../model/org';
import { buildIssue, buildJiraKr, buildKrContext, buildObjective, buildOrg, findLeafKr } from '../testing';
import type { KeyResultInput } from '../testing';
import { computeKrProgress } from './kr-progress';

const AFTER_START = '2026-10-20T10:00:00.000+0200';

/** ENG-1: done 5, in progress 3, to do unestimated, and a sub-task; ENG-2: done 8 (added after the start). */
const issues: IssueFacts[] = [
  buildIssue('ENG-1', { type: 'Epic' }),
  buildIssue('ENG-10', { parent: 'ENG-1', category: 'done', points: 5 }),
  buildIssue('ENG-11', { parent: 'ENG-1', category: 'indeterminate', points: 3 }),
  buildIssue('ENG-12', { parent: 'ENG-1' }),
  buildIssue('ENG-13', { parent: 'ENG-1', subtask: true, type: 'Sub-task', category: 'done', points: 13 }),
  buildIssue('ENG-2', { type: 'Epic' }),
  buildIssue('ENG-20', { parent: 'ENG-2', category: 'done', points: 8, created: AFTER_START }),
  buildIssue('ENG-21', { parent: 'ENG-20', subtask: true, type: 'Sub-task', points: 2 }),
];

function progressOf(kr: KeyResultInput, list: readonly IssueFacts[] = issues, jql: Record<string, readonly IssueFacts[]> = {}, settings?: Partial<Settings>) {
  const org = buildOrg({ objectives: [buildObjective('O1', 'acme', [kr])], ...(settings ? { settings } : {}) });
  return computeKrProgress(findLeafKr(org, kr.id), buildKrContext(org, kr.id, '2026-11-15', list, jql));
}

describe('jira key results', () => {
  it('divides story points done by story points total over the epics’ children, sub-tasks left out', () => {
    const { progress, explain } = progressOf(buildJiraKr('J', { epics: ['ENG-1', 'ENG-2'], measure: 'points' }));
    expect(progress).toBe(13 / 16);
    expect(explain.numerator).toBe(13);
    expect(explain.denominator).toBe(16);
    expect(explain.unestimated).toBe(1);
    expect(explain.rule).toBe('story points done / story points total over the children of ENG-1, ENG-2 = 13 / 16 (1 unestimated)');
    expect(explain.issues?.map((i) => i.key)).toEqual(['ENG-10', 'ENG-11', 'ENG-12', 'ENG-20']);
  });

  it('lists every counted issue with its credit, size, epic and whether it is added scope', () => {
    const { explain } = progressOf(buildJiraKr('J', { epics: ['ENG-1', 'ENG-2'], measure: 'points' }));
    expect(explain.issues).toEqual([
      { key: 'ENG-10', summary: 'Issue ENG-10', status: 'Done', category: 'done', epic: 'ENG-1', points: 5, credit: 5, size: 5, addedAfterStart: false },
      { key: 'ENG-11', summary: 'Issue ENG-11', status: 'In Progress', category: 'indeterminate', epic: 'ENG-1', points: 3, credit: 0, size: 3, addedAfterStart: false },
      { key: 'ENG-12', summary: 'Issue ENG-12', status: 'To Do', category: 'new', epic: 'ENG-1', points: null, credit: 0, size: 0, addedAfterStart: false },
      { key: 'ENG-20', summary: 'Issue ENG-20', status: 'Done', category: 'done', epic: 'ENG-2', points: 8, credit: 8, size: 8, addedAfterStart: true },
    ]);
    expect(explain.epics).toEqual([
      { key: 'ENG-1', children: 3, done: 1, credit: 5, size: 8 },
      { key: 'ENG-2', children: 1, done: 1, credit: 8, size: 8 },
    ]);
    expect(explain.scopeAdded).toEqual({ issues: 1, points: 8 });
  });

  it('counts done issues over all issues under `issues`', () => {
    const { progress, explain } = progressOf(buildJiraKr('J', { epics: ['ENG-1', 'ENG-2'], measure: 'issues' }));
    expect(progress).toBe(0.5);
    expect(explain.rule).toBe('issues done / issues total over the children of ENG-1, ENG-2 = 2 / 4');
    expect(explain.unestimated).toBeUndefined();
    expect(explain.issues?.map((i) => [i.credit, i.size])).toEqual([[1, 1], [0, 1], [0, 1], [1, 1]]);
  });

  it('weighs each issue by its status category under `weighted`, with the org’s weights', () => {
    const kr = buildJiraKr('J', { epics: ['ENG-1', 'ENG-2'], measure: 'weighted' });
    const defaults = progressOf(kr);
    expect(defaults.progress).toBe(2.5 / 4);
    expect(defaults.explain.rule).toBe('status weights (to do 0, in progress 0.5, done 1) / issues total over the children of ENG-1, ENG-2 = 2.5 / 4');
    const custom = progressOf(kr, issues, {}, { statusWeights: { new: 0.1, indeterminate: 0.3, done: 1 } });
    expect(custom.explain.numerator).toBeCloseTo(2.4, 12);
    expect(custom.explain.issues?.map((i) => i.credit)).toEqual([1, 0.3, 0.1, 1]);
  });

  it('lets an epic with no children contribute nothing', () => {
    const { progress, explain } = progressOf(buildJiraKr('J', { epics: ['ENG-1', 'ENG-9'], measure: 'issues' }));
    expect(progress).toBe(1 / 3);
    expect(explain.epics).toEqual([
      { key: 'ENG-1', children: 3, done: 1, credit: 1, size: 3 },
      { key: 'ENG-9', children: 0, done: 0, credit: 0, size: 0 },
    ]);
    expect(explain.empty).toBeUndefined();
  });

  it('gives 0 and says so when there are no issues at all', () => {
    const { progress, explain } = progressOf(buildJiraKr('J', { epics: ['ENG-8', 'ENG-9'], measure: 'points' }));
    expect(progress).toBe(0);
    expect(explain.empty).toBe(true);
    expect(explain.rule).toBe('no issues found over the children of ENG-8, ENG-9, so progress is 0');
    expect(explain.issues).toEqual([]);
    expect(explain.scopeAdded).toEqual({ issues: 0, points: 0 });
  });

  it('gives 0 when every issue is unestimated under `points`, and says why', () => {
    const list = [buildIssue('OPS-2', { parent: 'OPS-1', category: 'done' }), buildIssue('OPS-3', { parent: 'OPS-1' })];
    const { progress, explain } = progressOf(buildJiraKr('J', { epics: ['OPS-1'], measure: 'points' }), list);
    expect(progress).toBe(0);
    expect(explain.unestimated).toBe(2);
    expect(explain.empty).toBeUndefined();
    expect(explain.rule).toBe('story points done / story points total over the children of OPS-1 = 0 / 0: all 2 issues are unestimated, so progress is 0');
  });

  it('measures the issues a JQL selects themselves, not their children, each issue once', () => {
    const ops5 = buildIssue('OPS-5', { category: 'done', points: 2 });
    const jql = { 'project = OPS': [issues[1]!, ops5, ops5] };
    const withChild = [...issues, ops5, buildIssue('OPS-6', { parent: 'OPS-5', points: 40 })];
    const { progress, explain } = progressOf(buildJiraKr('J', { epics: ['ENG-1'], jql: 'project = OPS', measure: 'points' }), withChild, jql);
    expect(progress).toBe(7 / 10);
    expect(explain.issues?.map((i) => [i.key, i.epic])).toEqual([['ENG-10', 'ENG-1'], ['ENG-11', 'ENG-1'], ['ENG-12', 'ENG-1'], ['OPS-5', null]]);
    expect(explain.epics?.map((e) => e.key)).toEqual(['ENG-1']);
    expect(explain.rule).toBe('story points done / story points total over the children of ENG-1 and the issues matching `project = OPS` = 7 / 10 (1 unestimated)');
  });

  it('measures a JQL alone', () => {
    const { progress, explain } = progressOf(buildJiraKr('J', { jql: 'labels = okr', measure: 'issues' }), issues, { 'labels = okr': [issues[1]!, issues[2]!] });
    expect(progress).toBe(0.5);
    expect(explain.rule).toBe('issues done / issues total over the issues matching `labels = okr` = 1 / 2');
  });

  it('reads an epic listed twice once', () => {
    const { explain } = progressOf(buildJiraKr('J', { epics: ['ENG-1', 'ENG-1'], measure: 'issues' }));
    expect(explain.denominator).toBe(3);
    expect(explain.rule).toBe('issues done / issues total over the children of ENG-1 = 1 / 3');
  });

  it('names at most five epics in the rule', () => {
    const epics = ['AB-1', 'AB-2', 'AB-3', 'AB-4', 'AB-5', 'AB-6', 'AB-7'];
    const { explain } = progressOf(buildJiraKr('J', { epics, measure: 'issues' }), []);
    expect(explain.rule).toBe('no issues found over the children of AB-1, AB-2, AB-3, AB-4, AB-5 and 2 more epics, so progress is 0');
  });

  it('reports issues created after the cycle start as scope added, at any UTC offset', () => {
    const list = [
      buildIssue('XY-2', { parent: 'XY-1', points: 1, created: '2026-10-01T00:00:00.000+0000' }),
      buildIssue('XY-3', { parent: 'XY-1', points: 2, created: '2026-10-01T01:00:00.000+0200' }),
      buildIssue('XY-4', { parent: 'XY-1', points: 4, created: '2026-09-30T23:00:00.000-0200' }),
      buildIssue('XY-5', { parent: 'XY-1', created: '2026-12-01T09:00:00.000+0000' }),
    ];
    const { explain } = progressOf(buildJiraKr('J', { epics: ['XY-1'], measure: 'points' }), list);
    expect(explain.scopeAdded).toEqual({ issues: 2, points: 4 });
    expect(explain.issues?.map((i) => i.addedAfterStart)).toEqual([false, false, true, true]);
  });

  it('shows the issue list in JSON and spreads like a plain array', () => {
    const { explain } = progressOf(buildJiraKr('J', { epics: ['ENG-2'], measure: 'issues' }));
    expect(JSON.parse(JSON.stringify(explain)).issues.map((i: { key: string }) => i.key)).toEqual(['ENG-20']);
    expect({ ...explain }.issues).toBe(explain.issues);
  });
});
