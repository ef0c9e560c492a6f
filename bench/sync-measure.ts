/**
 * The phases bench:sync measures, each with its own client so its Jira calls are its own:
 * a reconcile (full or incremental, through planReconcile and the live runner's reader), the
 * naive read (one paged `parent = KEY` query per epic: the baseline, written only here), and
 * Forge events applied with applyIssueEvent, a fetch answered through the client.
 */
import { applyFetchedIssue, applyIssueEvent, applyReconcile, normalizeIssue, parseForgeIssueEvent, planReconcile, reconcileFields, reconcileKrsOf } from '@okr-bridge/core';
import type { EpicMetrics, Org } from '@okr-bridge/core';
import type { JiraClient } from '../cli/src/jira-client';
import { readReconcilePlan, syncOrgFromJira } from '../cli/src/live';

export interface Measured {
  readonly calls: number;
  readonly issues: number;
  readonly ms: number;
}

const elapsed = (t: number) => Math.round(performance.now() - t);

/** A reconcile of the org's key results: planned, read page by page, folded into `prev`. */
export async function measureReconcile(client: JiraClient, org: Org, prev: EpicMetrics, window?: { readonly watermark: string; readonly now: string }): Promise<Measured & { metrics: EpicMetrics; chunks: number }> {
  const t = performance.now();
  const mode = window === undefined ? 'full' : 'incremental';
  const plan = planReconcile({ krs: reconcileKrsOf(org), storyPointsField: org.jira.storyPointsField, flaggedField: org.jira.flaggedField, mode, ...window });
  const read = await readReconcilePlan(client, plan, org.jira);
  const { metrics } = applyReconcile(prev, read.pages, mode);
  const issues = read.pages.reduce((n, p) => n + p.issues.length, 0);
  return { calls: client.stats().totalCalls, issues, ms: elapsed(t), metrics, chunks: plan.queries.filter((q) => q.purpose.kind === 'epics').length };
}

/** What `okr report --jira` reads: the full reconcile plus the epics and deliverables in bulk. */
export async function measureReport(client: JiraClient, org: Org): Promise<Measured> {
  const t = performance.now();
  const sync = await syncOrgFromJira(org, client);
  return { calls: client.stats().totalCalls, issues: sync.raw.length, ms: elapsed(t) };
}

/** The baseline: one paged query per epic, four at a time like the reconcile. */
export async function measureNaive(client: JiraClient, org: Org, epics: readonly string[]): Promise<Measured> {
  const t = performance.now();
  const fields = reconcileFields(org.jira.storyPointsField, org.jira.flaggedField);
  let next = 0;
  let issues = 0;
  const worker = async () => {
    while (next < epics.length) {
      const found = await client.searchAll({ jql: `parent = ${epics[next++]!}`, fields });
      issues += found.length;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { calls: client.stats().totalCalls, issues, ms: elapsed(t) };
}

/** Applies events in order to `metrics`, fetching through `client` when an event does not say enough. */
export async function measureEvents(client: JiraClient, org: Org, metrics: EpicMetrics, events: readonly unknown[]): Promise<Measured & { metrics: EpicMetrics; outcomes: Record<string, number> }> {
  const t = performance.now();
  const fields = reconcileFields(org.jira.storyPointsField, org.jira.flaggedField);
  const outcomes: Record<string, number> = { applied: 0, ignored: 0, fetch: 0 };
  let current = metrics;
  for (const json of events) {
    const parsed = parseForgeIssueEvent(json);
    if (parsed.kind === 'invalid') throw new Error(parsed.message);
    const outcome = applyIssueEvent(current, parsed.event, org.jira);
    outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
    if (outcome.kind === 'applied') current = outcome.metrics;
    if (outcome.kind !== 'fetch') continue;
    const [raw] = await client.fetchIssues([outcome.key], fields);
    const answer = applyFetchedIssue(current, outcome.key, raw ? normalizeIssue(raw, org.jira) : null);
    if (answer.kind === 'applied') current = answer.metrics;
  }
  return { calls: client.stats().totalCalls, issues: events.length, ms: elapsed(t), metrics: current, outcomes };
}

/** Issue key → its facts as stored under its epic, over every epic. */
function factsByKey(metrics: EpicMetrics): Map<string, string> {
  const out = new Map<string, string>();
  for (const [epic, set] of Object.entries(metrics.epics)) for (const f of set.issues) out.set(f.key, `${epic} ${JSON.stringify(f)}`);
  return out;
}

/**
 * How `incremental` differs from `fresh` (a full read after the changes), issue by issue:
 * deleted issues it still holds, issues whose only difference is a link to a deleted issue
 * (Jira drops the link without touching `updated`), and anything else (which should be none).
 */
export function explainDrift(incremental: EpicMetrics, fresh: EpicMetrics, deleted: ReadonlySet<string>): { deleted: number; linkToDeleted: number; other: string[] } {
  const a = factsByKey(incremental);
  const b = factsByKey(fresh);
  let deletedCount = 0;
  let linkToDeleted = 0;
  const other: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (x === y) continue;
    if (y === undefined && deleted.has(key)) deletedCount += 1;
    else if (x !== undefined && y !== undefined && withoutDeletedLinks(x, deleted) === withoutDeletedLinks(y, deleted)) linkToDeleted += 1;
    else other.push(key);
  }
  return { deleted: deletedCount, linkToDeleted, other };
}

function withoutDeletedLinks(entry: string, deleted: ReadonlySet<string>): string {
  const space = entry.indexOf(' ');
  const facts = JSON.parse(entry.slice(space + 1)) as { blockedBy: string[] };
  return `${entry.slice(0, space)} ${JSON.stringify({ ...facts, blockedBy: facts.blockedBy.filter((k) => !deleted.has(k)) })}`;
}
