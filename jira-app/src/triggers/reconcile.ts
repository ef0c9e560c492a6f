/**
 * The reconcile: the hourly scheduled trigger starts one (a full sweep when `shouldSweep`
 * says so, else incremental from the watermark), reads the planned queries as the app, and
 * stores after each query, so it can stop at a query boundary when its time budget runs out
 * and go on in the queue consumer from that checkpoint (the job travels in the queue event).
 * Jira's passing faults (429, 5xx, timeouts, bodies cut short) are retried by the adapter
 * within the budget; when they outlast it, the job goes on later from the same checkpoint, a
 * bounded number of times, and the last failure is recorded for the settings page.
 */
import { isJiraRequestError, shouldSweep, type SyncMode } from '@okr-bridge/core';
import { z } from 'zod';
import { issueSourceOf } from '../adapters/forge-issue-source';
import { diffBridgeEvents, queueBridgeEvents } from '../app/bridge-events';
import type { AppDeps } from '../app/deps';
import { foldQuery, planFor, pruneToPlan, readQuery } from '../app/read-issues';
import { loadCycleOrg, openSession, retryOnConflict, storeOrg, type LoadedCycle, type Session } from '../app/session';
import type { SiteRecord } from '../storage/records';

export const reconcileJobSchema = z.strictObject({
  kind: z.literal('reconcile'),
  mode: z.enum(['full', 'incremental']),
  /** When this reconcile started reading: the next watermark. */
  startedAt: z.iso.datetime({ offset: true }),
  cycles: z.array(z.string()).max(100),
  cycleIndex: z.number().int().min(0),
  queryIndex: z.number().int().min(0),
  /** Continuations in a row that Jira's faults cut short at this checkpoint. */
  failures: z.number().int().min(0).max(100).optional(),
});
export type ReconcileJob = z.infer<typeof reconcileJobSchema>;

/** Scheduled triggers and resolvers get 25 s; queue consumers 900 s. Work stops well before. */
export const BUDGET_MS = { scheduled: 20_000, consumer: 780_000 } as const;
export const FULL_SWEEP_HOURS = 24;
/** Continuations in a row cut short by Jira's faults before the reconcile gives up until the next hour. */
export const MAX_FAULTED_CONTINUATIONS = 5;

export type ReconcileReport =
  | { readonly kind: 'done'; readonly mode: SyncMode; readonly queries: number }
  | { readonly kind: 'continued'; readonly job: ReconcileJob; readonly queries: number; readonly reason?: string }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string; readonly queries: number };

/** Starts an hourly reconcile of the active cycles. */
export async function startReconcile(deps: AppDeps): Promise<ReconcileReport> {
  const s = openSession(deps);
  const site = await s.repo.loadSite();
  if (!site || site.cycles.length === 0) return { kind: 'skipped', reason: 'OKRs are not set up' };
  const sync = await s.repo.loadSync();
  const today = s.at.slice(0, 10);
  const cycles = site.cycles.filter((c) => c.id === site.currentCycle || (c.start <= today && today <= c.end)).map((c) => c.id);
  const mode: SyncMode = sync.watermark === null || shouldSweep(sync.lastFullSweep, s.at, FULL_SWEEP_HOURS) ? 'full' : 'incremental';
  return runReconcile(deps, { kind: 'reconcile', mode, startedAt: s.at, cycles, cycleIndex: 0, queryIndex: 0 }, BUDGET_MS.scheduled);
}

/** Runs (or resumes) a reconcile job within `budgetMs`; pushes the rest to the queue when time runs out. */
/** The site and the cycle as stored now (after another writer's commit). */
async function reloaded(s: Session, site: SiteRecord, cycle: string): Promise<{ site: SiteRecord; cycle: LoadedCycle }> {
  const fresh = (await s.repo.loadSite()) ?? site;
  return { site: fresh, cycle: await loadCycleOrg(s, fresh, cycle) };
}

