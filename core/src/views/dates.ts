/**
 * Dates as the viewer writes them. Views carry ISO dates and instants; each surface formats
 * them with the viewer's locale and time zone (both hosts give them), through these two
 * functions, so one page never shows "2026-12-04", "4 Dec 2026" and an ISO instant side by side.
 */

export interface Viewer {
  /** A BCP 47 locale, e.g. "en-GB" (Jira's user locale "en_GB" is accepted too). */
  readonly locale: string;
  /** An IANA time zone, e.g. "Europe/Paris". */
  readonly timeZone: string;
}

const FALLBACK: Viewer = { locale: 'en-GB', timeZone: 'UTC' };

/**
 * Formatters made once per viewer and style: making an `Intl.DateTimeFormat` costs far more than
 * using one (a report words tens of thousands of dates), so each is kept, for a bounded number
 * of viewers.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 64;

function formatter(viewer: Viewer, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = viewer.locale.replace('_', '-');
  const key = `${locale}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}|${options.timeZone ?? ''}`;
  const known = formatters.get(key);
  if (known) return known;
  let made: Intl.DateTimeFormat;
  try {
    made = new Intl.DateTimeFormat(locale, options);
  } catch {
    // An unknown locale or zone from a host reads as the fallback rather than breaking a page.
    made = new Intl.DateTimeFormat(FALLBACK.locale, { ...options, ...(options.timeZone === 'UTC' ? {} : { timeZone: FALLBACK.timeZone }) });
  }
  if (formatters.size >= MAX_FORMATTERS) formatters.clear();
  formatters.set(key, made);
  return made;
}

/**
 * A calendar date (`YYYY-MM-DD`, or the date part of an instant) in the viewer's words:
 * "4 Dec 2026" (en-GB), "Dec 4, 2026" (en-US). A calendar date is the same day in every time
 * zone, so the zone does not move it. Anything else is returned as it is.
 */
export function formatDate(iso: string, viewer: Viewer): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return Number.isFinite(Date.parse(iso)) ? formatter(viewer, { dateStyle: 'medium', timeZone: viewer.timeZone }).format(Date.parse(iso)) : iso;
  return formatter(viewer, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** An instant in the viewer's time zone and words: "4 Dec 2026, 04:04" (en-GB, Europe/Paris). */
export function formatInstant(iso: string, viewer: Viewer): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return formatter(viewer, { dateStyle: 'medium', timeStyle: 'short', timeZone: viewer.timeZone }).format(ms);
}

/**
 * How long ago an open view last took a change, in the quiet words every live page shows
 * under it: "Updated just now", "Updated 42 s ago", "Updated 3 min ago", "Updated 2 h ago".
 */
export function describeAgo(thenMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (s < 10) return 'Updated just now';
  if (s < 60) return `Updated ${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `Updated ${m} min ago`;
  return `Updated ${Math.floor(m / 60)} h ago`;
}

/** A calendar date or an ISO instant standing inside a sentence (not inside a longer run of digits or an id). */
const DATE_IN_TEXT = /(?<![\w@-])\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?(?![\w-])/g;

/**
 * A core sentence with its dates in the viewer's words. Core's sentences (explanations,
 * dependency reasons, agenda details, lint messages) carry dates as ISO `YYYY-MM-DD`, since
 * one view is built once and shown to many viewers (over the bridge, in a channel); each
 * surface words them as it words the views' date fields: `formatDay` is
 * `(iso) => formatDate(iso, viewer)` on a page or in the CLI, `cardDate` in a card. The
 * wording stays core's; only the dates change.
 */
export function wordDates(text: string, formatDay: (iso: string) => string): string {
  return text.replace(DATE_IN_TEXT, (iso) => formatDay(iso));
}

/** A viewer's words for dates: `day` for a date field of a view, `sentence` for a core sentence (what a page or the CLI shows). */
export interface DateWords {
  readonly day: (iso: string) => string;
  readonly sentence: (text: string) => string;
}

export function datesFor(viewer: Viewer): DateWords {
  const day = (iso: string) => formatDate(iso, viewer);
  return { day, sentence: (text) => wordDates(text, day) };
}
