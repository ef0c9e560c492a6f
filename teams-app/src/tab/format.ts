/** Words and numbers the tab shows, as pure functions (tested beside this file). */
import { ownerAddresses, type PeopleIndex } from '@okr-bridge/core/present';

/** A countdown as m:ss, with a minus sign once the time is up. */
export function formatClock(ms: number): string {
  const negative = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const text = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
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

/**
 * The department a person leads: the first whose owners include their email (as the org file
 * names it, or as Jira revealed it for an owner picked as an account).
 */
export function departmentOwnedBy(departments: readonly { id: string; owners: readonly string[] }[], email: string | null, people: PeopleIndex = new Map()): string | null {
  if (!email) return null;
  const lower = email.toLowerCase();
  return departments.find((d) => d.owners.some((o) => ownerAddresses(o, people).includes(lower)))?.id ?? null;
}
