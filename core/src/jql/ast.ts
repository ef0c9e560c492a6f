/**
 * The syntax tree of the JQL subset. Values are kept as written (a date stays "2026-11-01",
 * a duration stays "-5d") so that `printJql` gives back a query Jira reads the same way;
 * they are interpreted when the query is compiled against a `now`.
 */

/** Canonical field names; aliases (`issuekey`, `type`, `due`, …) are resolved when parsing. */
export type JqlField =
  | 'parent'
  | 'key'
  | 'project'
  | 'issuetype'
  | 'status'
  | 'statusCategory'
  | 'updated'
  | 'created'
  | 'duedate'
  | 'resolutiondate';

export type JqlOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';

/** One `field operator value(s)` clause. A `null` value is `EMPTY`; `is`/`is not` carry `[null]`. */
export interface JqlClause {
  readonly kind: 'clause';
  readonly field: JqlField;
  readonly operator: JqlOperator;
  readonly values: readonly (string | null)[];
}

export interface JqlAnd {
  readonly kind: 'and';
  readonly operands: readonly JqlExpr[];
}

export interface JqlOr {
  readonly kind: 'or';
  readonly operands: readonly JqlExpr[];
}

export interface JqlNot {
  readonly kind: 'not';
  readonly operand: JqlExpr;
}

export type JqlExpr = JqlClause | JqlAnd | JqlOr | JqlNot;

export interface JqlOrder {
  readonly field: JqlField;
  readonly direction: 'asc' | 'desc';
}

/** A whole query: `where` is null for an empty query or one with only `ORDER BY`. */
export interface JqlQuery {
  readonly where: JqlExpr | null;
  readonly orderBy: readonly JqlOrder[];
}

export type JqlFieldKind = 'text' | 'category' | 'date';

/** What each field is compared as, and whether it can be EMPTY. */
export const jqlFields: Readonly<Record<JqlField, { readonly kind: JqlFieldKind; readonly emptyable: boolean }>> = {
  parent: { kind: 'text', emptyable: true },
  key: { kind: 'text', emptyable: false },
  project: { kind: 'text', emptyable: false },
  issuetype: { kind: 'text', emptyable: false },
  status: { kind: 'text', emptyable: false },
  statusCategory: { kind: 'category', emptyable: false },
  updated: { kind: 'date', emptyable: true },
  created: { kind: 'date', emptyable: true },
  duedate: { kind: 'date', emptyable: true },
  resolutiondate: { kind: 'date', emptyable: true },
};

/** Names accepted for each field, lower-cased (Jira field names are case-insensitive). */
export const jqlFieldAliases: ReadonlyMap<string, JqlField> = new Map<string, JqlField>([
  ['parent', 'parent'],
  ['key', 'key'],
  ['issuekey', 'key'],
  ['project', 'project'],
  ['issuetype', 'issuetype'],
  ['type', 'issuetype'],
  ['status', 'status'],
  ['statuscategory', 'statusCategory'],
  ['updated', 'updated'],
  ['updateddate', 'updated'],
  ['created', 'created'],
  ['createddate', 'created'],
  ['duedate', 'duedate'],
  ['due', 'duedate'],
  ['resolutiondate', 'resolutiondate'],
  ['resolved', 'resolutiondate'],
]);
