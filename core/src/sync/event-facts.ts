/**
 * Building blocks of event application: the full facts of an issue when an event's fields
 * carry all of them, and placing an issue's facts where they belong (its parent epic if
 * tracked, the JQL sets it already belongs to), removing it from anywhere else.
 */
import { normalizeIssue, rawIssueSchema } from '../model/issue';
import type { EventFields, ForgeIssueEvent } from './event-schema';
import { allMembers, hasSet, keysIn, learnCategory, locate, remove, upsert, type MetricsDraft } from './metrics-draft';
import { toChildFacts, type ChildFacts } from './metrics';

export interface IssueEventContext {
  readonly storyPointsField?: string | undefined;
  readonly flaggedField?: string | undefined;
}

export type EventFacts =
  | { readonly kind: 'facts'; readonly facts: ChildFacts; readonly parent: string | null; readonly subtask: boolean }
  /** `parent` is undefined when the event does not say it either. */
  | { readonly kind: 'incomplete'; readonly reason: string; readonly parent: string | null | undefined };

export function fieldsOf(event: ForgeIssueEvent): EventFields {
  return event.issue.fields ?? {};
}

/** The parent the event's fields name: undefined when they do not carry `parent`. */
export function parentInFields(fields: EventFields): string | null | undefined {
  return Object.hasOwn(fields, 'parent') ? (fields.parent?.key ?? null) : undefined;
}

/**
 * The issue's facts from the event's fields alone, when they carry everything core stores:
 * parent, status (with its category, or a status whose category the metrics learned),
 * created, resolution date, links, and the configured points and flag fields.
 */
export function factsFromEvent(event: ForgeIssueEvent, context: IssueEventContext, categories: Readonly<Record<string, string>>): EventFacts {
  const fields = fieldsOf(event);
  const parent = parentInFields(fields);
  const status = fields.status;
  const category = status?.statusCategory?.key ?? (status && Object.hasOwn(categories, status.name) ? categories[status.name] : undefined);
  const missing: string[] = [];
  if (parent === undefined) missing.push('parent');
  if (!status) missing.push('status');
  else if (category === undefined) missing.push(`the category of status "${status.name}"`);
  if (fields.created === undefined) missing.push('created');
  for (const name of ['resolutiondate', 'issuelinks', context.storyPointsField, context.flaggedField]) {
    if (name && !Object.hasOwn(fields, name)) missing.push(name);
  }
  if (missing.length > 0 || !status || category === undefined) {
    return { kind: 'incomplete', reason: `the event does not carry ${missing.join(', ')}`, parent };
  }
  const raw = rawIssueSchema.safeParse({ id: event.issue.id, key: event.issue.key, fields: { ...fields, status: { ...status, statusCategory: { key: category } } } });
  if (!raw.success) return { kind: 'incomplete', reason: `the event's fields do not read as an issue: ${raw.error.issues[0]?.message ?? ''}`, parent };
  const issue = normalizeIssue(raw.data, context);
  return { kind: 'facts', facts: toChildFacts(issue), parent: issue.parent, subtask: issue.subtask };
}

/**
 * Puts `facts` where they belong: under `parent` when it is a tracked epic, removed from every
 * other epic; JQL sets that hold the issue get the new facts (membership of a JQL is only
 * re-evaluated by a reconcile). Also learns the status's category.
 */
export function placeIssue(draft: MetricsDraft, facts: ChildFacts, parent: string | null): void {
  learnCategory(draft, facts.status, facts.category);
  for (const member of locate(draft, facts.id, facts.key)) {
    if (member.scope === 'query') {
      if (member.facts.key !== facts.key) remove(draft, 'query', member.set, member.facts.key);
      upsert(draft, 'query', member.set, facts);
    } else if (member.set !== parent || member.facts.key !== facts.key) {
      remove(draft, 'epic', member.set, member.facts.key);
    }
  }
  if (parent !== null && hasSet(draft, 'epic', parent)) upsert(draft, 'epic', parent, facts);
}

/**
 * Removes the issue with this id or key from every set, drops it from the "is blocked by" keys
 * of the others (its links go with it), and empties its epic if it is a tracked one.
 */
export function removeIssue(draft: MetricsDraft, id: string | null, key: string): void {
  for (const member of allMembers(draft)) {
    const { scope, set, facts } = member;
    if (facts.key === key || (id !== null && facts.id === id)) remove(draft, scope, set, facts.key);
    else if (facts.blockedBy.includes(key)) upsert(draft, scope, set, { ...facts, blockedBy: facts.blockedBy.filter((k) => k !== key) });
  }
  if (hasSet(draft, 'epic', key)) {
    // Deleting an epic leaves its children without a parent, and Jira sends no event for them.
    for (const child of keysIn(draft, 'epic', key)) remove(draft, 'epic', key, child);
  }
}
