/**
 * The department panel's sparklines: progress over the cycle so far, from the department's
 * stored input alone (no Jira call, no extra read). Leaf key results use core's
 * `computeProgressHistory`, which needs only what the store keeps: each issue's created and
 * resolved dates, and the check-ins. Roll-up key results and objectives have no history of
 * their own in core; theirs is the weighted mean of their parts' histories on the same days,
 * by the same rule (`computeWeightedMean`) core rolls progress up with, so each series ends
 * on the number the view shows.
 */
import { buildIssueIndex, computeProgressHistory, computeWeightedMean, metricsToIssues, type HistoryPoint, type KeyResult, type KrContext, type Objective } from '@okr-bridge/core';
import type { DepartmentTrend } from '../contract-results';
import type { DepartmentInput } from '../storage/records';
import { storedJqlIssues } from './evaluate-stored';

/** Points per series: about one every 6 days over a quarter, a few hundred bytes per key result. */
export const TREND_POINTS = 16;

/** The weighted mean of `series` (same days) at each day of `days`; `days` alone (progress 0) when there are none. */
function combine(days: readonly HistoryPoint[], series: readonly (readonly HistoryPoint[])[], weights: readonly number[]): HistoryPoint[] {
  return days.map((day, i) => ({ ...day, progress: computeWeightedMean(series.map((s) => s[i]?.progress ?? 0), weights).value }));
}

/**
 * The progress history of department `input.department`'s objectives and key results at `at`,
 * `points` points each (fewer early in the cycle: one a day at most).
 */
export function computeDepartmentTrend(input: DepartmentInput, at: string, points = TREND_POINTS): DepartmentTrend {
  const { org } = input;
  const index = buildIssueIndex(metricsToIssues(input.metrics));
  const ctx: KrContext = { cycle: org.cycle, at, index, checkIns: org.checkIns, statusWeights: org.settings.statusWeights, jqlIssues: storedJqlIssues(input.metrics, index.all, at) };
  // The days and expected progress every series shares: a milestone that is never done.
  const days = computeProgressHistory({ kind: 'milestone', id: '~days', title: 'days', weight: 1, done: false }, { ...ctx, checkIns: [] }, points);
  const aligned = new Map<string, { objective: Objective; weight: number }[]>();
  for (const o of org.objectives) for (const a of o.alignedTo) aligned.set(a.kr, [...(aligned.get(a.kr) ?? []), { objective: o, weight: a.weight }]);

  const krMemo = new Map<string, HistoryPoint[]>();
  const objectiveMemo = new Map<string, HistoryPoint[]>();
  const visiting = new Set<string>();
  const krHistory = (kr: KeyResult): HistoryPoint[] => {
    let out = krMemo.get(kr.id);
    if (out) return out;
    if (kr.kind === 'rollup') {
      const parts = aligned.get(kr.id) ?? [];
      out = combine(days, parts.map((p) => objectiveHistory(p.objective)), parts.map((p) => p.weight));
    } else {
      out = computeProgressHistory(kr, ctx, points);
    }
    krMemo.set(kr.id, out);
    return out;
  };
  // Memoized; an alignment loop (the org file refuses them) reads as 0 instead of recursing forever.
  const objectiveHistory = (o: Objective): HistoryPoint[] => {
    const known = objectiveMemo.get(o.id);
    if (known) return known;
    if (visiting.has(o.id)) return combine(days, [], []);
    visiting.add(o.id);
    const out = combine(days, o.keyResults.map(krHistory), o.keyResults.map((k) => k.weight));
    visiting.delete(o.id);
    objectiveMemo.set(o.id, out);
    return out;
  };

  const objectives: Record<string, HistoryPoint[]> = {};
  const keyResults: Record<string, HistoryPoint[]> = {};
  for (const o of org.objectives) {
    if (o.department !== input.department) continue;
    objectives[o.id] = objectiveHistory(o);
    for (const kr of o.keyResults) keyResults[kr.id] = krHistory(kr);
  }
  return { objectives, keyResults };
}
