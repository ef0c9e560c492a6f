/**
 * The Jira issue trigger (`avi:jira:created|updated|deleted:issue`, the app's own changes
 * filtered out by the manifest). It reads the site record, whose index says whether the issue
 * or the epics the event names are tracked (one read, no Jira call, for an untracked update);
 * a created issue's event does not name its parent, so one that may be a child of a tracked
 * epic costs one fetch;
 * for a tracked one it applies the event to the cycle's metrics with core's `applyIssueEvent`,
 * fetching the one issue from Jira only when core asks, stores the metrics and the department
 * records that changed, and queues the signed events the change causes. It never waits on Teams.
 */
import { applyFetchedIssue, applyIssueEvent, changeTimeOf, eventEpicHints, forgeIssueEventSchema, normalizeIssue, reconcileFields } from '@okr-bridge/core';
import { issueSourceOf } from '../adapters/forge-issue-source';
import { cyclesTouching } from '../domain/cycle-index';
import { diffBridgeEvents, queueBridgeEvents } from '../app/bridge-events';
import type { AppDeps } from '../app/deps';

/** Triggers get 25 s; the one fetch an event may need stops well before. */
const EVENT_BUDGET_MS = 20_000;
import { loadCycleOrg, openSession, retryOnConflict, storeOrg } from '../app/session';

export type IssueEventReport =
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'applied'; readonly cycles: readonly string[]; readonly fetched: boolean; readonly events: number };

/** Handles one issue event (the Forge trigger's `event` argument). */
export async function handleIssueEvent(deps: AppDeps, raw: unknown): Promise<IssueEventReport> {
  const parsed = forgeIssueEventSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignored', reason: `not an issue event: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}` };
  const event = parsed.data;
  const s = openSession(deps);
  const site = await s.repo.loadSite();
  if (!site || site.cycles.length === 0) return { kind: 'ignored', reason: 'OKRs are not set up' };
  const context = { storyPointsField: site.jira.storyPointsField, flaggedField: site.jira.flaggedField };
  const touched = cyclesTouching(site, [event.issue.key, ...eventEpicHints(event, context)]);
  // An event that names its parent and touches no tracked key cannot matter. Forge's events do
  // not carry `parent`, so an untracked issue may still be a new child of a tracked epic: the
  // current cycle's metrics decide (core asks for one fetch of a created issue). A sub-task is
  // never an epic's child.
  const fields = event.issue.fields;
  const namesParent = fields !== undefined && Object.hasOwn(fields, 'parent');
  const subtask = fields?.issuetype?.subtask === true;
  if (touched.size === 0 && (namesParent || subtask)) return { kind: 'ignored', reason: `${event.issue.key} touches no tracked epic or deliverable` };
  const cycles = touched.size > 0 ? [...touched.keys()] : site.currentCycle ? [site.currentCycle] : [];
  const applied: string[] = [];
  let fetched = false;
  let queued = 0;
  let current = site;
  // A created issue is fetched once, however often a commit below is retried.
  const fetchedIssues = new Map<string, Awaited<ReturnType<ReturnType<typeof issueSourceOf>['fetchIssues']>>[number] | undefined>();
  for (const cycle of cycles) {
    // Another writer (a check-in, the reconcile, another event) may commit between this load
    // and this commit: the commit is then refused, and the event is applied again to what
    // that writer stored, so neither change is lost.
    let attempt = 0;
    const done = await retryOnConflict(async () => {
      if (attempt++ > 0) current = (await s.repo.loadSite()) ?? current;
      const loaded = await loadCycleOrg(s, current, cycle);
      let outcome = applyIssueEvent(loaded.metrics, event, context);
      if (outcome.kind === 'fetch') {
        fetched = true;
        const key = outcome.key;
        if (!fetchedIssues.has(key)) {
          const [issue] = await issueSourceOf(deps, 'asApp', s.nowMs + EVENT_BUDGET_MS).fetchIssues([key], reconcileFields(context.storyPointsField, context.flaggedField));
          fetchedIssues.set(key, issue);
        }
        const issue = fetchedIssues.get(key);
        outcome = applyFetchedIssue(loaded.metrics, key, issue ? normalizeIssue(issue, context) : null);
      }
      if (outcome.kind !== 'applied') return null;
      current = await storeOrg(s, current, loaded, loaded.org, { metrics: outcome.metrics });
      return { loaded, metrics: outcome.metrics };
    });
    if (done === null) continue;
    // Alerts say when Jira made the change (the changelog's time), not when this trigger ran.
    const occurredAt = changeTimeOf(event.issue.fields?.updated, s.at);
    queued += await queueBridgeEvents(deps, current, diffBridgeEvents(done.loaded, { org: done.loaded.org, metrics: done.metrics }, s.at, deps.ids.id, occurredAt));
    applied.push(cycle);
  }
  if (applied.length === 0) return { kind: 'ignored', reason: `no change core reads in ${event.issue.key}` };
  return { kind: 'applied', cycles: applied, fetched, events: queued };
}
