/**
 * Progress of one key result that carries its own measure (`metric`, `milestone`, `jira`).
 * `rollup` key results depend on other objectives and are computed in `rollup/`.
 */
import type { IssueIndex } from '../model/issue-index';
import type { CheckIn, Cycle, JiraKr, MetricKr, MilestoneKr } from '../model/org';
import { toAtDay } from './expected';
import { collectJiraIssues, makeScopeClock } from './jira-issues';
import type { JqlIssues } from './jira-issues';
import { computeJiraProgress } from './jira-progress';
import type { StatusWeights } from './jira-progress';
import { computeMetricProgress, computeMilestoneProgress } from './manual-progress';
import type { KrProgress } from './manual-progress';

/** A key result measured on its own, without looking at other objectives. */
export type LeafKeyResult = MetricKr | MilestoneKr | JiraKr;

/** What a leaf key result's progress is computed from. */
export interface KrContext {
  readonly cycle: Pick<Cycle, 'start' | 'end'>;
  /** The time of the computation: a date `YYYY-MM-DD` (00:00 UTC) or an ISO instant. */
  readonly at: string;
  readonly index: IssueIndex;
  /** The org's check-ins for this key result (others are ignored), in file order. */
  readonly checkIns: readonly CheckIn[];
  readonly statusWeights: StatusWeights;
  readonly jqlIssues: JqlIssues;
}

/**
 * The progress of a metric, milestone or jira key result with the explanation of its number.
 * Check-ins dated after `at` are ignored; jira key results read the issue index as it is (a
 * snapshot), with scope added after the cycle start reported in the explanation.
 */
export function computeKrProgress(kr: LeafKeyResult, ctx: KrContext): KrProgress {
  switch (kr.kind) {
    case 'metric':
      return computeMetricProgress(kr, ownCheckIns(kr.id, ctx.checkIns), toAtDay(ctx.at));
    case 'milestone':
      return computeMilestoneProgress(kr, ownCheckIns(kr.id, ctx.checkIns), toAtDay(ctx.at));
    case 'jira':
      return computeJiraProgress(kr, collectJiraIssues(kr, ctx.index, ctx.jqlIssues), ctx.statusWeights, makeScopeClock(ctx.cycle.start));
  }
}

/** Callers usually pass only this key result's check-ins; the filter keeps a whole list safe. */
function ownCheckIns(id: string, checkIns: readonly CheckIn[]): readonly CheckIn[] {
  return checkIns.every((c) => c.kr === id) ? checkIns : checkIns.filter((c) => c.kr === id);
}
