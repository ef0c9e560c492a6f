/**
 * `compileJql`: text in, a ready-to-use query out (syntax tree, predicate over issue facts,
 * comparator, boundedness). Pure: the time relative dates are read against comes in as
 * `options.now`.
 */
import { OkrError } from '../model/errors';
import type { IssueFacts } from '../model/issue';
import type { JqlOrder, JqlQuery } from './ast';
import { findJqlBounds, type JqlBound } from './bounds';
import { compilePredicate } from './evaluate';
import { compileComparator } from './order';
import { parseJql } from './parser';

export interface CompileJqlOptions {
  /** The instant relative dates (`-5d`) count from: an ISO instant or date. */
  readonly now: string;
  /** The searching user's zone, as an offset east of UTC at an instant; UTC when absent. */
  readonly zoneOffsetMinutes?: ((utcMs: number) => number) | undefined;
}

export interface CompiledJql {
  readonly ast: JqlQuery;
  /** True when every top-level OR branch is restricted by project, parent or key (`=` / `IN`). */
  readonly bounded: boolean;
  /** The restrictions that make it bounded (null when unbounded), for index look-ups. */
  readonly bounds: readonly JqlBound[] | null;
  readonly orderBy: readonly JqlOrder[];
  test(issue: IssueFacts): boolean;
  /** Orders issues by `ORDER BY`, then by numeric id. */
  compare(a: IssueFacts, b: IssueFacts): number;
}

/** Compiles a parsed (or built) query against `options.now`. */
export function compileJqlQuery(ast: JqlQuery, options: CompileJqlOptions): CompiledJql {
  const nowMs = Date.parse(options.now.length === 10 ? `${options.now}T00:00:00Z` : options.now);
  if (Number.isNaN(nowMs)) {
    throw new OkrError('invalid-argument', [{ where: 'compileJql', message: `expected now as an ISO date or instant, got "${options.now}"` }]);
  }
  const bounds = findJqlBounds(ast.where);
  return {
    ast,
    bounded: bounds !== null,
    bounds,
    orderBy: ast.orderBy,
    test: compilePredicate(ast.where, { nowMs, zoneOffsetMinutes: options.zoneOffsetMinutes }),
    compare: compileComparator(ast.orderBy),
  };
}

/**
 * Parses and compiles JQL of the supported subset (see README.md). Throws
 * `OkrError('invalid-jql')` with Jira's wording and the line and character of the token at
 * fault, e.g. `Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'. (line 1, character 15)`.
 */
export function compileJql(text: string, options: CompileJqlOptions): CompiledJql {
  return compileJqlQuery(parseJql(text), options);
}
