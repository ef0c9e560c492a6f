import fc from 'fast-check';
import type { JqlClause, JqlExpr, JqlField, JqlQuery } from './ast';
import { parseJql } from './parser';
import { printJql, printJqlValue } from './print';

describe('printJql', () => {
  it('prints canonical field names, upper-case keywords and only the parentheses precedence needs', () => {
    const q = parseJql('(issuekey in (a-1,"b 2") or type = story) and not (status = "In Progress" OR (due is empty)) order by KEY desc, updated');
    expect(printJql(q)).toBe(
      '(key IN (a-1, "b 2") OR issuetype = story) AND NOT (status = "In Progress" OR duedate IS EMPTY) ORDER BY key DESC, updated ASC',
    );
  });

  it('quotes values that are reserved words, contain special characters, or are empty', () => {
    expect(printJqlValue('ENG-1')).toBe('ENG-1');
    expect(printJqlValue('-5d')).toBe('-5d');
    expect(printJqlValue('A')).toBe('"A"');
    expect(printJqlValue('empty')).toBe('"empty"');
    expect(printJqlValue('2026-11-01 10:00')).toBe('"2026-11-01 10:00"');
    expect(printJqlValue('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(printJqlValue('')).toBe('""');
    expect(printJqlValue(null)).toBe('EMPTY');
  });

  it('prints an empty query as empty text and ORDER BY alone without a condition', () => {
    expect(printJql({ where: null, orderBy: [] })).toBe('');
    expect(printJql({ where: null, orderBy: [{ field: 'created', direction: 'desc' }] })).toBe('ORDER BY created DESC');
  });

  it('gives back the same tree when its text is parsed again', () => {
    const text = fc.oneof(fc.constantFrom('ENG-1', 'Done', 'In Progress', 'A', 'and', 'x"y', "it's", 'ü'), fc.string({ maxLength: 6 }));
    const textClause: fc.Arbitrary<JqlClause> = fc.oneof(
      fc.record({
        kind: fc.constant('clause' as const),
        field: fc.constantFrom<JqlField>('parent', 'key', 'project', 'issuetype', 'status'),
        operator: fc.constantFrom('=' as const, '!=' as const),
        values: fc.tuple(text),
      }),
      fc.record({
        kind: fc.constant('clause' as const),
        field: fc.constantFrom<JqlField>('parent', 'key', 'status'),
        operator: fc.constantFrom('in' as const, 'not in' as const),
        values: fc.array(text, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant('clause' as const),
        field: fc.constantFrom<JqlField>('updated', 'duedate'),
        operator: fc.constantFrom('>' as const, '<=' as const, '=' as const),
        values: fc.tuple(fc.constantFrom('-5d', '2026-11-01', '2026-11-01 10:00', '-4w 2d')),
      }),
      fc.record({
        kind: fc.constant('clause' as const),
        field: fc.constantFrom<JqlField>('parent', 'resolutiondate'),
        operator: fc.constantFrom('is' as const, 'is not' as const),
        values: fc.constant([null]),
      }),
    );
    const { expr } = fc.letrec<{ expr: JqlExpr }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        textClause,
        fc.record({ kind: fc.constant('not' as const), operand: tie('expr') }),
        fc.record({ kind: fc.constant('and' as const), operands: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }) }),
        fc.record({ kind: fc.constant('or' as const), operands: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }) }),
      ),
    }));
    const flat = (e: JqlExpr): JqlExpr => {
      if (e.kind === 'clause') return e;
      if (e.kind === 'not') return { kind: 'not', operand: flat(e.operand) };
      const operands = e.operands.map(flat).flatMap((o) => (o.kind === e.kind ? o.operands : [o]));
      return { kind: e.kind, operands };
    };
    const query = fc.record({
      where: expr.map(flat),
      orderBy: fc.constantFrom<JqlQuery['orderBy']>([], [{ field: 'key', direction: 'desc' }], [{ field: 'updated', direction: 'asc' }, { field: 'statusCategory', direction: 'desc' }]),
    });
    fc.assert(fc.property(query, (q) => expect(parseJql(printJql(q))).toEqual(q)), { numRuns: 400 });
  });
});
