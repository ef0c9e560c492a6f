/**
 * The one place where failures become resolver errors: expected outcomes thrown as
 * `AppFailure` keep their code; core's `OkrError` (an org that breaks its rules) becomes
 * `invalid-org` with each problem located (line and column when the org file said where); a
 * commit refused for another writer's change (when the call did not re-apply it) is
 * `conflict`; anything else is `internal`, with a message that leaks no detail.
 */
import { isOkrError } from '@okr-bridge/core';
import type { ResolverError, ResolverErrorCode, ResolverIssue } from '../contract';
import { TornRecordError } from '../adapters/kvs-records';
import { RevisionConflict } from '../storage/okr-repository';

export class AppFailure extends Error {
  constructor(
    readonly code: ResolverErrorCode,
    message: string,
    readonly issues?: readonly ResolverIssue[],
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

/** "org.yaml:12:5 objectives[0].title" → line 12, column 5. */
export function locateIssue(where: string, message: string): ResolverIssue {
  const m = /^[^:\s]+:(\d+):(\d+)\b/.exec(where);
  return m ? { where, message, line: Number(m[1]), column: Number(m[2]) } : { where, message };
}

/** zod issues as resolver issues: the path joined with dots. */
export function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ResolverIssue[] {
  return issues.map((i) => ({ where: i.path.map(String).join('.') || '(payload)', message: i.message }));
}

export function toResolverError(e: unknown, log?: (m: string) => void): ResolverError {
  if (e instanceof AppFailure) return { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) };
  if (isOkrError(e)) {
    const issues = e.issues.map((i) => locateIssue(i.where, i.message));
    const first = issues[0];
    return { code: 'invalid-org', message: first ? `${first.where}: ${first.message}` : 'the org breaks its rules', issues };
  }
  if (e instanceof RevisionConflict) return { code: 'conflict', message: 'Someone else changed the same OKRs at the same moment; nothing of yours was saved. Try again.' };
  if (e instanceof TornRecordError) return { code: 'internal', message: 'The OKR data is being updated; try again in a moment.' };
  log?.(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return { code: 'internal', message: 'Something went wrong on the server; try again, and tell your Jira admin if it keeps happening.' };
}
