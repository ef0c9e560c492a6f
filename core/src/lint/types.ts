/** Lint findings: the common ways department OKRs fail (silos, vague metrics, overload). */
export type LintCode =
  | 'objective-count'
  | 'kr-no-measure'
  | 'kr-no-target'
  | 'no-owner'
  | 'unaligned-objective'
  | 'hidden-dependency'
  | 'stale-check-in'
  | 'owner-overload';

export type LintSeverity = 'error' | 'warning';

export interface LintFinding {
  readonly code: LintCode;
  readonly severity: LintSeverity;
  /** The id of what the finding is about: a department, objective, key result, owner or issue link. */
  readonly subject: string;
  readonly message: string;
}
