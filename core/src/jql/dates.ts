/**
 * Date values in JQL: absolute dates (`2026-11-01`, `2026/11/01`, with an optional ` HH:mm`),
 * read as a wall-clock time in the searching user's time zone (UTC unless told), and periods
 * relative to now (`-5d`, `-2w`, `-4h`, `-30m`, `"-4w 2d"`), which no zone changes.
 * Issue timestamps are Jira's ISO instants (`2026-11-01T10:00:00.000+0000`) or plain dates.
 */
import { isIsoDate } from '../time/dates';

export type JqlDateValue =
  | { readonly kind: 'absolute'; readonly ms: number }
  | { readonly kind: 'relative'; readonly offsetMs: number };

const ABSOLUTE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const PERIOD = /^([+-])?\s*((?:\d+\s*[wdhmWDHM]\s*)+)$/;
const PERIOD_PART = /(\d+)\s*([wdhmWDHM])/g;
const UNIT_MS: Readonly<Record<string, number>> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

/** Reads a JQL date value; null when it is not one of the accepted formats. */
export function parseJqlDate(text: string): JqlDateValue | null {
  const trimmed = text.trim();
  const abs = ABSOLUTE.exec(trimmed);
  if (abs) {
    const [, y, mo, d, h, mi] = abs;
    const day = `${y}-${mo}-${d}`;
    if (!isIsoDate(day)) return null;
    const hours = h === undefined ? 0 : Number(h);
    const minutes = mi === undefined ? 0 : Number(mi);
    if (hours > 23 || minutes > 59) return null;
    return { kind: 'absolute', ms: Date.parse(`${day}T00:00:00Z`) + hours * 3_600_000 + minutes * 60_000 };
  }
  const period = PERIOD.exec(trimmed);
  if (period) {
    let offsetMs = 0;
    for (const part of (period[2] as string).matchAll(PERIOD_PART)) {
      offsetMs += Number(part[1]) * (UNIT_MS[(part[2] as string).toLowerCase()] as number);
    }
    return { kind: 'relative', offsetMs: period[1] === '-' ? -offsetMs : offsetMs };
  }
  return null;
}

/** When a JQL search runs and in which zone its absolute dates are read. */
export interface JqlDateContext {
  readonly nowMs: number;
  /**
   * The searching user's zone: its offset east of UTC in minutes at an instant (e.g. −480 or
   * −420 for America/Los_Angeles). Absent means UTC.
   */
  readonly zoneOffsetMinutes?: ((utcMs: number) => number) | undefined;
}

/**
 * The instant (ms since the epoch) a date value stands for: a relative period from now, or an
 * absolute date's wall-clock time in the user's zone (`value.ms` holds that wall clock as if it
 * were UTC; the offset is looked up twice so that a date near a DST change lands right).
 */
export function resolveJqlDate(value: JqlDateValue, dates: JqlDateContext): number {
  if (value.kind === 'relative') return dates.nowMs + value.offsetMs;
  const offsetAt = dates.zoneOffsetMinutes;
  if (!offsetAt || Number.isNaN(value.ms)) return value.ms;
  const guess = value.ms - offsetAt(value.ms) * 60_000;
  return value.ms - offsetAt(guess) * 60_000;
}

/** Milliseconds of an issue timestamp (ISO instant or `YYYY-MM-DD`, read as UTC midnight); NaN if neither. */
export function instantOf(stamp: string): number {
  if (stamp.length === 10) return Date.parse(`${stamp}T00:00:00Z`);
  return Date.parse(stamp);
}
