/**
 * Boundedness, as Jira's enhanced search requires it: a query is bounded when every top-level
 * OR branch restricts the issues by `project`, `parent` or `key` with `=` or `IN` (a negation
 * restricts nothing). `findJqlBounds` also says which restriction covers each branch, so an
 * index by project, parent or key can find the candidates without a full scan.
 */
import type { JqlExpr } from './ast';

export type BoundField = 'parent' | 'key' | 'project';

/** Every matching issue has `field` equal to one of `values` (compared case-insensitively). */
export interface JqlBound {
  readonly field: BoundField;
  readonly values: readonly string[];
}

/** Narrower restrictions first: a key names one issue, a parent a few dozen, a project many. */
const RANK: Readonly<Record<BoundField, number>> = { key: 0, parent: 1, project: 2 };

function isBoundField(field: string): field is BoundField {
  return field === 'parent' || field === 'key' || field === 'project';
}

function weight(bounds: readonly JqlBound[]): number {
  let w = 0;
  for (const b of bounds) w += (RANK[b.field] + 1) * 1_000_000 + b.values.length;
  return w;
}

/**
 * Restrictions whose union contains every issue `expr` matches, or null when the query is
 * unbounded. Within an AND the narrowest bounded operand is chosen; an OR needs all branches.
 */
export function findJqlBounds(expr: JqlExpr | null): readonly JqlBound[] | null {
  if (expr === null) return null;
  switch (expr.kind) {
    case 'clause': {
      const { field, operator, values } = expr;
      if (!isBoundField(field) || (operator !== '=' && operator !== 'in')) return null;
      if (values.length === 0 || values.includes(null)) return null;
      return [{ field, values: values as readonly string[] }];
    }
    case 'not':
      return null;
    case 'and': {
      let best: readonly JqlBound[] | null = null;
      for (const operand of expr.operands) {
        const b = findJqlBounds(operand);
        if (b !== null && (best === null || weight(b) < weight(best))) best = b;
      }
      return best;
    }
    case 'or': {
      const all: JqlBound[] = [];
      for (const operand of expr.operands) {
        const b = findJqlBounds(operand);
        if (b === null) return null;
        all.push(...b);
      }
      return all;
    }
  }
}
