/**
 * The signed events the Teams service hears about: a dependency whose state changed, a key
 * result whose status changed, and otherwise, when only a number moved, that views changed
 * (open Teams tabs reload on it); found by evaluating the org before and after a change at the
 * same moment (so only the data, not the passing day, makes a difference). They are queued,
 * never sent inline: the queue consumer delivers them with retries.
 */
import { buildDependencyViews, dependencyChangedEventSchema, ownersNamedIn, krStatusChangedEventSchema, viewsChangedEventSchema, type BridgeEvent, type EpicMetrics, type KrView, type Org } from '@okr-bridge/core';
import type { SiteRecord } from '../storage/records';
import type { AppDeps } from './deps';
import { buildDepartmentViews } from '../domain/department-inputs';
import { evaluateStored } from '../domain/evaluate-stored';
import { withoutIssues } from '../domain/read-views';
import { bridgePeopleOf } from './people-cache';

interface Snapshot {
  readonly org: Org;
  readonly metrics: EpicMetrics;
}

type DependencyView = ReturnType<typeof buildDependencyViews>[number];

function viewsOf(snapshot: Snapshot, at: string): { krs: Map<string, { kr: KrView; department: { id: string; name: string } }>; deps: Map<string, DependencyView> } {
  const evaluation = evaluateStored(snapshot.org, snapshot.metrics, { at });
  const out = new Map<string, { kr: KrView; department: { id: string; name: string } }>();
  for (const { department: d, view } of buildDepartmentViews(snapshot.org, evaluation)) {
    for (const o of view?.objectives ?? []) for (const kr of o.keyResults) out.set(kr.id, { kr: withoutIssues(kr), department: { id: d.id, name: d.name } });
  }
  return { krs: out, deps: new Map(buildDependencyViews(snapshot.org, evaluation).map((d) => [d.id, d])) };
}

/** Whether what the views show differs: a key result's view or a dependency's. */
function viewsDiffer(a: ReturnType<typeof viewsOf>, b: ReturnType<typeof viewsOf>): boolean {
  if (a.krs.size !== b.krs.size || a.deps.size !== b.deps.size) return true;
  for (const [id, { kr }] of b.krs) if (JSON.stringify(a.krs.get(id)?.kr) !== JSON.stringify(kr)) return true;
  for (const [id, dep] of b.deps) if (JSON.stringify(a.deps.get(id)) !== JSON.stringify(dep)) return true;
  return false;
}

/**
 * The events between two states of one cycle, evaluated at `at`; they occurred at
 * `occurredAt` (the Jira change's own time when known, else `at`).
 */
export function diffBridgeEvents(before: Snapshot, after: Snapshot, at: string, newId: () => string, occurredAt: string = at): BridgeEvent[] {
  const a = viewsOf(before, at);
  const b = viewsOf(after, at);
  const events: BridgeEvent[] = [];
  for (const [id, dep] of b.deps) {
    const previous = a.deps.get(id)?.state ?? null;
    if (previous !== dep.state) events.push(dependencyChangedEventSchema.parse({ type: 'dependency.changed', id: newId(), occurredAt, previousState: previous, dependency: dep }));
  }
  for (const [id, { kr, department }] of b.krs) {
    const previous = a.krs.get(id)?.kr.status ?? null;
    if (previous !== null && previous !== kr.status) events.push(krStatusChangedEventSchema.parse({ type: 'kr.status-changed', id: newId(), occurredAt, previousStatus: previous, department, kr }));
  }
  if (events.length === 0 && viewsDiffer(a, b)) events.push(viewsChangedEventSchema.parse({ type: 'views.changed', id: newId(), occurredAt }));
  return events;
}

/**
 * Each event with the people its owners name: one cached lookup for all of them (Jira is asked
 * only for accounts not seen in the last day).
 */
async function withPeople(deps: AppDeps, events: readonly BridgeEvent[]): Promise<BridgeEvent[]> {
  const naming = events.filter((e) => e.type !== 'views.changed');
  if (naming.length === 0) return [...events];
  const everyone = new Map((await bridgePeopleOf(deps, naming, deps.clock())).map((p) => [p.id, p]));
  return events.map((e) => {
    if (e.type === 'views.changed') return e;
    const people = ownersNamedIn(e).flatMap((owner) => everyone.get(owner) ?? []);
    return { ...e, people };
  });
}

/** Queues events for delivery when a Teams service is connected; returns how many were queued. */
export async function queueBridgeEvents(deps: AppDeps, site: SiteRecord, events: readonly BridgeEvent[]): Promise<number> {
  if (site.teams.status !== 'connected' || events.length === 0) return 0;
  events = await withPeople(deps, events);
  // Forge takes at most 50 events and 200 KB a push; views are a few KB each.
  for (let i = 0; i < events.length; i += 10) {
    await deps.queue.push(events.slice(i, i + 10).map((event) => ({ body: { kind: 'deliver', event } })));
  }
  return events.length;
}
