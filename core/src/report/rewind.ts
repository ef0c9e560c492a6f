/**
 * A best estimate of how issues stood on an earlier date, from the dates a snapshot carries:
 * an issue exists from `created` and is done from `resolutiondate` (a done issue without one counts as done throughout). Status changes in between
 * are not in a snapshot, so an issue open then and now keeps its current status.
 */
import type { IssueFacts } from '../model/issue';
import { toDay } from '../time/dates';

/** The issues as they stood at the end of `date` (a day or an instant). */
export function rewindIssues(issues: readonly IssueFacts[], date: string): IssueFacts[] {
  const limit = date.length === 10 ? toDay(date) + 1 : toDay(date);
  const out: IssueFacts[] = [];
  for (const issue of issues) {
    if (toDay(issue.created) >= limit) continue;
    if (issue.category === 'done' && issue.resolved !== null && toDay(issue.resolved) >= limit) {
      out.push({ ...issue, category: 'indeterminate', status: `${issue.status} (not yet on ${date.slice(0, 10)})`, resolved: null });
    } else {
      out.push(issue);
    }
  }
  return out;
}
