import { compileJql } from './compile';

const compile = (jql: string) => compileJql(jql, { now: '2026-11-10' });

describe('boundedness', () => {
  it('is bounded by project, parent or key with = or IN', () => {
    expect(compile('project = ENG').bounded).toBe(true);
    expect(compile('parent in (ENG-1, ENG-2) AND status = Done').bounds).toEqual([{ field: 'parent', values: ['ENG-1', 'ENG-2'] }]);
    expect(compile('issuekey = ENG-3 ORDER BY key').bounds).toEqual([{ field: 'key', values: ['ENG-3'] }]);
  });

  it('is unbounded for an empty query, ORDER BY alone, or a condition on other fields', () => {
    expect(compile('').bounded).toBe(false);
    expect(compile('ORDER BY key DESC').bounded).toBe(false);
    expect(compile('status = Done').bounded).toBe(false);
    expect(compile('updated >= -1d AND statusCategory != done').bounded).toBe(false);
  });

  it('needs every OR branch restricted', () => {
    expect(compile('project = ENG OR status = Done').bounded).toBe(false);
    expect(compile('(project = ENG AND status = Done) OR parent = OPS-1').bounds).toEqual([
      { field: 'project', values: ['ENG'] },
      { field: 'parent', values: ['OPS-1'] },
    ]);
  });

  it('does not count negations, !=, NOT IN or EMPTY as restrictions', () => {
    expect(compile('NOT project = ENG').bounded).toBe(false);
    expect(compile('project != ENG').bounded).toBe(false);
    expect(compile('parent not in (ENG-1)').bounded).toBe(false);
    expect(compile('parent in (EMPTY, ENG-1)').bounded).toBe(false);
    expect(compile('parent is EMPTY').bounded).toBe(false);
  });

  it('picks the narrowest restriction of an AND: key, then parent, then project', () => {
    expect(compile('project = ENG AND parent = ENG-1 AND key in (ENG-2, ENG-3)').bounds).toEqual([{ field: 'key', values: ['ENG-2', 'ENG-3'] }]);
    expect(compile('project = ENG AND parent in (ENG-1, ENG-4)').bounds).toEqual([{ field: 'parent', values: ['ENG-1', 'ENG-4'] }]);
    expect(compile('status = Done AND (project = ENG OR project = OPS)').bounds).toEqual([
      { field: 'project', values: ['ENG'] },
      { field: 'project', values: ['OPS'] },
    ]);
  });
});
