import type { IssueFacts } from '../model/issue';
import { compileJql } from './compile';

function issue(over: Partial<IssueFacts> & { key: string }): IssueFacts {
  return {
    id: over.id ?? String(10000 + Number(over.key.split('-')[1])),
    project: over.key.split('-')[0] as string,
    summary: '',
    type: 'Story',
    subtask: false,
    parent: null,
    status: 'To Do',
    category: 'new',
    points: null,
    flagged: false,
    links: [],
    due: null,
    created: '2026-10-01T09:00:00.000+0000',
    updated: null,
    resolved: null,
    assignee: null,
    ...over,
  };
}

const NOW = '2026-11-10T12:00:00.000Z';
const issues = [
  issue({ key: 'ENG-1', type: 'Epic', status: 'In Progress', category: 'indeterminate', updated: '2026-11-10T11:45:00.000+0000' }),
  issue({ key: 'ENG-2', parent: 'ENG-1', status: 'Done', category: 'done', due: '2026-11-01', updated: '2026-11-09T12:00:00.000+0000', resolved: '2026-11-09T12:00:00.000+0000' }),
  issue({ key: 'ENG-3', parent: 'ENG-1', status: 'Blocked', category: 'indeterminate', type: 'Bug', updated: '2026-11-01T10:00:00.000+0000' }),
  issue({ key: 'OPS-4', parent: 'OPS-1', status: 'In Review', category: 'indeterminate', due: '2026-12-01', updated: '2026-10-20T00:00:00.000+0000' }),
  issue({ key: 'OPS-5', status: 'To Do', category: 'new' }),
];

function keys(jql: string): string[] {
  const q = compileJql(jql, { now: NOW });
  return issues.filter((i) => q.test(i)).map((i) => i.key);
}

describe('compiled JQL predicates', () => {
  it('compares text fields case-insensitively, as Jira does', () => {
    expect(keys('project = eng AND status = "in progress"')).toEqual(['ENG-1']);
    expect(keys('parent in (eng-1, ops-1)')).toEqual(['ENG-2', 'ENG-3', 'OPS-4']);
    expect(keys('issuetype = BUG')).toEqual(['ENG-3']);
  });

  it('matches key by key or by numeric issue id', () => {
    expect(keys('key in (ops-5, 10002)')).toEqual(['ENG-2', 'OPS-5']);
    expect(keys('issuekey = ENG-3')).toEqual(['ENG-3']);
  });

  it('matches statusCategory by key, by name and by id', () => {
    expect(keys('statusCategory = indeterminate')).toEqual(['ENG-1', 'ENG-3', 'OPS-4']);
    expect(keys('statusCategory = "To Do"')).toEqual(['OPS-5']);
    expect(keys('statusCategory in ("Done", 2)')).toEqual(['ENG-2', 'OPS-5']);
    expect(keys('statusCategory != Done')).toEqual(['ENG-1', 'ENG-3', 'OPS-4', 'OPS-5']);
  });

  it('never matches an empty field with != or NOT IN, but does with NOT (…)', () => {
    expect(keys('parent != ENG-1')).toEqual(['OPS-4']);
    expect(keys('parent not in (ENG-1)')).toEqual(['OPS-4']);
    expect(keys('NOT parent = ENG-1')).toEqual(['ENG-1', 'OPS-4', 'OPS-5']);
  });

  it('matches EMPTY with IS, = and IN', () => {
    expect(keys('parent is EMPTY')).toEqual(['ENG-1', 'OPS-5']);
    expect(keys('parent is not EMPTY')).toEqual(['ENG-2', 'ENG-3', 'OPS-4']);
    expect(keys('duedate = EMPTY')).toEqual(['ENG-1', 'ENG-3', 'OPS-5']);
    expect(keys('parent in (EMPTY, OPS-1)')).toEqual(['ENG-1', 'OPS-4', 'OPS-5']);
    expect(keys('duedate != EMPTY')).toEqual(['ENG-2', 'OPS-4']);
  });

  it('reads relative periods back from now', () => {
    expect(keys('updated >= -30m')).toEqual(['ENG-1']);
    expect(keys('updated >= -1d')).toEqual(['ENG-1', 'ENG-2']);
    expect(keys('updated > -1d')).toEqual(['ENG-1']);
    expect(keys('updated >= -2w')).toEqual(['ENG-1', 'ENG-2', 'ENG-3']);
    expect(keys('updated < -4h')).toEqual(['ENG-2', 'ENG-3', 'OPS-4']);
    expect(keys('updated >= "-1w 2d"')).toEqual(['ENG-1', 'ENG-2']);
    expect(keys('updated >= "-1w 3d"')).toEqual(['ENG-1', 'ENG-2', 'ENG-3']);
  });

  it('reads absolute dates and date-times in UTC', () => {
    expect(keys('updated >= "2026-11-01 10:00"')).toEqual(['ENG-1', 'ENG-2', 'ENG-3']);
    expect(keys('updated > "2026-11-01 10:00"')).toEqual(['ENG-1', 'ENG-2']);
    expect(keys('duedate <= 2026-11-01')).toEqual(['ENG-2']);
    expect(keys('duedate = "2026/12/01"')).toEqual(['OPS-4']);
    expect(keys('resolutiondate is not EMPTY AND created <= 2026-10-01')).toEqual([]);
    expect(keys('created < "2026-10-01 09:01"')).toEqual(['ENG-1', 'ENG-2', 'ENG-3', 'OPS-4', 'OPS-5']);
  });

  it('evaluates NOT before AND before OR', () => {
    expect(keys('status = Done OR project = OPS AND NOT status = "To Do"')).toEqual(['ENG-2', 'OPS-4']);
    expect(keys('(status = Done OR project = OPS) AND NOT status = "To Do"')).toEqual(['ENG-2', 'OPS-4']);
    expect(keys('status = Done OR NOT project = OPS AND status = Blocked')).toEqual(['ENG-2', 'ENG-3']);
    expect(keys('NOT (status = Done OR project = OPS)')).toEqual(['ENG-1', 'ENG-3']);
  });

  it('matches everything when the query has no condition', () => {
    expect(keys('')).toEqual(['ENG-1', 'ENG-2', 'ENG-3', 'OPS-4', 'OPS-5']);
  });
});
