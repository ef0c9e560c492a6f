/**
 * JQL errors worded like Jira's own, each naming the line and character (both from 1) of the
 * token at fault, so that a message from the emulator reads like one from Jira Cloud.
 */
import { OkrError } from '../model/errors';
import type { Token } from './lexer';

export interface JqlPosition {
  readonly line: number;
  readonly character: number;
}

function at(pos: JqlPosition): string {
  return `(line ${pos.line}, character ${pos.character})`;
}

/** A syntax error: Jira prefixes these with "Error in the JQL Query:". */
export function jqlSyntaxError(message: string, pos: JqlPosition): OkrError {
  return new OkrError('invalid-jql', [{ where: '', message: `Error in the JQL Query: ${message} ${at(pos)}` }]);
}

/** A well-formed query that asks for something the subset (or Jira) does not allow. */
export function jqlSemanticError(message: string, pos: JqlPosition): OkrError {
  return new OkrError('invalid-jql', [{ where: '', message: `${message} ${at(pos)}` }]);
}

/** `Expecting X but got 'tok'.` or `Expecting X before the end of the query.` */
export function expecting(what: string, token: Token, hint = ''): OkrError {
  const tail = hint ? ` ${hint}` : '';
  if (token.kind === 'eof') return jqlSyntaxError(`Expecting ${what} before the end of the query.${tail}`, token);
  return jqlSyntaxError(`Expecting ${what} but got '${token.raw}'.${tail}`, token);
}
