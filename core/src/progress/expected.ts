/**
 * Expected progress: how far through its cycle a point in time is. The cycle runs from its
 * start date at 00:00 UTC to the day after its end date at 00:00 UTC, so the end date is a
 * whole day of the cycle.
 */
import { OkrError } from '../model/errors';
import type { Cycle } from '../model/org';
import { clamp01, toDay } from '../time/dates';

/** The cycle as day numbers: `start` inclusive, `end` exclusive (the day after the end date). */
export interface CycleSpan {
  readonly start: number;
  readonly end: number;
}

/** The day numbers of a cycle's first instant and of the instant just after its last day. */
export function toCycleSpan(cycle: Pick<Cycle, 'start' | 'end'>): CycleSpan {
  return { start: toDay(cycle.start), end: toDay(cycle.end) + 1 };
}

/**
 * The day number of `at`, a date `YYYY-MM-DD` (00:00 UTC) or an ISO instant. Throws an
 * `invalid-argument` OkrError when it is neither: callers validate input before core.
 */
export function toAtDay(at: string): number {
  const day = toDay(at);
  if (!Number.isFinite(day)) {
    throw new OkrError('invalid-argument', [{ where: 'at', message: `expected a date written YYYY-MM-DD or an ISO instant, got "${at}"` }]);
  }
  return day;
}

/**
 * Expected progress at `at`: the share of the cycle elapsed, clamp((t − start) / (end − start),
 * 0, 1). 0 before the cycle starts, 1 from the day after its end date. Example: cycle
 * 2026-10-01..2026-12-31 (92 days) at 2026-11-15 gives 45/92.
 */
export function computeExpected(cycle: Pick<Cycle, 'start' | 'end'>, at: string): number {
  return expectedAtDay(toCycleSpan(cycle), toAtDay(at));
}

/** `computeExpected` on day numbers, for loops that already converted their dates. */
export function expectedAtDay(span: CycleSpan, day: number): number {
  return clamp01((day - span.start) / (span.end - span.start));
}
