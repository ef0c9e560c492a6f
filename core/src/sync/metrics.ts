/**
 * Epic metrics: the compact state the Forge app stores so that an issue event can move a key
 * result in seconds without a Jira call. For each tracked epic it keeps the facts of its child
 * issues that core reads (status, category, points, flag, dates, "is blocked by" keys) and
 * precomputed totals; for each non-epic JQL of a key result, the same for the issues it
 * matched. It is plain JSON (Forge KVS stores it as is) and holds no summaries, assignees or
 * due dates: those are read from Jira when a view needs them.
 */
import { z } from 'zod';
import { compareIssueKeys } from '../jql/order';
import { statusCategoryKeys, type IssueFacts, type IssueLinkFacts, type StatusCategory } from '../model/issue';

/** The facts core needs of one child issue. */
export interface ChildFacts {
  readonly key: string;
  readonly id: string;
  readonly status: string;
  readonly category: StatusCategory;
  /** Story points; null when unestimated. */
  readonly points: number | null;
  readonly flagged: boolean;
  readonly created: string;
  readonly resolved: string | null;
  /** Keys of the issues this one "is blocked by", sorted. */
  readonly blockedBy: readonly string[];
}

export type CategoryCounts = Readonly<Record<StatusCategory, number>>;

export interface IssueSetTotals {
  readonly issues: number;
  readonly byCategory: CategoryCounts;
  /** Story points summed per status category (unestimated issues add nothing). */
  readonly points: CategoryCounts;
  readonly unestimated: number;
}

/** The issues of one epic (its children) or of one JQL (its matches), sorted by key. */
export interface IssueSetMetrics {
  readonly issues: readonly ChildFacts[];
  readonly totals: IssueSetTotals;
}

export interface EpicMetrics {
  readonly version: 1;
  /** Epic key → its children. */
  readonly epics: Readonly<Record<string, IssueSetMetrics>>;
  /** Normalized JQL → the issues it matched at the last reconcile. */
  readonly queries: Readonly<Record<string, IssueSetMetrics>>;
  /** Status name → category, learned from every issue and event seen; read when an event names a status without its category. */
  readonly statusCategories: Readonly<Record<string, StatusCategory>>;
}

const categorySchema = z.enum(statusCategoryKeys);
const countsSchema = z.strictObject({ new: z.number(), indeterminate: z.number(), done: z.number() });
const childFactsSchema = z.strictObject({
  key: z.string(),
  id: z.string(),
  status: z.string(),
  category: categorySchema,
  points: z.number().nullable(),
  flagged: z.boolean(),
  created: z.string(),
  resolved: z.string().nullable(),
  blockedBy: z.array(z.string()),
});
const issueSetSchema = z.strictObject({
  issues: z.array(childFactsSchema),
  totals: z.strictObject({ issues: z.number(), byCategory: countsSchema, points: countsSchema, unestimated: z.number() }),
});

/** The zod schema of stored metrics, for adapters that read them back from storage. */
export const epicMetricsSchema = z.strictObject({
  version: z.literal(1),
  epics: z.record(z.string(), issueSetSchema),
  queries: z.record(z.string(), issueSetSchema),
  statusCategories: z.record(z.string(), categorySchema),
});

export const BLOCKED_BY_RELATION = 'is blocked by';

export function emptyMetrics(): EpicMetrics {
  return { version: 1, epics: {}, queries: {}, statusCategories: {} };
}

/** The compact facts of one normalized issue. */
export function toChildFacts(issue: IssueFacts): ChildFacts {
  const blockedBy = new Set<string>();
  for (const link of issue.links) if (link.relation.toLowerCase() === BLOCKED_BY_RELATION) blockedBy.add(link.key);
  return {
    key: issue.key,
    id: issue.id,
    status: issue.status,
    category: issue.category,
    points: issue.points,
    flagged: issue.flagged,
    created: issue.created,
    resolved: issue.resolved,
    blockedBy: [...blockedBy].sort(compareIssueKeys),
  };
}

