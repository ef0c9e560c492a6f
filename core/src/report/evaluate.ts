/**
 * Runs every computation of a cycle over one set of issues, in the order they depend on each
 * other: dependencies (a blocked one makes its key result at risk), progress and roll-up,
 * lint, the progress at the last review, and the review agenda. Callers (CLI, Forge
 * resolvers, the Teams service) read the parts they need from the result.
 */
import { buildReviewAgenda } from '../agenda/build-agenda';
import type { AgendaScope, ReviewAgenda } from '../agenda/types';
import { computeDependencies } from '../dependencies/compute-dependencies';
import type { DependencyGraph } from '../dependencies/types';
import { compileJql } from '../jql';
import { lintOrg } from '../lint';
import type { LintFinding } from '../lint/types';
import type { IssueFacts } from '../model/issue';
import { buildIssueIndex } from '../model/issue-index';
import type { Org } from '../model/org';
import type { JqlIssues } from '../progress/jira-issues';
import type { ProgressResult } from '../progress/types';
import { computeKrProgressNumbers, computeProgress } from '../rollup';
import { toDay } from '../time/dates';
import { rewindIssues } from './rewind';

/** Answers key result JQLs over a list of issues as they stood at `now`. */
export type JqlSelectorFactory = (issues: readonly IssueFacts[], now: string) => JqlIssues;

export interface EvaluateOptions {
  /** The moment reported on: a date (its start, UTC) or an ISO instant. */
  readonly at: string;
  /**
   * How key result JQLs are answered; by default by evaluating them over the issues given.
   * Callers that hold Jira's own answers (stored reconcile results) pass them in here.
   */
  readonly jqlIssues?: JqlSelectorFactory;
  readonly agenda?: {
    readonly scope?: AgendaScope;
    /** Defaults to the last review of that scope before `at`, else the cycle start. */
    readonly since?: string;
    readonly minutes?: number;
  };
}

export interface Evaluation {
  readonly at: string;
  readonly progress: ProgressResult;
  readonly dependencies: DependencyGraph;
  readonly lint: readonly LintFinding[];
  readonly agenda: ReviewAgenda;
}

export const DEFAULT_MEETING_MINUTES = 45;

/** Evaluates an org against the issues read from Jira (or a snapshot) at `options.at`. */
export function evaluateOrg(org: Org, issues: readonly IssueFacts[], options: EvaluateOptions): Evaluation {
  const { at } = options;
  const index = buildIssueIndex(issues);
  const dependencies = computeDependencies(org, index, at);
  const blockedKrs = new Set(dependencies.dependencies.filter((d) => d.state === 'blocked').map((d) => d.needs.kr));
  const selectJql = options.jqlIssues ?? jqlSelector;
  const progress = computeProgress(org, index, at, { jqlIssues: selectJql(index.all, at), blockedKrs });

  const lint = lintOrg(org, { at, hidden: dependencies.hidden });

  const scope = options.agenda?.scope ?? { kind: 'company' };
  const since = options.agenda?.since ?? lastReview(org, scope, at);
  const before = buildIssueIndex(rewindIssues(issues, since));
  // Only the numbers at `since` (the agenda's movers): no statuses or explanations for a second pass over the org.
  const progressAtSince = computeKrProgressNumbers(org, before, since, { jqlIssues: selectJql(before.all, since), blockedKrs: new Set() });
  const agenda = buildReviewAgenda({
    org,
    progress,
    dependencies,
    lint,
    progressAtSince,
    scope,
    since,
    at,
    minutes: options.agenda?.minutes ?? DEFAULT_MEETING_MINUTES,
  });
  return { at, progress, dependencies, lint, agenda };
}

/** The date of the last review of this scope before `at`, or the cycle start. */
export function lastReview(org: Org, scope: AgendaScope, at: string): string {
  const atDay = toDay(at);
  let best = org.cycle.start;
  for (const r of org.reviews) {
    const matches = scope.kind === 'company' ? r.department === undefined : r.department === scope.id;
    if (matches && toDay(r.date) < atDay && r.date > best) best = r.date;
  }
  return best;
}

/** Matches each distinct JQL once over the issues and remembers the answer. */
export function jqlSelector(issues: readonly IssueFacts[], now: string): (jql: string) => readonly IssueFacts[] {
  const memo = new Map<string, readonly IssueFacts[]>();
  return (jql) => {
    let hit = memo.get(jql);
    if (!hit) {
      const compiled = compileJql(jql, { now });
      hit = issues.filter((i) => compiled.test(i));
      memo.set(jql, hit);
    }
    return hit;
  };
}
