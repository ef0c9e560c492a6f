/**
 * Progress over time and where it is heading: the series behind the panels' sparklines
 * (progress against the expected line, from the cycle start to `at`) and the report's
 * projection of that series to the cycle end. Rollup key results have no history here: theirs
 * is the roll-up of other objectives' histories.
 */
import type { IssueFacts } from '../model/issue';
import type { Cycle, JiraKr } from '../model/org';
import { expectedAtDay, toAtDay, toCycleSpan } from '../progress/expected';
import { collectJiraIssues } from '../progress/jira-issues';
import type { StatusWeights } from '../progress/jira-progress';
import { computeKrProgress } from '../progress/kr-progress';
import type { KrContext, LeafKeyResult } from '../progress/kr-progress';
import { computeMetricProgress, computeMilestoneProgress } from '../progress/manual-progress';
import { clamp01, fromDay, toDay } from '../time/dates';

export interface HistoryPoint {
  /** The point's UTC date; every point but the last is at 00:00 of it, the last is at `at`. */
  readonly date: string;
  readonly progress: number;
  readonly expected: number;
}

/**
 * Up to `points` points from the cycle start to `ctx.at`, on distinct days, the last one at
 * `at` itself and equal to the key result's current progress. Earlier points: metric and
 * milestone from the check-ins dated by then (`computeKrProgress` as of that day); jira from
 * the issues' dates, counting issues resolved by then over issues created by then in the key
 * result's measure. `at` on or before the cycle start gives the single point at `at`.
 */
export function computeProgressHistory(kr: LeafKeyResult, ctx: KrContext, points: number): HistoryPoint[] {
  const span = toCycleSpan(ctx.cycle);
  const atDay = toAtDay(ctx.at);
  const days = sampleDays(span.start, atDay, points);
  const progressAt = historyOf(kr, ctx);
  return days.map((day, i): HistoryPoint => ({
    date: fromDay(day),
    progress: i === days.length - 1 ? computeKrProgress(kr, ctx).progress : progressAt(day),
    expected: expectedAtDay(span, day),
  }));
}

/** Whole days from `startDay`, evenly spread, distinct, then `atDay`. */
function sampleDays(startDay: number, atDay: number, points: number): number[] {
  const span = atDay - startDay;
  const n = Math.min(Math.floor(points), Math.floor(span) + 1);
  if (!(n > 1)) return [atDay];
  const days: number[] = [];
  // span / (n − 1) ≥ 1, so flooring keeps the days distinct and short of `at`'s own day.
  for (let i = 0; i < n - 1; i++) days.push(startDay + Math.floor((i * span) / (n - 1)));
  days.push(atDay);
  return days;
}

function historyOf(kr: LeafKeyResult, ctx: KrContext): (day: number) => number {
  const checkIns = ctx.checkIns.filter((c) => c.kr === kr.id);
  if (kr.kind === 'metric') return (day) => computeMetricProgress(kr, checkIns, day).progress;
  if (kr.kind === 'milestone') return (day) => computeMilestoneProgress(kr, checkIns, day).progress;
  return jiraHistory(kr, collectJiraIssues(kr, ctx.index, ctx.jqlIssues).flatMap((g) => g.issues), ctx.statusWeights);
}

interface Dated {
  readonly created: number;
  /** When it became done; Infinity when it is not done now. */
  readonly resolved: number;
  readonly size: number;
  readonly credit: number;
}

/**
 * Issue facts hold no status history, so an issue counts as done from its resolution date
 * (else its last update, else its creation: workflows that never set a resolution are common)
 * when it is done now, and as not done before. Under `weighted`, not-done issues count at the
 * `new` weight.
 */
function jiraHistory(kr: JiraKr, issues: readonly IssueFacts[], weights: StatusWeights): (day: number) => number {
  const dated: Dated[] = issues.map((issue) => {
    const created = toDay(issue.created);
    const done = issue.category === 'done';
    const size = kr.measure === 'points' ? (issue.points ?? 0) : 1;
    const credit = kr.measure === 'weighted' ? weights.done : size;
    const resolved = done ? firstFinite(toDay(issue.resolved ?? ''), toDay(issue.updated ?? ''), created) : Infinity;
    return { created, resolved, size, credit };
  });
  const base = kr.measure === 'weighted' ? weights.new : 0;
  return (day) => {
    let numerator = 0;
    let denominator = 0;
    for (const d of dated) {
      if (d.created > day) continue;
      denominator += d.size;
      numerator += d.resolved <= day ? d.credit : base;
    }
    return denominator > 0 ? clamp01(numerator / denominator) : 0;
  };
}

function firstFinite(...xs: number[]): number {
  for (const x of xs) if (Number.isFinite(x)) return x;
  return -Infinity;
}

export interface Forecast {
  /** Progress projected at the cycle end, in [0, 1]. */
  readonly projected: number;
  /** How the number was reached, in words. */
  readonly method: string;
}

/** How much recent history the trend reads. */
const TREND_WINDOW_DAYS = 28;

/**
 * Projects a progress series to the end of the cycle (the day after its end date): the
 * least-squares line through the points of the last 4 weeks (all of them when the history is
 * shorter; the last two when fewer than two fall in the window), clamped to [0, 1]. A series
 * with fewer than 2 points, a flat time axis or a cycle already over gives the current value.
 */
export function forecastAtCycleEnd(series: readonly HistoryPoint[], cycle: Pick<Cycle, 'start' | 'end'>): Forecast {
  const last = series[series.length - 1];
  if (last === undefined) return { projected: 0, method: 'no history, so nothing to project: 0' };
  const current = clamp01(last.progress);
  if (series.length < 2) return { projected: current, method: 'the current value (fewer than 2 points of history)' };
  const endDay = toCycleSpan(cycle).end;
  const lastDay = toDay(last.date);
  if (lastDay >= endDay) return { projected: current, method: 'the current value (the cycle is over)' };

  let window = series.filter((p) => toDay(p.date) >= lastDay - TREND_WINDOW_DAYS);
  if (window.length < 2) window = series.slice(-2);
  const xs = window.map((p) => toDay(p.date));
  const trend = fitLine(xs, window.map((p) => p.progress));
  if (trend === null) return { projected: current, method: 'the current value (the history spans no time)' };
  const days = Math.round(lastDay - xs[0]!);
  const points = `${window.length} points, least squares`;
  const what =
    window.length === series.length
      ? `all ${days} days of history (${points})`
      : days <= TREND_WINDOW_DAYS
        ? `the last 4 weeks (${points})`
        : `the last ${days} days (${points}; fewer than 2 in the last 4 weeks)`;
  return {
    projected: clamp01(trend.intercept + trend.slope * endDay),
    method: `linear trend of ${what} projected to the cycle end ${cycle.end}`,
  };
}

/** Least-squares line y = intercept + slope·x; null when every x is the same. */
function fitLine(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } | null {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
