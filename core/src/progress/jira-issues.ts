/**
 * Which issues a `jira` key result measures: the children of its epics (sub-tasks are not epic
 * children; the index leaves them out) and the issues its JQL selects, each issue once.
 * Also the cheap "created after the cycle start" test run once per issue.
 */
import type { IssueFacts } from '../model/issue';
import { childrenOf } from '../model/issue-index';
import type { IssueIndex } from '../model/issue-index';
import type { JiraKr } from '../model/org';
import { addDays, toDay } from '../time/dates';

/** Issues reached through one epic (`epic` = its key) or through the JQL (`epic` = null). */
export interface IssueGroup {
  readonly epic: string | null;
  readonly issues: readonly IssueFacts[];
}

/** Evaluates a bounded JQL to the issues it matches; injected because the evaluator lives elsewhere. */
export type JqlIssues = (jql: string) => readonly IssueFacts[];

/**
 * The issue groups of a jira key result, in the order of its epics then its JQL. An epic
 * listed twice is read once; a JQL issue already reached through an epic (or returned twice)
 * is left out of the JQL group, so every issue counts once. Epic children are the index's
 * arrays, not copies.
 */
export function collectJiraIssues(kr: Pick<JiraKr, 'epics' | 'jql'>, index: IssueIndex, jqlIssues: JqlIssues): IssueGroup[] {
  const epics = uniqueKeys(kr.epics);
  const groups: IssueGroup[] = [];
  for (const epic of epics) groups.push({ epic, issues: childrenOf(index, epic) });
  if (kr.jql === undefined) return groups;
  const seen = new Set<string>();
  for (const group of groups) for (const issue of group.issues) seen.add(issue.key);
  const extra: IssueFacts[] = [];
  for (const issue of jqlIssues(kr.jql)) {
    if (seen.has(issue.key)) continue;
    seen.add(issue.key);
    extra.push(issue);
  }
  groups.push({ epic: null, issues: extra });
  return groups;
}

/** `keys` without repeats, first occurrence kept; `keys` itself when it has none (the usual case). */
export function uniqueKeys(keys: readonly string[]): readonly string[] {
  if (keys.length > 16) return keys.length === new Set(keys).size ? keys : [...new Set(keys)];
  for (let i = 1; i < keys.length; i++) {
    if (keys.lastIndexOf(keys[i]!, i - 1) !== -1) return [...new Set(keys)];
  }
  return keys;
}

/** Precomputed bounds that let most `created` instants be compared without parsing. */
export interface ScopeClock {
  readonly startDay: number;
  /** A `created` sorting before this (local date ≤ start − 2) is before the start in any UTC offset. */
  readonly surelyBefore: string;
  /** A `created` sorting from this on (local date ≥ start + 1) is after the start in any UTC offset. */
  readonly surelyAfter: string;
}

/** The scope clock of a cycle starting on `cycleStart` (00:00 UTC). */
export function makeScopeClock(cycleStart: string): ScopeClock {
  return { startDay: toDay(cycleStart), surelyBefore: addDays(cycleStart, -1), surelyAfter: addDays(cycleStart, 1) };
}

/**
 * True when an issue created at `created` was created after the cycle start: scope added.
 * `created` is an ISO instant as Jira writes it, with the site's UTC offset. Offsets stay
 * within ±14 hours, so only instants whose local date is within a day of the start need
 * parsing; the others are decided by comparing their text, which sorts like the date it
 * starts with and costs a fraction of a parse (this runs once per issue of every report).
 */
export function isCreatedAfterStart(created: string, clock: ScopeClock): boolean {
  if (created >= clock.surelyAfter) return true;
  if (created < clock.surelyBefore) return false;
  return toDay(created) > clock.startDay;
}
