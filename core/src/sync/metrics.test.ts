import { buildIssueIndex, childrenOf } from '../model/issue-index';
import { buildIssue } from '../testing/builders';
import { buildEpicMetrics, epicMetricsSchema, metricsToIssues } from './metrics';

const blockedBy = (key: string) => ({ type: 'Blocks', relation: 'is blocked by', direction: 'inward' as const, key, linkedCategory: null });
const blocks = (key: string) => ({ type: 'Blocks', relation: 'blocks', direction: 'outward' as const, key, linkedCategory: null });

const issues = [
  buildIssue('ENG-12', { id: '10012', parent: 'ENG-1', status: 'In Progress', category: 'indeterminate', points: 5, links: [blockedBy('OPS-7'), blocks('ENG-13')] }),
  buildIssue('ENG-10', { id: '10010', parent: 'ENG-1', status: 'Done', category: 'done', points: 3, resolved: '2026-10-20T10:00:00.000+0000' }),
  buildIssue('ENG-9', { id: '10009', parent: 'ENG-1', status: 'To Do', category: 'new', flagged: true }),
  buildIssue('ENG-11', { id: '10011', parent: 'ENG-10', status: 'To Do', subtask: true, type: 'Sub-task' }),
  buildIssue('OPS-7', { id: '20007', parent: 'OPS-1', status: 'Blocked', category: 'indeterminate', points: 2 }),
  buildIssue('OPS-8', { id: '20008', parent: 'OPS-9', status: 'Done', category: 'done', points: 8 }),
];

describe('buildEpicMetrics', () => {
  const metrics = buildEpicMetrics(['ENG-1', 'OPS-1', 'ENG-2'], issues);

  it('keeps each tracked epic’s direct children sorted by key, with the facts core reads', () => {
    expect(metrics.epics['ENG-1']?.issues).toEqual([
      { key: 'ENG-9', id: '10009', status: 'To Do', category: 'new', points: null, flagged: true, created: '2026-09-15T09:00:00.000+0000', resolved: null, blockedBy: [] },
      { key: 'ENG-10', id: '10010', status: 'Done', category: 'done', points: 3, flagged: false, created: '2026-09-15T09:00:00.000+0000', resolved: '2026-10-20T10:00:00.000+0000', blockedBy: [] },
      { key: 'ENG-12', id: '10012', status: 'In Progress', category: 'indeterminate', points: 5, flagged: false, created: '2026-09-15T09:00:00.000+0000', resolved: null, blockedBy: ['OPS-7'] },
    ]);
  });

  it('precomputes counts and points per status category and the unestimated count', () => {
    expect(metrics.epics['ENG-1']?.totals).toEqual({ issues: 3, byCategory: { new: 1, indeterminate: 1, done: 1 }, points: { new: 0, indeterminate: 5, done: 3 }, unestimated: 1 });
    expect(metrics.epics['OPS-1']?.totals).toEqual({ issues: 1, byCategory: { new: 0, indeterminate: 1, done: 0 }, points: { new: 0, indeterminate: 2, done: 0 }, unestimated: 0 });
  });

  it('gives an epic without children an empty set and ignores untracked epics', () => {
    expect(metrics.epics['ENG-2']).toEqual({ issues: [], totals: { issues: 0, byCategory: { new: 0, indeterminate: 0, done: 0 }, points: { new: 0, indeterminate: 0, done: 0 }, unestimated: 0 } });
    expect(Object.keys(metrics.epics)).toEqual(['ENG-1', 'OPS-1', 'ENG-2']);
  });

  it('learns the category of every status seen, tracked or not', () => {
    expect(metrics.statusCategories).toEqual({ 'In Progress': 'indeterminate', Done: 'done', 'To Do': 'new', Blocked: 'indeterminate' });
  });

  it('keeps the issues each JQL matched', () => {
    const withQuery = buildEpicMetrics([], [], { 'project = OPS': [issues[5]!, issues[4]!] });
    expect(withQuery.queries['project = OPS']?.issues.map((i) => i.key)).toEqual(['OPS-7', 'OPS-8']);
    expect(withQuery.queries['project = OPS']?.totals.points).toEqual({ new: 0, indeterminate: 2, done: 8 });
  });

  it('is plain JSON that the stored-metrics schema reads back unchanged', () => {
    const back = JSON.parse(JSON.stringify(metrics)) as unknown;
    expect(epicMetricsSchema.parse(back)).toEqual(metrics);
  });
});

describe('metricsToIssues', () => {
  const metrics = buildEpicMetrics(['ENG-1', 'OPS-1'], issues, { 'project = OPS': [issues[4]!, issues[5]!] });
  const index = buildIssueIndex(metricsToIssues(metrics));

  it('gives back the children of each epic for the progress code', () => {
    expect(childrenOf(index, 'ENG-1').map((i) => [i.key, i.category, i.points])).toEqual([
      ['ENG-9', 'new', null],
      ['ENG-10', 'done', 3],
      ['ENG-12', 'indeterminate', 5],
    ]);
  });

  it('links blockers with their category when the blocker is stored', () => {
    expect(index.byKey.get('ENG-12')?.links).toEqual([{ type: 'Blocks', relation: 'is blocked by', direction: 'inward', key: 'OPS-7', linkedCategory: 'indeterminate' }]);
  });

  it('lists a JQL match that is no tracked epic’s child once, without a parent', () => {
    expect(index.byKey.get('OPS-8')).toMatchObject({ parent: null, status: 'Done', points: 8, project: 'OPS' });
    expect(index.byKey.get('OPS-7')?.parent).toBe('OPS-1');
    expect(index.all.length).toBe(5);
  });
});
