/**
 * When a change happened in Jira, for the events the Teams service hears (an alert's "Blocked
 * since"): the issue event's `issue.fields.updated`, which Jira sets to the changelog's time,
 * not the moment the app's trigger ran (Forge may deliver an event seconds to minutes later).
 */

const JIRA_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The ISO instant of a Jira timestamp such as "2026-11-15T08:52:10.000+0000", if it is one
 * and not after `seen` (the trigger's time: a change cannot come after it was heard of);
 * otherwise `seen`.
 */
export function changeTimeOf(updated: string | null | undefined, seen: string): string {
  if (!updated || !JIRA_INSTANT.test(updated)) return seen;
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(updated);
  const base = updated.replace(/([+-]\d{2}:?\d{2}|Z)$/, 'Z');
  const sign = offset?.[1] === '-' ? -1 : 1;
  const ms = Date.parse(base) - (offset ? sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0);
  const seenMs = Date.parse(seen);
  if (!Number.isFinite(ms) || !Number.isFinite(seenMs) || ms > seenMs) return seen;
  return new Date(ms).toISOString();
}
