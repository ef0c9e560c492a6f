/**
 * The JQL subset's grammar (precedence NOT > AND > OR, parentheses, `ORDER BY`). Like Jira,
 * the syntax of the whole text is read first and the meaning of each clause (known field,
 * operator allowed for it, well-formed dates) is checked after, in `check.ts`, so a syntax
 * error later in the query wins over an unknown field earlier in it. Functions and history
 * operators (`WAS`, `CHANGED`) are refused where they are met.
 */
import type { JqlExpr, JqlOperator, JqlQuery } from './ast';
import { checkClause, checkOrder, type RawClause, type RawOrder, type RawValue } from './check';
import { expecting, jqlSemanticError } from './errors';
import { tokenizeJql, type Token } from './lexer';
import { isReservedJqlWord } from './reserved';

type RawExpr =
  | RawClause
  | { readonly kind: 'and' | 'or'; readonly operands: readonly RawExpr[] }
  | { readonly kind: 'not'; readonly operand: RawExpr };

const OPERATORS_HINT = "The valid operators are '=', '!=', '<', '>', '<=', '>=', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

function isKeyword(token: Token, word: string): boolean {
  if (token.kind === 'logic') return token.text === word;
  return token.kind === 'word' && token.text.toUpperCase() === word;
}

/** Parses JQL text into its syntax tree. Throws `OkrError('invalid-jql')` with Jira's wording and the position. */
export function parseJql(text: string): JqlQuery {
  const tokens = tokenizeJql(text);
  let i = 0;
  const peek = (ahead = 0): Token => tokens[Math.min(i + ahead, tokens.length - 1)] as Token;
  const next = (): Token => tokens[Math.min(i++, tokens.length - 1)] as Token;

  function parseOr(depth: number): RawExpr {
    return parseChain('or', 'OR', () => parseAnd(depth));
  }
  function parseAnd(depth: number): RawExpr {
    return parseChain('and', 'AND', () => parseNot(depth));
  }
  function parseChain(kind: 'and' | 'or', word: string, operand: () => RawExpr): RawExpr {
    const operands: RawExpr[] = [];
    const add = (e: RawExpr) => (e.kind === kind ? operands.push(...e.operands) : operands.push(e));
    add(operand());
    while (isKeyword(peek(), word)) {
      next();
      add(operand());
    }
    return operands.length === 1 ? (operands[0] as RawExpr) : { kind, operands };
  }
  function parseNot(depth: number): RawExpr {
    const token = peek();
    if (isKeyword(token, 'NOT')) {
      next();
      return { kind: 'not', operand: parseNot(depth) };
    }
    if (token.kind === 'lparen') {
      next();
      const inner = parseOr(depth + 1);
      const close = next();
      if (close.kind !== 'rparen') throw expecting("either 'OR', 'AND' or ')'", close);
      return inner;
    }
    return parseClause();
  }

  function parseClause(): RawClause {
    const field = next();
    if ((field.kind !== 'word' && field.kind !== 'string') || isKeyword(field, 'ORDER')) throw expecting('a field name', field);
    const { operator, token } = parseOperator();
    const values = operator === 'in' || operator === 'not in' ? parseList() : [parseValue()];
    return { kind: 'clause', field, operator, operatorToken: token, values };
  }

  function parseOperator(): { operator: JqlOperator | '~' | '!~'; token: Token } {
    const token = next();
    if (token.kind === 'op') return { operator: token.text as JqlOperator | '~' | '!~', token };
    if (isKeyword(token, 'IN')) return { operator: 'in', token };
    if (isKeyword(token, 'NOT')) {
      const inToken = next();
      if (!isKeyword(inToken, 'IN')) throw expecting("'IN'", inToken);
      return { operator: 'not in', token };
    }
    if (isKeyword(token, 'IS')) {
      if (isKeyword(peek(), 'NOT')) {
        next();
        return { operator: 'is not', token };
      }
      return { operator: 'is', token };
    }
    if (isKeyword(token, 'WAS') || isKeyword(token, 'CHANGED')) {
      throw jqlSemanticError(`The operator '${token.raw.toUpperCase()}' is not supported by this JQL subset.`, token);
    }
    throw expecting('operator', token, OPERATORS_HINT);
  }

  function parseList(): RawValue[] {
    const open = peek();
    if (open.kind === 'word' && peek(1).kind === 'lparen') return [parseValue()];
    next();
    if (open.kind !== 'lparen') throw expecting("'('", open);
    const values = [parseValue()];
    for (;;) {
      const sep = next();
      if (sep.kind === 'rparen') return values;
      if (sep.kind !== 'comma') throw expecting("either ',' or ')'", sep);
      values.push(parseValue());
    }
  }

  function parseValue(): RawValue {
    const token = next();
    if (token.kind === 'string') return { value: token.text, token };
    if (token.kind !== 'word') throw expecting('either a value, list or function', token);
    if (peek().kind === 'lparen') {
      throw jqlSemanticError(`The JQL function '${token.text}()' is not supported by this JQL subset.`, token);
    }
    const upper = token.text.toUpperCase();
    if (upper === 'EMPTY' || upper === 'NULL') return { value: null, token };
    if (isReservedJqlWord(token.text)) {
      throw expecting(
        'either a value, list or function',
        token,
        `You must surround '${token.text}' in quotation marks to use it as a value.`,
      );
    }
    return { value: token.text, token };
  }

  function parseOrderBy(): RawOrder[] {
    next();
    const by = next();
    if (!isKeyword(by, 'BY')) throw expecting("'BY'", by);
    const orders: RawOrder[] = [];
    for (;;) {
      const field = next();
      if (field.kind !== 'word' && field.kind !== 'string') throw expecting('a field name', field);
      let direction: 'asc' | 'desc' | null = null;
      if (isKeyword(peek(), 'ASC') || isKeyword(peek(), 'DESC')) direction = next().text.toLowerCase() as 'asc' | 'desc';
      orders.push({ field, direction: direction ?? 'asc' });
      const after = next();
      if (after.kind === 'eof') return orders;
      if (after.kind !== 'comma') throw expecting(direction ? "',' or the end of the query" : "either 'ASC', 'DESC' or ','", after);
    }
  }

  let raw: RawExpr | null = null;
  if (peek().kind !== 'eof' && !isKeyword(peek(), 'ORDER')) raw = parseOr(0);
  let rawOrder: RawOrder[] = [];
  const after = peek();
  if (isKeyword(after, 'ORDER')) rawOrder = parseOrderBy();
  else if (after.kind !== 'eof') throw expecting("either 'OR' or 'AND'", after);

  return { where: raw === null ? null : resolve(raw), orderBy: checkOrder(rawOrder) };
}

function resolve(raw: RawExpr): JqlExpr {
  if (raw.kind === 'clause') return checkClause(raw);
  if (raw.kind === 'not') return { kind: 'not', operand: resolve(raw.operand) };
  return { kind: raw.kind, operands: raw.operands.map(resolve) };
}
