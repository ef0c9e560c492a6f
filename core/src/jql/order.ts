/**
 * `ORDER BY` as a comparator. Keys sort by project then number (ENG-9 before ENG-10),
 * status categories in workflow order (To Do, In Progress, Done), text case-insensitively,
 * dates as instants; an empty value sorts after every other value (last in ASC, first in
 * DESC). Ties, and queries without `ORDER BY`, fall back to the numeric issue id, so that
 * paging over the same data is stable.
 */
import type { IssueFacts } from '../model/issue';
import type { JqlField, JqlOrder } from './ast';
import { comparableOf } from './evaluate';

export type IssueComparator = (a: IssueFacts, b: IssueFacts) => number;

const CATEGORY_RANK: Readonly<Record<string, number>> = { new: 0, indeterminate: 1, done: 2 };

function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares issue keys by project, then by number. */
export function compareIssueKeys(a: string, b: string): number {
  const da = a.lastIndexOf('-');
  const db = b.lastIndexOf('-');
  const pa = a.slice(0, da).toUpperCase();
  const pb = b.slice(0, db).toUpperCase();
  if (pa !== pb) return pa < pb ? -1 : 1;
  return Number(a.slice(da + 1)) - Number(b.slice(db + 1));
}

function compareField(a: IssueFacts, b: IssueFacts, field: JqlField): number {
  if (field === 'key') return compareIssueKeys(a.key, b.key);
  const va = comparableOf(a, field);
  const vb = comparableOf(b, field);
  if (va === vb) return 0;
  if (va === null) return 1;
  if (vb === null) return -1;
  if (field === 'statusCategory') return (CATEGORY_RANK[va] ?? 0) - (CATEGORY_RANK[vb] ?? 0);
  return va < vb ? -1 : 1;
}

/** The comparator for an `ORDER BY` list, ending with the issue id as tie-breaker. */
export function compileComparator(orderBy: readonly JqlOrder[]): IssueComparator {
  return (a, b) => {
    for (const { field, direction } of orderBy) {
      const c = compareField(a, b, field);
      if (c !== 0) return direction === 'asc' ? c : -c;
    }
    return compareIds(a.id, b.id);
  };
}
