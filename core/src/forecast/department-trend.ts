/**
 * A department's trend: progress over the cycle so far for the department, its objectives
 * and its key results, computed once here and sent to every surface (the Jira panel with its
 * view, the Teams tab over the bridge). Leaf key results use `computeProgressHistory`, which
 * needs only what the store keeps (issues' created and resolved dates, check-ins); roll-up key
 * results, objectives and the department are the weighted means of their parts on the same
 * days, by the rules progress rolls up with, so each series ends on the number the view shows.
 */
import type { IssueIndex } from '../model/issue-index';
import type { KeyResult, Objective, Org } from '../model/org';
import type { JqlIssues } from '../progress/jira-issues';
import type { KrContext } from '../progress/kr-progress';
import { computeMean, computeWeightedMean } from '../rollup/weighted-mean';
import { computeProgressHistory, type HistoryPoint } from './forecast';

/** Points per series: about one every 6 days over a quarter, a few hundred bytes per key result. */
export const TREND_POINTS = 16;

export interface DepartmentTrend {
  /** The department's own progress (the mean of its objectives). */
  readonly department: readonly HistoryPoint[];
  readonly objectives: Readonly<Record<string, readonly HistoryPoint[]>>;
  readonly keyResults: Readonly<Record<string, readonly HistoryPoint[]>>;
}

export interface TrendInput {
  readonly org: Org;
  readonly index: IssueIndex;
  readonly jqlIssues: JqlIssues;
  readonly department: string;
  readonly at: string;
  readonly points?: number;
}

/** The weighted mean of `series` (same days) at each day of `days`; progress 0 with none. */
function combine(days: readonly HistoryPoint[], series: readonly (readonly HistoryPoint[])[], weights: readonly number[]): HistoryPoint[] {
  return days.map((day, i) => ({ ...day, progress: computeWeightedMean(series.map((s) => s[i]?.progress ?? 0), weights).value }));
}

/**
 * The progress history of the department `input.department`, its objectives and key results
 * at `input.at`, `points` points each (fewer early in the cycle: one a day at most).
 */
export function computeDepartmentTrend(input: TrendInput): DepartmentTrend {
  const { org, index, at } = input;
  const points = input.points ?? TREND_POINTS;
  const ctx: KrContext = { cycle: org.cycle, at, index, checkIns: org.checkIns, statusWeights: org.settings.statusWeights, jqlIssues: input.jqlIssues };
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
  const own = Object.values(objectives);
  const department = days.map((day, i) => ({ ...day, progress: computeMean(own.map((s) => s[i]?.progress ?? 0)) }));
  return { department, objectives, keyResults };
}

/** A trend as dated progress points per subject (department, objective and key result ids), oldest first. */
export function trendPointsOf(trend: DepartmentTrend, departmentId: string): Record<string, { day: string; progress: number }[]> {
  const points = (series: readonly HistoryPoint[]) => series.map((p) => ({ day: p.date, progress: p.progress }));
  const out: Record<string, { day: string; progress: number }[]> = { [departmentId]: points(trend.department) };
  for (const [id, series] of [...Object.entries(trend.objectives), ...Object.entries(trend.keyResults)]) out[id] = points(series);
  return out;
}
