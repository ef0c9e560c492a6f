/**
 * Due dates measured against `at` in whole calendar days (UTC), and the words that say so.
 */
import { toDay } from '../time/dates';

/** Whole days from the calendar day of `at` to `due`: negative when past, 0 when due today, NaN for a bad date. */
export function daysUntil(due: string, at: string): number {
  return toDay(due) - Math.floor(toDay(at));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * "due 2026-11-20, 3 days ago", "due 2026-11-20, today", "due 2026-11-20, in 2 days". The date
 * stays ISO here, where the sentence is made once for every viewer; each surface writes it in
 * its reader's words with `wordDates` (core/src/views/dates.ts), as it does a view's date fields.
 */
export function describeDue(due: string, at: string): string {
  const days = daysUntil(due, at);
  if (days < 0) return `due ${due}, ${plural(-days, 'day')} ago`;
  if (days === 0) return `due ${due}, today`;
  return `due ${due}, in ${plural(days, 'day')}`;
}

/** True when `due` is past or within `soonDays` days of `at`; false for a missing or bad date. */
export function isDueSoon(due: string | null | undefined, at: string, soonDays: number): boolean {
  if (due === null || due === undefined) return false;
  const days = daysUntil(due, at);
  return Number.isFinite(days) && days <= soonDays;
}
