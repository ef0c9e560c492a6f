/**
 * Calendar arithmetic on ISO dates, in UTC, without reading the clock. Dates in the model are
 * `YYYY-MM-DD` strings; instants (`at`) are ISO strings; both become day numbers (days since
 * 1970-01-01, fractional for instants) so that formulas stay plain arithmetic.
 */
const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

/** Days since the epoch for a date or an instant; NaN when `s` is not one. */
export function toDay(s: string): number {
  const ms = ISO_DATE.test(s) ? Date.parse(`${s}T00:00:00Z`) : Date.parse(s);
  return ms / MS_PER_DAY;
}

/** The `YYYY-MM-DD` date of a day number (its UTC calendar day). */
export function fromDay(day: number): string {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

export function clamp01(x: number): number {
  if (Number.isNaN(x)) return 0;
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
