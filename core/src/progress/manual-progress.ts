/**
 * Progress of the key results people report by hand: `metric` (a value moving from start to
 * target) and `milestone` (done or not). Check-ins dated after `at` are ignored.
 */
import type { CheckIn, MetricKr, MilestoneKr } from '../model/org';
import { clamp01 } from '../time/dates';
import { findLatestCheckIn } from './check-ins';
import { formatNumber, joinText } from './format';
import type { KrExplanation } from './types';

export interface KrProgress {
  readonly progress: number;
  readonly explain: KrExplanation;
}

const hasValue = (c: CheckIn) => c.value !== undefined;
const hasDone = (c: CheckIn) => c.done !== undefined;

/**
 * Metric progress: clamp((current − start) / (target − start), 0, 1), decreasing targets
 * included. `current` is the latest check-in value dated ≤ `atDay`, else the file's `current`,
 * else `start`. No target gives 0; a target equal to start gives 1 once current ≥ target.
 */
export function computeMetricProgress(kr: MetricKr, checkIns: readonly CheckIn[], atDay: number): KrProgress {
  const checkIn = findLatestCheckIn(checkIns, atDay, hasValue);
  const source: 'check-in' | 'file' | 'start' = checkIn ? 'check-in' : kr.current !== undefined ? 'file' : 'start';
  const current = checkIn?.value ?? kr.current ?? kr.start;
  const from = checkIn ? `, current from the check-in of ${checkIn.date}` : source === 'file' ? ', current from the org file' : ', no value reported yet';
  // Object literals of one shape each, not spreads: V8 gives a spread-built object a hidden class of its own, for every key result.
  const target = kr.target ?? null;
  const value = kr.unit === undefined ? { start: kr.start, target, current, source } : { start: kr.start, target, current, source, unit: kr.unit };
  const explain = (numerator: number, denominator: number, rule: string): KrExplanation => ({ kind: 'metric', value, numerator, denominator, rule });
  const [s, c] = [formatNumber(kr.start), formatNumber(current)];

  if (kr.target === undefined) {
    return { progress: 0, explain: explain(0, 0, `no target set, so progress is 0 until the key result names one${from}`) };
  }
  const t = formatNumber(kr.target);
  if (kr.target === kr.start) {
    const reached = current >= kr.target;
    const rule = reached
      ? `target equals start (${t}) and current ${c} has reached it, so progress is 1${from}`
      : `target equals start (${t}) and current ${c} has not reached it, so progress is 0${from}`;
    return { progress: reached ? 1 : 0, explain: explain(reached ? 1 : 0, 1, rule) };
  }
  const numerator = current - kr.start;
  const denominator = kr.target - kr.start;
  const ratio = metricRatio(current, kr.start, kr.target);
  const progress = clamp01(ratio);
  const capped = ratio > 1 ? ', capped at 1' : ratio < 0 ? ', floored at 0' : '';
  const rule = joinText('(current − start) / (target − start) = (', c, ' − ', s, ') / (', t, ' − ', s, ') = ', formatNumber(numerator), ' / ', formatNumber(denominator), capped, from);
  return { progress, explain: explain(numerator, denominator, rule) };
}

/**
 * (current − start) / (target − start) without overflow: each difference of two finite
 * doubles is taken over halves (which cannot overflow), and the two halvings cancel.
 */
function metricRatio(current: number, start: number, target: number): number {
  const span = target - start;
  if (Number.isFinite(span) && Number.isFinite(current - start)) return (current - start) / span;
  return (current / 2 - start / 2) / (target / 2 - start / 2);
}

/**
 * Milestone progress: 1 when done, else 0. The latest check-in with `done` dated ≤ `atDay`
 * wins over the file's `done`.
 */
export function computeMilestoneProgress(kr: MilestoneKr, checkIns: readonly CheckIn[], atDay: number): KrProgress {
  const checkIn = findLatestCheckIn(checkIns, atDay, hasDone);
  const done = checkIn?.done ?? kr.done;
  const from = checkIn ? `the check-in of ${checkIn.date}` : 'the org file';
  const rule = done ? `milestone done per ${from}, so progress is 1` : `milestone not done per ${from}, so progress is 0`;
  return { progress: done ? 1 : 0, explain: { kind: 'milestone', numerator: done ? 1 : 0, denominator: 1, rule } };
}