/** Totals of a set of child facts: counts and points per status category, unestimated count. */
export function computeTotals(issues: readonly ChildFacts[]): IssueSetTotals {
  const byCategory = { new: 0, indeterminate: 0, done: 0 };
  const points = { new: 0, indeterminate: 0, done: 0 };
  let unestimated = 0;
  for (const issue of issues) {
    byCategory[issue.category] += 1;
    if (issue.points === null) unestimated += 1;
    else points[issue.category] += issue.points;
  }
  return { issues: issues.length, byCategory, points, unestimated };
}

/** An issue set from facts in any order: sorted by key, one entry per key (the last wins). */
export function buildIssueSet(issues: Iterable<ChildFacts>): IssueSetMetrics {
  const byKey = new Map<string, ChildFacts>();
  for (const issue of issues) byKey.set(issue.key, issue);
  const sorted = [...byKey.values()].sort((a, b) => compareIssueKeys(a.key, b.key));
  return { issues: sorted, totals: computeTotals(sorted) };
}

/**
 * Builds the metrics of `epicKeys` from a snapshot of issues: each epic gets its direct
 * children (`parent` is the epic, sub-tasks excluded), an epic without children an empty set.
 * `queryResults` gives, per normalized JQL, the issues it matched. Status categories are
 * learned from every issue given.
 */
export function buildEpicMetrics(
  epicKeys: readonly string[],
  issues: readonly IssueFacts[],
  queryResults: Readonly<Record<string, readonly IssueFacts[]>> = {},
): EpicMetrics {
  const statusCategories: Record<string, StatusCategory> = {};
  const children = new Map<string, ChildFacts[]>(epicKeys.map((k) => [k, []]));
  for (const issue of issues) {
    statusCategories[issue.status] = issue.category;
    if (issue.parent === null || issue.subtask) continue;
    children.get(issue.parent)?.push(toChildFacts(issue));
  }
  const epics: Record<string, IssueSetMetrics> = {};
  for (const [key, list] of children) epics[key] = buildIssueSet(list);
  const queries: Record<string, IssueSetMetrics> = {};
  for (const [jql, matched] of Object.entries(queryResults)) {
    for (const issue of matched) statusCategories[issue.status] = issue.category;
    queries[jql] = buildIssueSet(matched.map(toChildFacts));
  }
  return { version: 1, epics, queries, statusCategories };
}

function toIssueFacts(facts: ChildFacts, parent: string | null, categoryOf: (key: string) => StatusCategory | null): IssueFacts {
  const links: IssueLinkFacts[] = facts.blockedBy.map((key) => ({
    type: 'Blocks',
    relation: BLOCKED_BY_RELATION,
    direction: 'inward',
    key,
    linkedCategory: categoryOf(key),
  }));
  return {
    id: facts.id,
    key: facts.key,
    project: facts.key.slice(0, facts.key.lastIndexOf('-')),
    summary: '',
    type: 'Task',
    subtask: false,
    parent,
    status: facts.status,
    category: facts.category,
    points: facts.points,
    flagged: facts.flagged,
    links,
    due: null,
    created: facts.created,
    updated: null,
    resolved: facts.resolved,
    assignee: null,
  };
}

/**
 * The stored issues as `IssueFacts`, for core's progress and dependency code (which read an
 * `IssueIndex`): every epic child with its epic as parent, then every JQL match that is no
 * epic's child (parent null). What metrics do not keep is empty: summary '', type 'Task', no
 * due date, assignee or update time. A blocker's category is known when the blocker is itself
 * stored, null otherwise.
 */
export function metricsToIssues(metrics: EpicMetrics): IssueFacts[] {
  const stored = new Map<string, ChildFacts>();
  for (const set of [...Object.values(metrics.epics), ...Object.values(metrics.queries)]) {
    for (const facts of set.issues) stored.set(facts.key, facts);
  }
  const categoryOf = (key: string): StatusCategory | null => stored.get(key)?.category ?? null;
  const out: IssueFacts[] = [];
  const seen = new Set<string>();
  for (const [epic, set] of Object.entries(metrics.epics)) {
    for (const facts of set.issues) {
      seen.add(facts.key);
      out.push(toIssueFacts(facts, epic, categoryOf));
    }
  }
  for (const set of Object.values(metrics.queries)) {
    for (const facts of set.issues) {
      if (seen.has(facts.key)) continue;
      seen.add(facts.key);
      out.push(toIssueFacts(facts, null, categoryOf));
    }
  }
  return out;
}
