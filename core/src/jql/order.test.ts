import type { IssueFacts } from '../model/issue';
import { compileJql } from './compile';
import { compareIssueKeys } from './order';

function issue(key: string, id: string, over: Partial<IssueFacts> = {}): IssueFacts {
  return {
    id, key, project: key.split('-')[0] as string, summary: '', type: 'Story', subtask: false, parent: null,
    status: 'To Do', category: 'new', points: null, flagged: false, links: [], due: null,
    created: '2026-10-01T00:00:00.000+0000', updated: null, resolved: null, assignee: null, ...over,
  };
}

const issues = [
  issue('ENG-10', '10005', { category: 'done', status: 'Done', due: '2026-11-02', updated: '2026-11-03T00:00:00.000+0000' }),
  issue('ENG-9', '10009', { category: 'indeterminate', status: 'blocked', updated: '2026-11-01T00:00:00.000+0000' }),
  issue('APP-100', '10001', { category: 'new', status: 'In Review', due: '2026-11-01' }),
  issue('ENG-11', '10002', { category: 'done', status: 'Done', due: '2026-11-02', updated: '2026-11-02T00:00:00.000+0000' }),
];

function order(jql: string): string[] {
  const q = compileJql(jql, { now: '2026-11-10' });
  return [...issues].sort((a, b) => q.compare(a, b)).map((i) => i.key);
}

describe('ORDER BY', () => {
  it('sorts keys by project then by number', () => {
    expect(compareIssueKeys('ENG-9', 'ENG-10')).toBeLessThan(0);
    expect(order('project = ENG ORDER BY key')).toEqual(['APP-100', 'ENG-9', 'ENG-10', 'ENG-11']);
    expect(order('project = ENG ORDER BY key DESC')).toEqual(['ENG-11', 'ENG-10', 'ENG-9', 'APP-100']);
  });

  it('falls back to the numeric id without ORDER BY and on ties', () => {
    expect(order('project = ENG')).toEqual(['APP-100', 'ENG-11', 'ENG-10', 'ENG-9']);
    expect(order('project = ENG ORDER BY duedate')).toEqual(['APP-100', 'ENG-11', 'ENG-10', 'ENG-9']);
  });

  it('puts empty values last ascending and first descending', () => {
    expect(order('project = ENG ORDER BY updated ASC')).toEqual(['ENG-9', 'ENG-11', 'ENG-10', 'APP-100']);
    expect(order('project = ENG ORDER BY updated DESC')).toEqual(['APP-100', 'ENG-10', 'ENG-11', 'ENG-9']);
  });

  it('sorts status categories in workflow order and statuses case-insensitively, field by field', () => {
    expect(order('project = ENG ORDER BY statusCategory DESC, key ASC')).toEqual(['ENG-10', 'ENG-11', 'ENG-9', 'APP-100']);
    expect(order('project = ENG ORDER BY status, key DESC')).toEqual(['ENG-9', 'ENG-11', 'ENG-10', 'APP-100']);
  });

  it('exposes the ORDER BY list', () => {
    expect(compileJql('project = ENG ORDER BY due DESC, type', { now: '2026-11-10' }).orderBy).toEqual([
      { field: 'duedate', direction: 'desc' },
      { field: 'issuetype', direction: 'asc' },
    ]);
  });
});
