/**
 * Canonical JQL text of a syntax tree: canonical field names, upper-case keywords and
 * operators, values bare when Jira reads them bare and double-quoted otherwise, and only the
 * parentheses precedence needs. `parseJql(printJql(q))` gives back `q` for any tree the parser
 * makes (AND and OR flattened, two operands or more), which is what merging queries relies on.
 */
import type { JqlClause, JqlExpr, JqlQuery } from './ast';
import { isReservedJqlWord } from './reserved';

const BARE = /^[A-Za-z0-9_:-]+$/;
const PRECEDENCE: Readonly<Record<JqlExpr['kind'], number>> = { or: 1, and: 2, not: 3, clause: 4 };

/** A value as JQL text: bare when safe, otherwise a double-quoted string with escapes. */
export function printJqlValue(value: string | null): string {
  if (value === null) return 'EMPTY';
  if (BARE.test(value) && !isReservedJqlWord(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function printClause(c: JqlClause): string {
  const op = c.operator.toUpperCase();
  if (c.operator === 'in' || c.operator === 'not in') return `${c.field} ${op} (${c.values.map(printJqlValue).join(', ')})`;
  return `${c.field} ${op} ${printJqlValue(c.values[0] ?? null)}`;
}

/** The text of an expression; `outer` is the precedence of the context it is printed in. */
export function printJqlExpr(expr: JqlExpr, outer = 0): string {
  const prec = PRECEDENCE[expr.kind];
  let text: string;
  switch (expr.kind) {
    case 'clause':
      text = printClause(expr);
      break;
    case 'not':
      text = `NOT ${printJqlExpr(expr.operand, prec)}`;
      break;
    case 'and':
    case 'or':
      text = expr.operands.map((e) => printJqlExpr(e, prec + 1)).join(expr.kind === 'and' ? ' AND ' : ' OR ');
      break;
  }
  return prec < outer ? `(${text})` : text;
}

/** The canonical text of a whole query, `ORDER BY` included. */
export function printJql(query: JqlQuery): string {
  const where = query.where === null ? '' : printJqlExpr(query.where);
  if (query.orderBy.length === 0) return where;
  const order = `ORDER BY ${query.orderBy.map((o) => `${o.field} ${o.direction.toUpperCase()}`).join(', ')}`;
  return where ? `${where} ${order}` : order;
}
