/** Words and numbers the tab shows, as pure functions (tested beside this file). */

/** A countdown as m:ss, with a minus sign once the time is up. */
export function formatClock(ms: number): string {
  const negative = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const text = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "15 Nov 2026" from an ISO date or instant (UTC day). */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "14 Nov 2026, 16:05 UTC" from an ISO instant (in UTC, as the cards write times). */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const utc = new Date(ms).toISOString();
  return `${formatDay(utc)}, ${utc.slice(11, 16)} UTC`;
}

/** "for 3 days", "for 5 hours", "since just now": how long something has been so. */
export function formatDuration(fromIso: string, nowMs: number): string {
  const ms = Math.max(0, nowMs - Date.parse(fromIso));
  const minutes = Math.floor(ms / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/** The department a person leads: the first whose owners include their email. */
export function departmentOwnedBy(departments: readonly { id: string; owners: readonly string[] }[], email: string | null): string | null {
  if (!email) return null;
  const lower = email.toLowerCase();
  return departments.find((d) => d.owners.some((o) => o.toLowerCase() === lower))?.id ?? null;
}
