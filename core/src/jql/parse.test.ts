import { parseJql } from './parser';

const status = (value: string) => ({ kind: 'clause', field: 'status', operator: '=', values: [value] });

describe('parseJql', () => {
  it('reads a clause with a bare value', () => {
    expect(parseJql('project = ENG')).toEqual({
      where: { kind: 'clause', field: 'project', operator: '=', values: ['ENG'] },
      orderBy: [],
    });
  });

  it('reads quoted values with either quote and their escapes', () => {
    expect(parseJql(`status = "In \\"Review\\"" OR status = 'Won\\'t do' OR status = "A\\u0042"`).where).toEqual({
      kind: 'or',
      operands: [status('In "Review"'), status("Won't do"), status('AB')],
    });
  });

  it('resolves field aliases and reads keywords and field names in any case', () => {
    expect(parseJql('IssueKey In (a-1, B-2) and TYPE not IN (Bug) Or Due IS not empty').where).toEqual({
      kind: 'or',
      operands: [
        {
          kind: 'and',
          operands: [
            { kind: 'clause', field: 'key', operator: 'in', values: ['a-1', 'B-2'] },
            { kind: 'clause', field: 'issuetype', operator: 'not in', values: ['Bug'] },
          ],
        },
        { kind: 'clause', field: 'duedate', operator: 'is not', values: [null] },
      ],
    });
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(parseJql('status = S1 OR NOT status = S2 AND status = S3').where).toEqual({
      kind: 'or',
      operands: [status('S1'), { kind: 'and', operands: [{ kind: 'not', operand: status('S2') }, status('S3')] }],
    });
  });

  it('lets parentheses override precedence and flattens nested chains of the same operator', () => {
    expect(parseJql('(status = S1 OR status = S2) AND (status = S3 AND (status = S4))').where).toEqual({
      kind: 'and',
      operands: [{ kind: 'or', operands: [status('S1'), status('S2')] }, status('S3'), status('S4')],
    });
  });

  it('reads &&, || and ! as AND, OR and NOT', () => {
    expect(parseJql('status = S1 || !status = S2 && status = S3')).toEqual(parseJql('status = S1 OR NOT status = S2 AND status = S3'));
  });

  it('reads EMPTY and NULL as the empty value in lists and comparisons', () => {
    expect(parseJql('parent in (EMPTY, E-1) AND duedate = null').where).toEqual({
      kind: 'and',
      operands: [
        { kind: 'clause', field: 'parent', operator: 'in', values: [null, 'E-1'] },
        { kind: 'clause', field: 'duedate', operator: '=', values: [null] },
      ],
    });
  });

  it('reads a reserved word as text only when quoted', () => {
    expect(parseJql('project = "A"').where).toEqual({ kind: 'clause', field: 'project', operator: '=', values: ['A'] });
    expect(() => parseJql('project = A')).toThrow("You must surround 'A' in quotation marks to use it as a value.");
  });

  it('keeps a quoted EMPTY as text', () => {
    expect(parseJql('status = "EMPTY"').where).toEqual(status('EMPTY'));
  });

  it('reads every comparison operator on dates, with dates and relative periods kept as written', () => {
    const q = parseJql('updated >= -5d AND created < "2026-11-01 10:00" AND resolved <= "2026/11/01" AND duedate > "-4w 2d" AND updated != -30m');
    expect(q.where).toEqual({
      kind: 'and',
      operands: [
        { kind: 'clause', field: 'updated', operator: '>=', values: ['-5d'] },
        { kind: 'clause', field: 'created', operator: '<', values: ['2026-11-01 10:00'] },
        { kind: 'clause', field: 'resolutiondate', operator: '<=', values: ['2026/11/01'] },
        { kind: 'clause', field: 'duedate', operator: '>', values: ['-4w 2d'] },
        { kind: 'clause', field: 'updated', operator: '!=', values: ['-30m'] },
      ],
    });
  });

  it('reads ORDER BY with default and explicit directions', () => {
    expect(parseJql('project = ENG order by Key desc, updated, statusCategory ASC').orderBy).toEqual([
      { field: 'key', direction: 'desc' },
      { field: 'updated', direction: 'asc' },
      { field: 'statusCategory', direction: 'asc' },
    ]);
  });

  it('accepts an empty query and a query with only ORDER BY', () => {
    expect(parseJql('   ')).toEqual({ where: null, orderBy: [] });
    expect(parseJql('ORDER BY created DESC')).toEqual({ where: null, orderBy: [{ field: 'created', direction: 'desc' }] });
  });
});
