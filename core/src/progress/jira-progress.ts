/**
 * Progress of a `jira` key result from the issues it measures: done / total issues, story
 * points done / total, or status-weighted issues. The explanation keeps every counted issue
 * with what it adds to the numerator (credit) and the denominator (size).
 *
 * This runs for every key result of every report, over up to hundreds of thousands of issues,
 * so the per-issue loop allocates nothing: the per-issue list (`explain.issues`) is built the
 * first time it is read, from the same groups and by the same rules, then kept.
 */
import type { IssueFacts } from '../model/issue';
import type { JiraKr, JiraMeasure, Settings } from '../model/org';
import { clamp01 } from '../time/dates';
import { isCreatedAfterStart } from './jira-issues';
import type { IssueGroup, ScopeClock } from './jira-issues';
import { describeJiraRule } from './jira-rule';
import type { KrProgress } from './manual-progress';
import type { EpicShare, IssueContribution, KrExplanation } from './types';

export type StatusWeights = Settings['statusWeights'];

/**
 * Measures the issue groups of a jira key result (see `collectJiraIssues`). `issues`: done /
 * total; `points`: points done / points total, unestimated issues adding 0 to both and counted
 * in `unestimated`; `weighted`: Σ weight(status category) / count. No issues at all, or a zero
 * denominator, gives progress 0 and a rule that says why. Scope added after the cycle start is
 * counted beside progress.
 */
export function computeJiraProgress(kr: Pick<JiraKr, 'jql' | 'measure'>, groups: readonly IssueGroup[], weights: StatusWeights, clock: ScopeClock): KrProgress {
  const { measure } = kr;
  const epics: EpicShare[] = [];
  let count = 0;
  let numerator = 0;
  let denominator = 0;
  let unestimated = 0;
  let addedIssues = 0;
  let addedPoints = 0;
  const weightNew = weights.new;
  const weightStarted = weights.indeterminate;
  const weightDone = weights.done;
  for (const group of groups) {
    const list = group.issues;
    let credit = 0;
    let size = 0;
    let done = 0;
    for (let i = 0; i < list.length; i++) {
      const issue = list[i]!;
      const category = issue.category;
      const isDone = category === 'done';
      if (isDone) done++;
      if (measure === 'points') {
        const points = issue.points;
        if (points === null) unestimated++;
        else {
          size += points;
          if (isDone) credit += points;
        }
      } else if (measure === 'issues') {
        size++;
        if (isDone) credit++;
      } else {
        size++;
        credit += isDone ? weightDone : category === 'indeterminate' ? weightStarted : weightNew;
      }
      if (isCreatedAfterStart(issue.created, clock)) {
        addedIssues++;
        addedPoints += issue.points ?? 0;
      }
    }
    count += list.length;
    if (group.epic !== null) epics.push({ key: group.epic, children: list.length, done, credit, size });
    numerator += credit;
    denominator += size;
  }
  const progress = denominator > 0 ? clamp01(numerator / denominator) : 0;
  let issues: readonly IssueContribution[] | undefined;
  const explain: Mutable<KrExplanation> = {
    kind: 'jira',
    rule: describeJiraRule(epicKeys(groups), kr.jql, measure, weights, { count, numerator, denominator, unestimated }),
    numerator,
    denominator,
    measure,
    // An enumerable accessor, listed on first read and kept: spread, JSON, structured clone
    // and deep equality all see a plain array.
    get issues() {
      issues ??= listContributions(groups, measure, weights, clock);
      return issues;
    },
    epics,
    scopeAdded: { issues: addedIssues, points: addedPoints },
  };
  if (measure === 'points') explain.unestimated = unestimated;
  if (count === 0) explain.empty = true;
  return { progress, explain };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function epicKeys(groups: readonly IssueGroup[]): string[] {
  const keys: string[] = [];
  for (const group of groups) if (group.epic !== null) keys.push(group.epic);
  return keys;
}

/** Every counted issue with its credit and size, in group order. */
export function listContributions(groups: readonly IssueGroup[], measure: JiraMeasure, weights: StatusWeights, clock: ScopeClock): IssueContribution[] {
  const out: IssueContribution[] = [];
  for (const group of groups) for (const issue of group.issues) out.push(contributionOf(issue, group.epic, measure, weights, clock));
  return out;
}

function contributionOf(issue: IssueFacts, epic: string | null, measure: JiraMeasure, weights: StatusWeights, clock: ScopeClock): IssueContribution {
  const isDone = issue.category === 'done';
  const size = measure === 'points' ? (issue.points ?? 0) : 1;
  const credit = measure === 'weighted' ? weights[issue.category] : isDone ? size : 0;
  return {
    key: issue.key,
    summary: issue.summary,
    status: issue.status,
    category: issue.category,
    epic,
    points: issue.points,
    credit,
    size,
    addedAfterStart: isCreatedAfterStart(issue.created, clock),
  };
}
