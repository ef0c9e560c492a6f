/**
 * Reading what a report needs from a live Jira site: a full reconcile (`planReconcile`, its
 * queries read page by page, folded by `applyReconcile`), then the few issues the plan does
 * not read but the report looks at, fetched in bulk: the epics themselves (their own links
 * make hidden dependencies) and the dependencies' deliverables (their status, flag, links and
 * due date make a dependency's state). Nothing else is read.
 */
import { applyReconcile, emptyMetrics, normalizeIssue, planReconcile, reconcileFields, reconcileKrsOf } from '@okr-bridge/core';
import type { EpicMetrics, IssueFacts, IssueSource, Org, RawIssue, ReconcilePlan } from '@okr-bridge/core';
import { jiraLimits } from '../jira-client';
import type { ProgressBar } from './progress-bar';
import { compareKeys, readReconcilePlan } from './read-plan';

export interface LiveSyncOptions {
  /** Drawn while reading; when given, Jira's approximate count of each query sets its total. */
  readonly progress?: ProgressBar;
  /** Planned queries read at the same time (default 4). */
  readonly concurrency?: number;
}

export interface LiveSync {
  readonly plan: ReconcilePlan;
  /** The epic metrics the reconcile built, as the Forge app would store them. */
  readonly metrics: EpicMetrics;
  /** Every issue read, as Jira returned it, sorted by key: a snapshot (`{ issues }`). */
  readonly raw: readonly RawIssue[];
  /** The same issues normalized with the org's field ids, sorted by key, for `evaluateOrg`. */
  readonly issues: readonly IssueFacts[];
}

/** The keys the report reads besides the plan's results: the plan's epics and every deliverable, minus those already read. */
export function extraKeysOf(org: Org, plan: ReconcilePlan, read: ReadonlySet<string>): string[] {
  const keys = new Set<string>(plan.epics);
  for (const d of org.dependencies) for (const key of d.deliverables) keys.add(key);
  return [...keys].filter((k) => !read.has(k)).sort(compareKeys);
}

async function countPlanned(source: IssueSource, plan: ReconcilePlan): Promise<number> {
  let total = 0;
  for (const query of plan.queries) total += await source.approximateCount(query.jql);
  return total;
}

/**
 * Reads the issues `org`'s report needs from `source` with a full reconcile plus one bulk
 * fetch per 100 extra keys. Issues missing from Jira (a deliverable deleted, or not visible to
 * the account) are left out, as a snapshot without them would be. Jira failures propagate.
 */
export async function syncOrgFromJira(org: Org, source: IssueSource, options: LiveSyncOptions = {}): Promise<LiveSync> {
  const { progress } = options;
  const plan = planReconcile({
    krs: reconcileKrsOf(org),
    storyPointsField: org.jira.storyPointsField,
    flaggedField: org.jira.flaggedField,
    mode: 'full',
  });
  let total = progress ? await countPlanned(source, plan) : 0;
  progress?.setTotal(total);
  const read = await readReconcilePlan(source, plan, org.jira, {
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(progress ? { onPage: (n: number) => progress.advance(n) } : {}),
  });
  const { metrics } = applyReconcile(emptyMetrics(), read.pages, 'full');

  const raw = new Map(read.raw);
  const extra = extraKeysOf(org, plan, new Set(raw.keys()));
  total += extra.length;
  progress?.setTotal(total);
  const fields = reconcileFields(org.jira.storyPointsField, org.jira.flaggedField);
  for (let i = 0; i < extra.length; i += jiraLimits.bulkFetch) {
    const chunk = extra.slice(i, i + jiraLimits.bulkFetch);
    for (const issue of await source.fetchIssues(chunk, fields)) raw.set(issue.key, issue);
    progress?.advance(chunk.length);
  }

  const sorted = [...raw.values()].sort((a, b) => compareKeys(a.key, b.key));
  return { plan, metrics, raw: sorted, issues: sorted.map((issue) => normalizeIssue(issue, org.jira)) };
}

