/**
 * Turns a JQL expression into a predicate over `IssueFacts`, as Jira evaluates it: text is
 * compared case-insensitively, `key` also matches the numeric issue id, `!=` and `NOT IN`
 * never match an empty field (use `IS EMPTY` or `NOT (…)` for that), dates are compared as
 * instants with relative periods taken from now and absolute dates read in the searching
 * user's time zone (`JqlDateContext`).
 */
import type { IssueFacts } from '../model/issue';
import { jqlFields, type JqlClause, type JqlExpr, type JqlField } from './ast';
import { statusCategoryOf } from './check';
import { instantOf, parseJqlDate, resolveJqlDate, type JqlDateContext } from './dates';

export type IssuePredicate = (issue: IssueFacts) => boolean;

/** The text a field holds for an issue, or null when it is empty. */
export function textOf(issue: IssueFacts, field: JqlField): string | null {
  switch (field) {
    case 'parent':
      return issue.parent;
    case 'key':
      return issue.key;
    case 'project':
      return issue.project;
    case 'issuetype':
      return issue.type;
    case 'status':
      return issue.status;
    case 'statusCategory':
      return issue.category;
    case 'updated':
      return issue.updated;
    case 'created':
      return issue.created;
    case 'duedate':
      return issue.due;
    case 'resolutiondate':
      return issue.resolved;
  }
}

/** A comparable value of a field: lower-cased text, category, or instant in ms; null when empty. */
export function comparableOf(issue: IssueFacts, field: JqlField): string | number | null {
  const text = textOf(issue, field);
  if (text === null) return null;
  if (jqlFields[field].kind === 'date') {
    const ms = instantOf(text);
    return Number.isNaN(ms) ? null : ms;
  }
  return field === 'statusCategory' ? text : text.toLowerCase();
}

function valueOf(field: JqlField, value: string, dates: JqlDateContext): string | number {
  const kind = jqlFields[field].kind;
  if (kind === 'date') return resolveJqlDate(parseJqlDate(value) ?? { kind: 'absolute', ms: NaN }, dates);
  if (kind === 'category') return statusCategoryOf(value) ?? value;
  return value.toLowerCase();
}

function compileClause(clause: JqlClause, dates: JqlDateContext): IssuePredicate {
  const { field, operator } = clause;
  const wantsEmpty = clause.values.includes(null);
  const wanted = new Set(clause.values.filter((v): v is string => v !== null).map((v) => valueOf(field, v, dates)));
  const ids = field === 'key' ? new Set(clause.values.filter((v): v is string => v !== null && /^\d+$/.test(v))) : null;
  const matches = (issue: IssueFacts, v: string | number): boolean => wanted.has(v) || (ids !== null && ids.has(issue.id));
  const bound = [...wanted][0] as number;

  return (issue) => {
    const v = comparableOf(issue, field);
    switch (operator) {
      case 'is':
        return v === null;
      case 'is not':
        return v !== null;
      case '=':
      case 'in':
        return v === null ? wantsEmpty : matches(issue, v);
      case '!=':
      case 'not in':
        return v !== null && !matches(issue, v);
      case '>':
        return v !== null && (v as number) > bound;
      case '>=':
        return v !== null && (v as number) >= bound;
      case '<':
        return v !== null && (v as number) < bound;
      case '<=':
        return v !== null && (v as number) <= bound;
    }
  };
}

/** Compiles an expression into a predicate; dates are resolved once against `dates` (now, and the zone absolute dates are read in). */
export function compilePredicate(expr: JqlExpr | null, dates: JqlDateContext): IssuePredicate {
  if (expr === null) return () => true;
  switch (expr.kind) {
    case 'clause':
      return compileClause(expr, dates);
    case 'not': {
      const inner = compilePredicate(expr.operand, dates);
      return (issue) => !inner(issue);
    }
    case 'and': {
      const parts = expr.operands.map((e) => compilePredicate(e, dates));
      return (issue) => parts.every((p) => p(issue));
    }
    case 'or': {
      const parts = expr.operands.map((e) => compilePredicate(e, dates));
      return (issue) => parts.some((p) => p(issue));
    }
  }
}
