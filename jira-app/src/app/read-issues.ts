/**
 * Reads planned reconcile queries through an `IssueSource` and folds them into metrics one
 * query at a time, so a long reconcile can stop between queries (a checkpoint) and go on in
 * the next invocation. A query cut short by the deadline is read again from its start.
 */
import { applyReconcile, isJiraRequestError, normalizeIssue, normalizeUserJql, planReconcile, reconcileKrsOf, type EpicMetrics, type IssueFacts, type IssueSource, type Org, type ReconcilePlan, type ReconcileQuery, type SyncMode } from '@okr-bridge/core';
import { deliverablesJql } from '../domain/org-assembly';

/**
 * The reconcile plan of an org: its jira key results and its dependencies' deliverables. An
 * incremental plan's window is a period before `now`, so plan right before reading.
 */
export function planFor(org: Org, mode: SyncMode, watermark: string | null, epicsOnly?: readonly string[], now?: string): ReconcilePlan {
  const krs = epicsOnly ? [{ id: 'linked', epics: epicsOnly }] : [...reconcileKrsOf(org)];
  const deliverables = deliverablesJql(org);
  if (!epicsOnly && deliverables !== null) krs.push({ id: '~deliverables', epics: [], jql: deliverables });
  return planReconcile({ krs, mode, watermark: watermark ?? undefined, now, storyPointsField: org.jira.storyPointsField, flaggedField: org.jira.flaggedField });
}

/** Every page of one query, normalized; null when `deadlineMs` passed before the last page. */
export async function readQuery(source: IssueSource, query: ReconcileQuery, org: Org, clock: () => number, deadlineMs: number): Promise<IssueFacts[] | null> {
  const issues: IssueFacts[] = [];
  let pageToken: string | null = null;
  do {
    if (clock() > deadlineMs) return null;
    const page = await source.search({ jql: query.jql, fields: query.fields, ...(pageToken ? { pageToken } : {}) });
    for (const raw of page.issues) issues.push(normalizeIssue(raw, org.jira));
    pageToken = page.nextPageToken;
  } while (pageToken !== null);
  return issues;
}

function pick<T>(record: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of keys) if (Object.hasOwn(record, k)) out[k] = record[k]!;
  return out;
}

function omit<T>(record: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> {
  const drop = new Set(keys);
  return Object.fromEntries(Object.entries(record).filter(([k]) => !drop.has(k)));
}

/**
 * Folds one query's issues into `metrics`. In full mode only the query's own epics or JQL are
 * replaced (the others keep their stored issues); incremental mode merges.
 */
export function foldQuery(metrics: EpicMetrics, query: ReconcileQuery, issues: readonly IssueFacts[], mode: SyncMode): { metrics: EpicMetrics; partial: boolean } {
  const page = { purpose: query.purpose, issues };
  if (mode === 'incremental') {
    const out = applyReconcile(metrics, [page], 'incremental');
    return { metrics: out.metrics, partial: out.partial.epics.length + out.partial.queries.length > 0 };
  }
  const epics = query.purpose.kind === 'epics' ? query.purpose.epics : [];
  const jqls = query.purpose.kind === 'jql' ? [query.purpose.jql] : [];
  const sub: EpicMetrics = { ...metrics, epics: pick(metrics.epics, epics), queries: pick(metrics.queries, jqls) };
  const out = applyReconcile(sub, [page], 'full').metrics;
  return {
    metrics: { version: 1, epics: { ...omit(metrics.epics, epics), ...out.epics }, queries: { ...omit(metrics.queries, jqls), ...out.queries }, statusCategories: out.statusCategories },
    partial: false,
  };
}

/** After a full sweep: drops epics and JQLs the plan no longer reads (unlinked, removed). */
export function pruneToPlan(metrics: EpicMetrics, plan: ReconcilePlan): EpicMetrics {
  const jqls = plan.queries.flatMap((q) => (q.purpose.kind === 'jql' ? [q.purpose.jql] : []));
  return { ...metrics, epics: pick(metrics.epics, plan.epics as string[]), queries: pick(metrics.queries, jqls) };
}

/** Reads the children of newly linked epics at once (a resolver linking an epic), as the app. */
export async function readNewEpics(source: IssueSource, org: Org, metrics: EpicMetrics, clock: () => number, deadlineMs: number): Promise<EpicMetrics> {
  const linked = reconcileKrsOf(org).flatMap((kr) => [...(kr.epics ?? []), ...(kr.jql !== undefined ? (normalizeUserJql(kr.jql).parents ?? []) : [])]);
  const fresh = [...new Set(linked)].filter((e) => !Object.hasOwn(metrics.epics, e));
  if (fresh.length === 0) return metrics;
  let out = metrics;
  for (const query of planFor(org, 'full', null, fresh).queries) {
    let issues;
    try {
      issues = await readQuery(source, query, org, clock, deadlineMs);
    } catch (e) {
      if (isJiraRequestError(e) && e.retryable) break; // Jira's fault outlasted the budget: the hourly reconcile reads the rest.
      throw e;
    }
    if (issues === null) break; // The hourly reconcile reads the rest.
    out = foldQuery(out, query, issues, 'full').metrics;
  }
  return out;
}
