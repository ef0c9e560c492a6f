/**
 * Applying one Forge issue event to stored epic metrics without calling Jira when the event
 * says enough, and asking for the one issue to fetch when it does not. The changelog is read
 * against the stored facts: a change already stored is skipped (Forge delivers at least
 * once), and a change whose `from` is neither what is stored nor its `to` (a missed or late
 * event) is not applied on top: the issue is fetched instead, so the metrics heal rather than
 * drift. Events carry no version, so two changes delivered in reverse order can still leave a
 * stale value until the next reconcile.
 *
 * `metrics` may be a view of the store: the epics the issue belongs to and the epics the event
 * names (`eventEpicHints`). An issue found in none of them is not tracked there.
 */
import { toStatusCategory, type IssueFacts } from '../model/issue';
import { readChangelog, type FieldChange } from './changelog';
import type { ForgeIssueEvent } from './event-schema';
import { factsFromEvent, fieldsOf, parentInFields, placeIssue, removeIssue, type IssueEventContext } from './event-facts';
import { finishDraft, hasSet, learnCategory, locate, startDraft, type MetricsChange, type MetricsDraft } from './metrics-draft';
import { compareIssueKeys } from '../jql/order';
import { BLOCKED_BY_RELATION, toChildFacts, type ChildFacts, type EpicMetrics } from './metrics';

export type { IssueEventContext } from './event-facts';

export type IssueEventOutcome =
  | { readonly kind: 'applied'; readonly metrics: EpicMetrics; readonly changes: readonly MetricsChange[] }
  | { readonly kind: 'fetch'; readonly key: string; readonly reason: string }
  | { readonly kind: 'ignored'; readonly reason: string };

type Step = { ok: true; facts: ChildFacts } | { ok: false; reason: string };

function finish(draft: MetricsDraft, ignoredBecause: string): IssueEventOutcome {
  if (draft.changes.length === 0) return { kind: 'ignored', reason: ignoredBecause };
  return { kind: 'applied', metrics: finishDraft(draft), changes: draft.changes };
}

function learnFromFields(draft: MetricsDraft, event: ForgeIssueEvent): void {
  const status = fieldsOf(event).status;
  if (status?.statusCategory) learnCategory(draft, status.name, toStatusCategory(status.statusCategory.key));
}

function applyChange(facts: ChildFacts, change: FieldChange, event: ForgeIssueEvent, draft: MetricsDraft): Step {
  const fields = fieldsOf(event);
  switch (change.kind) {
    case 'status': {
      if (facts.status === change.to) return { ok: true, facts };
      if (facts.status !== change.from) return { ok: false, reason: `the status change starts from "${change.from ?? ''}" but "${facts.status}" is stored` };
      const category = fields.status?.name === change.to && fields.status.statusCategory ? toStatusCategory(fields.status.statusCategory.key) : draft.categories[change.to];
      if (category === undefined) return { ok: false, reason: `the category of status "${change.to}" is not known yet` };
      learnCategory(draft, change.to, category);
      return { ok: true, facts: { ...facts, status: change.to, category } };
    }
    case 'resolution': {
      if (!change.set) return { ok: true, facts: { ...facts, resolved: null } };
      // Jira stamps the resolution date with the time of the update that set the resolution.
      const resolved = fields.resolutiondate ?? fields.updated ?? null;
      if (resolved === null) return { ok: false, reason: 'the issue was resolved but the event carries neither resolutiondate nor updated' };
      return { ok: true, facts: { ...facts, resolved } };
    }
    case 'points':
      if (facts.points === change.to) return { ok: true, facts };
      if (facts.points !== change.from) return { ok: false, reason: `the story points change starts from ${String(change.from)} but ${String(facts.points)} is stored` };
      return { ok: true, facts: { ...facts, points: change.to } };
    case 'flag':
      if (facts.flagged === change.to) return { ok: true, facts };
      if (facts.flagged !== change.from) return { ok: false, reason: `the flag change starts from ${String(change.from)} but ${String(facts.flagged)} is stored` };
      return { ok: true, facts: { ...facts, flagged: change.to } };
    case 'link': {
      if (change.relation !== BLOCKED_BY_RELATION) return { ok: true, facts };
      const has = facts.blockedBy.includes(change.key);
      if (has === (change.op === 'add')) return { ok: true, facts };
      const blockedBy = change.op === 'add' ? [...facts.blockedBy, change.key].sort(compareIssueKeys) : facts.blockedBy.filter((k) => k !== change.key);
      return { ok: true, facts: { ...facts, blockedBy } };
    }
    case 'parent':
      return { ok: true, facts };
  }
}

