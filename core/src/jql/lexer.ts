/**
 * Splits JQL text into tokens with their line and character (both from 1). Bare words run
 * until white space or a JQL special character; quoted strings ("…" or '…') take the escapes
 * Jira takes. Keywords are not recognised here: the parser reads words case-insensitively.
 */
import { jqlSyntaxError } from './errors';

export type TokenKind = 'word' | 'string' | 'lparen' | 'rparen' | 'comma' | 'op' | 'logic' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The value: a string's unescaped content, an operator, `AND`/`OR`/`NOT` for `&&`, `||`, `!`. */
  readonly text: string;
  /** The text as written, for messages. */
  readonly raw: string;
  readonly line: number;
  readonly character: number;
}

/** Characters Jira reserves: they must be quoted or escaped. */
const RESERVED_CHARS = new Set(['+', '.', ';', '?', '*', '/', '%', '^', '$', '#', '@', '[', ']', '{', '}', '\\']);
const STOP_CHARS = new Set(['"', "'", '(', ')', ',', '=', '!', '<', '>', '~', '&', '|']);
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\\': '\\', n: '\n', r: '\r', t: '\t', ' ': ' ' };

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
}

/** Tokenizes `text`; the last token is always `eof`. Throws `OkrError('invalid-jql')`. */
export function tokenizeJql(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (offset: number) => ({ line, character: offset - lineStart + 1 });
  const push = (kind: TokenKind, value: string, start: number, end: number) =>
    tokens.push({ kind, text: value, raw: text.slice(start, end), ...pos(start) });

  while (i < text.length) {
    const ch = text[i] as string;
    if (isSpace(ch)) {
      if (ch === '\n') {
        line++;
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    const start = i;
    const two = text.slice(i, i + 2);
    if (ch === '(' || ch === ')' || ch === ',') {
      push(ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', ch, i, i + 1);
      i++;
    } else if (two === '!=' || two === '<=' || two === '>=' || two === '!~') {
      push('op', two, i, i + 2);
      i += 2;
    } else if (ch === '=' || ch === '<' || ch === '>' || ch === '~') {
      push('op', ch, i, i + 1);
      i++;
    } else if (ch === '!') {
      push('logic', 'NOT', i, i + 1);
      i++;
    } else if (ch === '&' || ch === '|') {
      const len = text[i + 1] === ch ? 2 : 1;
      push('logic', ch === '&' ? 'AND' : 'OR', i, i + len);
      i += len;
    } else if (ch === '"' || ch === "'") {
      i = readString(text, i, pos(start), (value, end) => push('string', value, start, end));
    } else if (RESERVED_CHARS.has(ch)) {
      const code = ch.charCodeAt(0).toString(16).padStart(4, '0');
      throw jqlSyntaxError(
        `The character '${ch}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead.`,
        pos(start),
      );
    } else {
      while (i < text.length) {
        const c = text[i] as string;
        if (isSpace(c) || STOP_CHARS.has(c)) break;
        if (RESERVED_CHARS.has(c)) break;
        i++;
      }
      push('word', text.slice(start, i), start, i);
    }
  }
  tokens.push({ kind: 'eof', text: '', raw: '', ...pos(i) });
  return tokens;
}

/** Reads a quoted string starting at `start`; returns the offset after its closing quote. */
function readString(text: string, start: number, where: { line: number; character: number }, emit: (value: string, end: number) => void): number {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === quote) {
      emit(value, i + 1);
      return i + 1;
    }
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined) {
        throw jqlSyntaxError(`The escape sequence '\\${next}' in the quoted string '${value}' is illegal.`, where);
      }
      value += escaped;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw jqlSyntaxError(`The quoted string '${value}' has not been completed.`, where);
}
