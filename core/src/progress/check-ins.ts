/** Reading check-ins as of a point in time. */
import type { CheckIn } from '../model/org';
import { toDay } from '../time/dates';

/**
 * The latest check-in dated on or before `atDay` (a day number) that `accepts` keeps, or null.
 * A check-in dated D counts from D 00:00 UTC. On one date, the later one in the list wins: a
 * second check-in the same day corrects the first.
 */
export function findLatestCheckIn(checkIns: readonly CheckIn[], atDay: number, accepts: (c: CheckIn) => boolean): CheckIn | null {
  let best: CheckIn | null = null;
  for (const c of checkIns) {
    if (!accepts(c) || toDay(c.date) > atDay) continue;
    if (best === null || c.date >= best.date) best = c;
  }
  return best;
}
