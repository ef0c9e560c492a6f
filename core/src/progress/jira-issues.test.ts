import { buildIssueIndex } from '../model/issue-index';
import { buildIssue } from '../testing';
import { collectJiraIssues, isCreatedAfterStart, makeScopeClock, uniqueKeys } from './jira-issues';

describe('isCreatedAfterStart', () => {
  const clock = makeScopeClock('2026-10-01');

  it('compares instants with the cycle start at 00:00 UTC, strictly after', () => {
    expect(isCreatedAfterStart('2026-10-01T00:00:00.000+0000', clock)).toBe(false);
    expect(isCreatedAfterStart('2026-10-01T00:00:01.000Z', clock)).toBe(true);
  });

  it('honours the UTC offset near the start', () => {
    expect(isCreatedAfterStart('2026-10-01T01:00:00.000+0200', clock)).toBe(false); // 09-30 23:00 UTC
    expect(isCreatedAfterStart('2026-09-30T23:00:00.000-0200', clock)).toBe(true); // 10-01 01:00 UTC
  });

  it('decides far-away dates whatever the offset', () => {
    expect(isCreatedAfterStart('2026-10-02T00:30:00+1400', clock)).toBe(true);
    expect(isCreatedAfterStart('2026-09-29T23:59:00-1200', clock)).toBe(false);
    expect(isCreatedAfterStart('2027-01-05', clock)).toBe(true);
  });
});

describe('uniqueKeys', () => {
  it('returns the same array when nothing repeats', () => {
    const keys = ['ENG-1', 'ENG-2'];
    expect(uniqueKeys(keys)).toBe(keys);
  });

  it('keeps the first of repeated keys, short lists and long ones alike', () => {
    expect(uniqueKeys(['ENG-2', 'ENG-1', 'ENG-2'])).toEqual(['ENG-2', 'ENG-1']);
    const long = Array.from({ length: 20 }, (_, i) => `ENG-${i % 18}`);
    expect(uniqueKeys(long)).toEqual(Array.from({ length: 18 }, (_, i) => `ENG-${i}`));
  });
});

describe('collectJiraIssues', () => {
  const index = buildIssueIndex([
    buildIssue('ENG-10', { parent: 'ENG-1' }),
    buildIssue('ENG-11', { parent: 'ENG-1', subtask: true }),
    buildIssue('ENG-20', { parent: 'ENG-2' }),
  ]);

  it('groups the epics’ children in epic order, sub-tasks excluded, without calling the JQL evaluator when there is no JQL', () => {
    const groups = collectJiraIssues({ epics: ['ENG-2', 'ENG-1'] }, index, () => {
      throw new Error('no JQL to evaluate');
    });
    expect(groups.map((g) => [g.epic, g.issues.map((i) => i.key)])).toEqual([['ENG-2', ['ENG-20']], ['ENG-1', ['ENG-10']]]);
  });

  it('adds the JQL’s issues not already reached as a last group without an epic', () => {
    const asked: string[] = [];
    const groups = collectJiraIssues({ epics: ['ENG-1'], jql: 'project = ENG' }, index, (jql) => {
      asked.push(jql);
      return [index.byKey.get('ENG-10')!, index.byKey.get('ENG-20')!, index.byKey.get('ENG-20')!];
    });
    expect(asked).toEqual(['project = ENG']);
    expect(groups.map((g) => [g.epic, g.issues.map((i) => i.key)])).toEqual([['ENG-1', ['ENG-10']], [null, ['ENG-20']]]);
  });
});