export async function runReconcile(deps: AppDeps, job: ReconcileJob, budgetMs: number): Promise<ReconcileReport> {
  const s = openSession(deps);
  const deadline = s.nowMs + budgetMs;
  const source = issueSourceOf(deps, 'asApp', deadline);
  const sync = await s.repo.loadSync();
  let site = await s.repo.loadSite();
  if (!site) return { kind: 'skipped', reason: 'OKRs are not set up' };
  let queries = 0;
  let partial = false;
  for (let c = job.cycleIndex; c < job.cycles.length; c++) {
    const cycle = job.cycles[c]!;
    if (!site.cycles.some((x) => x.id === cycle)) continue;
    const loaded = await loadCycleOrg(s, site, cycle);
    // Planned again before each query: the incremental window is a period before the read.
    const planNow = () => planFor(loaded.org, job.mode, job.mode === 'incremental' ? sync.watermark : null, undefined, new Date(deps.clock()).toISOString());
    const plan = planNow();
    let stored = loaded;
    for (let q = c === job.cycleIndex ? job.queryIndex : 0; q < plan.queries.length; q++) {
      const query = planNow().queries[q]!;
      let issues;
      try {
        issues = await readQuery(source, query, loaded.org, deps.clock, deadline);
      } catch (e) {
        if (!isJiraRequestError(e) || !e.retryable) throw e;
        // Jira's fault outlasted this invocation's budget: go on later from this checkpoint.
        const atSameCheckpoint = c === job.cycleIndex && q === job.queryIndex;
        const failures = (atSameCheckpoint ? (job.failures ?? 0) : 0) + 1;
        if (failures > MAX_FAULTED_CONTINUATIONS) {
          const after = await s.repo.loadSync();
          await s.repo.commit({ sync: { ...after, lastReconcileError: `${s.at}: ${e.message}` } });
          return { kind: 'failed', reason: e.message, queries };
        }
        const next = { ...job, cycleIndex: c, queryIndex: q, failures };
        await deps.queue.push([{ body: next, delayInSeconds: Math.min(900, 15 * 2 ** failures) }]);
        return { kind: 'continued', job: next, queries, reason: e.message };
      }
      if (issues === null) {
        const next = { ...job, cycleIndex: c, queryIndex: q, failures: 0 };
        await deps.queue.push([{ body: next }]);
        return { kind: 'continued', job: next, queries };
      }
      queries += 1;
      // Another writer (a check-in, an issue event) may commit between the load and this
      // commit: the commit is then refused, and this query's issues are folded again into
      // what that writer stored, so neither change is lost.
      let attempt = 0;
      const written = await retryOnConflict(async () => {
        const base = attempt++ === 0 ? { site: site!, cycle: stored } : await reloaded(s, site!, cycle);
        const folded = foldQuery(base.cycle.metrics, query, issues, job.mode);
        const next = job.mode === 'full' && q === plan.queries.length - 1 ? pruneToPlan(folded.metrics, plan) : folded.metrics;
        return { base: base.cycle, partial: folded.partial, metrics: next, site: await storeOrg(s, base.site, base.cycle, base.cycle.org, { metrics: next }) };
      });
      partial ||= written.partial;
      site = written.site;
      await queueBridgeEvents(deps, site, diffBridgeEvents(written.base, { org: written.base.org, metrics: written.metrics }, s.at, deps.ids.id));
      // Later queries compare against what was just stored (its department hashes too).
      stored = await loadCycleOrg(s, site, cycle);
    }
  }
  await retryOnConflict(async () => {
    const after = await s.repo.loadSync();
    await s.repo.commit({
      sync: {
        ...after,
        watermark: job.startedAt,
        lastReconcile: s.at,
        // Epics seen for the first time by an incremental read need a full one: ask for it next hour.
        lastFullSweep: job.mode === 'full' ? job.startedAt : partial ? null : after.lastFullSweep,
      },
    });
  });
  return { kind: 'done', mode: job.mode, queries };
}