function applyUpdate(metrics: EpicMetrics, event: ForgeIssueEvent, context: IssueEventContext): IssueEventOutcome {
  const { id, key } = event.issue;
  const read = readChangelog(event.changelog?.items ?? [], context);
  if (read.kind === 'unreadable') return { kind: 'fetch', key, reason: read.reason };
  const draft = startDraft(metrics);
  learnFromFields(draft, event);
  const move = read.changes.find((c) => c.kind === 'parent');
  const members = locate(draft, id, key);
  if (members.length === 0) {
    if (!move || move.to === null || !hasSet(draft, 'epic', move.to)) return { kind: 'ignored', reason: `${key} is in no tracked epic or JQL` };
    const built = factsFromEvent(event, context, draft.categories);
    if (built.kind === 'incomplete') return { kind: 'fetch', key, reason: `${key} moved into ${move.to} and ${built.reason}` };
    if (built.parent !== move.to || built.subtask) return { kind: 'fetch', key, reason: `the event's fields disagree with its changelog about ${key}'s parent` };
    placeIssue(draft, built.facts, move.to);
    return finish(draft, `${key} did not change`);
  }
  if (members.some((m) => m.facts.key !== key)) return { kind: 'fetch', key, reason: `${key} is stored under another key` };
  const epic = members.find((m) => m.scope === 'epic');
  let facts = (epic ?? members[0])!.facts;
  for (const change of read.changes) {
    if (change.kind === 'parent' && epic && change.to !== epic.set && change.from !== undefined && change.from !== epic.set) {
      return { kind: 'fetch', key, reason: `the parent change starts from ${change.from ?? 'no parent'} but ${key} is stored under ${epic.set}` };
    }
    const step = applyChange(facts, change, event, draft);
    if (!step.ok) return { kind: 'fetch', key, reason: step.reason };
    facts = step.facts;
  }
  const parent = move ? move.to : (epic?.set ?? null);
  const fields = fieldsOf(event);
  const fieldsParent = parentInFields(fields);
  // Fields that disagree with the result mean an event was missed: read the issue again.
  if ((fields.status && fields.status.name !== facts.status) || (fieldsParent !== undefined && (epic || move) && fieldsParent !== parent)) {
    return { kind: 'fetch', key, reason: `the event's fields disagree with the stored facts of ${key}` };
  }
  placeIssue(draft, facts, parent);
  return finish(draft, `no change core reads in ${key}`);
}

function applyCreation(metrics: EpicMetrics, event: ForgeIssueEvent, context: IssueEventContext): IssueEventOutcome {
  const { key } = event.issue;
  const draft = startDraft(metrics);
  learnFromFields(draft, event);
  const built = factsFromEvent(event, context, draft.categories);
  if (built.kind === 'incomplete') {
    if (built.parent === null || (built.parent !== undefined && !hasSet(draft, 'epic', built.parent))) {
      return { kind: 'ignored', reason: `${key} was created outside the tracked epics` };
    }
    return { kind: 'fetch', key, reason: built.reason };
  }
  placeIssue(draft, built.facts, built.subtask ? null : built.parent);
  return finish(draft, `${key} was created outside the tracked epics`);
}

/**
 * Applies a Forge issue event (validated with `forgeIssueEventSchema`) to stored metrics.
 * `applied` carries the new metrics and what changed (epic or JQL set, issue key); `fetch`
 * names the one issue to read from Jira (then call `applyFetchedIssue`), with the reason;
 * `ignored` says why nothing changed. Handled without Jira: status changes (the category from
 * the event or learned), resolution, parent moves between epics, story points, flag, "is
 * blocked by" links, creation with full fields, deletion.
 */
export function applyIssueEvent(metrics: EpicMetrics, event: ForgeIssueEvent, context: IssueEventContext): IssueEventOutcome {
  switch (event.eventType) {
    case 'avi:jira:deleted:issue': {
      const draft = startDraft(metrics);
      removeIssue(draft, event.issue.id, event.issue.key);
      return finish(draft, `${event.issue.key} was not tracked`);
    }
    case 'avi:jira:created:issue':
      return applyCreation(metrics, event, context);
    case 'avi:jira:updated:issue':
      return applyUpdate(metrics, event, context);
  }
}

/**
 * Applies the answer to a `fetch`: the issue as Jira has it now, or null when Jira no longer
 * returns it (deleted, or not visible), which removes it everywhere.
 */
export function applyFetchedIssue(metrics: EpicMetrics, key: string, issue: IssueFacts | null): IssueEventOutcome {
  const draft = startDraft(metrics);
  if (issue === null) removeIssue(draft, null, key);
  else placeIssue(draft, toChildFacts(issue), issue.subtask ? null : issue.parent);
  return finish(draft, `${key} did not change`);
}

/**
 * The epic keys an event names (its parent in the fields, old and new parents in the
 * changelog), for the app to load with the issue's own epic before applying it.
 */
export function eventEpicHints(event: ForgeIssueEvent, context: IssueEventContext = {}): string[] {
  const keys = new Set<string>();
  const inFields = parentInFields(fieldsOf(event));
  if (inFields) keys.add(inFields);
  const read = readChangelog(event.changelog?.items ?? [], context);
  if (read.kind === 'changes') {
    for (const c of read.changes) {
      if (c.kind !== 'parent') continue;
      if (c.from) keys.add(c.from);
      if (c.to) keys.add(c.to);
    }
  }
  return [...keys].sort(compareIssueKeys);
}
