/**
 * The site's time zone, in which Jira reads the absolute dates of a JQL (`updated >=
 * "2026-03-01 10:00"` is 10:00 in the searching user's zone, which defaults to the site's).
 * Relative periods (`-65m`) are the same instant in every zone.
 */

/** Jira Cloud sites are rarely in UTC; the emulator is not kinder than the host. */
export const DEFAULT_SITE_TIME_ZONE = 'America/Los_Angeles';

/**
 * The offset east of UTC, in minutes, of an IANA zone at an instant (e.g. −480 in a Los
 * Angeles winter). Throws for a zone Node does not know, naming it.
 */
export function zoneOffsetReader(timeZone: string): (utcMs: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    throw new Error(`expected an IANA time zone like America/Los_Angeles or UTC, got "${timeZone}"`);
  }
  return (utcMs) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
    const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
  };
}
