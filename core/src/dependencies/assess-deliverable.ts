/**
 * The state of one deliverable issue of a dependency: done, blocked, at risk or open, with the
 * reasons in words. Only the reasons of the state reached are given (a blocked issue that is
 * also overdue says why it is blocked).
 */
import type { IssueFacts, IssueLinkFacts, StatusCategory } from '../model/issue';
import type { DeliverableState } from './types';
import { describeDue, isDueSoon } from './due';

export interface DeliverableContext {
  readonly at: string;
  /** The org's blocked status names, lower-cased. */
  readonly blockedStatuses: ReadonlySet<string>;
  readonly dueSoonDays: number;
  /** The dependency's own due date. */
  readonly dependencyDue: string | null;
  /** Looks up another issue's status category; undefined when it was not read. */
  readonly categoryOf: (key: string) => StatusCategory | undefined;
}

/** True when the link, read from this issue's side, says another issue blocks it. */
export function isBlockedByLink(link: IssueLinkFacts): boolean {
  return link.relation.toLowerCase() === 'is blocked by' || (link.direction === 'inward' && link.type.toLowerCase() === 'blocks');
}

/**
 * Assesses one deliverable. `issue` is undefined when the key was not among the issues read:
 * that deliverable is `open` and says so. Done wins over everything; then blocked (a blocked
 * status name, a flag, or an "is blocked by" link to an issue not known to be done); then at
 * risk (the dependency's or the issue's due date past or within `dueSoonDays`); else open.
 */
export function assessDeliverable(key: string, issue: IssueFacts | undefined, ctx: DeliverableContext): DeliverableState {
  if (!issue) return { key, status: null, state: 'open', reasons: ['not found in the issues read'] };
  const status = issue.status;
  if (issue.category === 'done') return { key, status, state: 'done', reasons: [`status is ${status}`] };

  const blocked: string[] = [];
  if (ctx.blockedStatuses.has(status.toLowerCase())) blocked.push(`status is ${status}`);
  if (issue.flagged) blocked.push('flagged (Impediment)');
  const blockers = new Set<string>();
  for (const link of issue.links) {
    if (!isBlockedByLink(link) || blockers.has(link.key)) continue;
    const category = link.linkedCategory ?? ctx.categoryOf(link.key);
    if (category === 'done') continue;
    blockers.add(link.key);
    blocked.push(`is blocked by ${link.key} (not done)`);
  }
  if (blocked.length > 0) return { key, status, state: 'blocked', reasons: blocked };

  const risks: string[] = [];
  for (const due of [ctx.dependencyDue, issue.due]) {
    if (due === null || !isDueSoon(due, ctx.at, ctx.dueSoonDays)) continue;
    const words = describeDue(due, ctx.at);
    if (!risks.includes(words)) risks.push(words);
  }
  if (risks.length > 0) return { key, status, state: 'at-risk', reasons: risks };
  return { key, status, state: 'open', reasons: [`status is ${status}`] };
}
