/**
 * The second pass of parsing: turns syntactically valid clauses into AST clauses, checking
 * that the field is in the subset, the operator suits the field, EMPTY is allowed, dates
 * are well-formed and status categories exist. Messages follow Jira's wording.
 */
import type { StatusCategory } from '../model/issue';
import { jqlFieldAliases, jqlFields, type JqlClause, type JqlField, type JqlOperator, type JqlOrder } from './ast';
import { parseJqlDate } from './dates';
import { jqlSemanticError } from './errors';
import type { Token } from './lexer';

export interface RawValue {
  readonly value: string | null;
  readonly token: Token;
}

export interface RawClause {
  readonly kind: 'clause';
  readonly field: Token;
  readonly operator: JqlOperator | '~' | '!~';
  readonly operatorToken: Token;
  readonly values: readonly RawValue[];
}

export interface RawOrder {
  readonly field: Token;
  readonly direction: 'asc' | 'desc';
}

const SUPPORTED_FIELDS = 'parent, key (issuekey), project, issuetype (type), status, statusCategory, updated, created, duedate, resolutiondate';
const RANGE_OPERATORS: ReadonlySet<string> = new Set(['>', '>=', '<', '<=']);
const MAX_ORDER_FIELDS = 7;

const CATEGORY_NAMES: ReadonlyMap<string, StatusCategory> = new Map<string, StatusCategory>([
  ['new', 'new'],
  ['to do', 'new'],
  ['2', 'new'],
  ['indeterminate', 'indeterminate'],
  ['in progress', 'indeterminate'],
  ['4', 'indeterminate'],
  ['done', 'done'],
  ['3', 'done'],
]);

/** The status category a JQL value names (by key, name or id, case-insensitively); null if none. */
export function statusCategoryOf(value: string): StatusCategory | null {
  return CATEGORY_NAMES.get(value.trim().toLowerCase()) ?? null;
}

function resolveField(token: Token): JqlField {
  const field = jqlFieldAliases.get(token.text.toLowerCase());
  if (field === undefined) {
    throw jqlSemanticError(`Field '${token.text}' is not supported by this JQL subset; the supported fields are ${SUPPORTED_FIELDS}.`, token);
  }
  return field;
}

function operatorName(op: string): string {
  return /^[a-z ]+$/.test(op) ? op.toUpperCase() : op;
}

/** Checks one clause and returns its AST node. */
export function checkClause(raw: RawClause): JqlClause {
  const field = resolveField(raw.field);
  const meta = jqlFields[field];
  const op = raw.operator;
  const name = operatorName(op);
  if (op === '~' || op === '!~' || (RANGE_OPERATORS.has(op) && meta.kind !== 'date')) {
    throw jqlSemanticError(`The operator '${name}' is not supported by the '${raw.field.text}' field.`, raw.operatorToken);
  }
  for (const { value, token } of raw.values) {
    if (value === null) {
      if (!meta.emptyable) throw jqlSemanticError(`The field '${raw.field.text}' does not support searching for EMPTY values.`, token);
      if (RANGE_OPERATORS.has(op)) throw jqlSemanticError(`The operator '${name}' does not support searching for EMPTY values.`, token);
      continue;
    }
    if (op === 'is' || op === 'is not') {
      throw jqlSemanticError(`The operator '${name}' only supports searching for EMPTY values, got '${value}'.`, token);
    }
    if (meta.kind === 'date' && parseJqlDate(value) === null) {
      throw jqlSemanticError(
        `Date value '${value}' for field '${raw.field.text}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
        token,
      );
    }
    if (meta.kind === 'category' && statusCategoryOf(value) === null) {
      throw jqlSemanticError(`The value '${value}' does not exist for the field '${raw.field.text}'.`, token);
    }
  }
  return { kind: 'clause', field, operator: op, values: raw.values.map((v) => v.value) };
}

/** Checks the `ORDER BY` fields: supported, not repeated, at most 7. */
export function checkOrder(raw: readonly RawOrder[]): JqlOrder[] {
  const seen = new Set<JqlField>();
  const orders: JqlOrder[] = [];
  for (const { field: token, direction } of raw) {
    const field = resolveField(token);
    if (seen.has(field)) throw jqlSemanticError(`The sort field '${token.text}' is referenced multiple times in the JQL sort.`, token);
    if (orders.length === MAX_ORDER_FIELDS) {
      throw jqlSemanticError(`The ORDER BY clause can contain at most ${MAX_ORDER_FIELDS} fields.`, token);
    }
    seen.add(field);
    orders.push({ field, direction });
  }
  return orders;
}
