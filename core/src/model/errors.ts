/**
 * Domain errors: expected failures of user input, each with a stable `code` and a message
 * that says what was expected, what was found, and where. Apps map them to responses in one
 * place (HTTP 400, CLI exit 2, a resolver error payload).
 */
export type OkrErrorCode =
  | 'invalid-org-file'
  | 'invalid-snapshot'
  | 'alignment-cycle'
  | 'dependency-self-loop'
  | 'unknown-reference'
  | 'duplicate-id'
  | 'invalid-jql'
  | 'invalid-argument';

export interface OkrIssue {
  /** Where the problem is: a file path, a dotted path and a line when known. */
  readonly where: string;
  readonly message: string;
}

export class OkrError extends Error {
  readonly code: OkrErrorCode;
  readonly issues: readonly OkrIssue[];

  constructor(code: OkrErrorCode, issues: readonly OkrIssue[]) {
    super(issues.map((i) => (i.where ? `${i.where}: ${i.message}` : i.message)).join('\n'));
    this.name = 'OkrError';
    this.code = code;
    this.issues = issues;
  }
}

export function isOkrError(e: unknown): e is OkrError {
  return e instanceof OkrError;
}
