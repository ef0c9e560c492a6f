/**
 * Copy-on-write edits of `EpicMetrics`: the event and reconcile code change a few issue sets
 * and this module rebuilds only those (with their totals), leaves the others shared, and
 * records what changed so that the app writes and recomputes only the touched epics.
 */
import type { StatusCategory } from '../model/issue';
import { buildIssueSet, type ChildFacts, type EpicMetrics, type IssueSetMetrics } from './metrics';

export interface MetricsChange {
  /** Whether `set` is an epic key or a normalized JQL. */
  readonly scope: 'epic' | 'query';
  readonly set: string;
  readonly key: string;
  readonly change: 'added' | 'removed' | 'updated';
}

export interface Membership {
  readonly scope: 'epic' | 'query';
  readonly set: string;
  readonly facts: ChildFacts;
}

type Scope = 'epic' | 'query';

export interface MetricsDraft {
  readonly base: EpicMetrics;
  readonly touched: Record<Scope, Map<string, Map<string, ChildFacts>>>;
  readonly categories: Record<string, StatusCategory>;
  readonly changes: MetricsChange[];
}

export function startDraft(base: EpicMetrics): MetricsDraft {
  return { base, touched: { epic: new Map(), query: new Map() }, categories: { ...base.statusCategories }, changes: [] };
}

function baseSets(draft: MetricsDraft, scope: Scope): Readonly<Record<string, IssueSetMetrics>> {
  return scope === 'epic' ? draft.base.epics : draft.base.queries;
}

export function hasSet(draft: MetricsDraft, scope: Scope, set: string): boolean {
  return draft.touched[scope].has(set) || Object.hasOwn(baseSets(draft, scope), set);
}

function editable(draft: MetricsDraft, scope: Scope, set: string): Map<string, ChildFacts> {
  let issues = draft.touched[scope].get(set);
  if (!issues) {
    const base = Object.hasOwn(baseSets(draft, scope), set) ? baseSets(draft, scope)[set]?.issues ?? [] : [];
    issues = new Map(base.map((f) => [f.key, f]));
    draft.touched[scope].set(set, issues);
  }
  return issues;
}

function currentIssues(draft: MetricsDraft, scope: Scope, set: string): Iterable<ChildFacts> {
  const touched = draft.touched[scope].get(set);
  if (touched) return touched.values();
  return Object.hasOwn(baseSets(draft, scope), set) ? baseSets(draft, scope)[set]?.issues ?? [] : [];
}

function setNames(draft: MetricsDraft, scope: Scope): Set<string> {
  return new Set([...Object.keys(baseSets(draft, scope)), ...draft.touched[scope].keys()]);
}

/** The keys in one set, as edited so far. */
export function keysIn(draft: MetricsDraft, scope: Scope, set: string): string[] {
  return [...currentIssues(draft, scope, set)].map((f) => f.key);
}

/** Every stored issue in every set, as edited so far (a snapshot: safe to edit while reading). */
export function allMembers(draft: MetricsDraft): Membership[] {
  const found: Membership[] = [];
  for (const scope of ['epic', 'query'] as const) {
    for (const set of setNames(draft, scope)) {
      for (const facts of currentIssues(draft, scope, set)) found.push({ scope, set, facts });
    }
  }
  return found;
}

/** Every set holding the issue with this id or key (ids survive a key change). */
export function locate(draft: MetricsDraft, id: string | null, key: string): Membership[] {
  return allMembers(draft).filter(({ facts }) => facts.key === key || (id !== null && facts.id === id));
}

/** Creates an empty set when absent (a newly tracked epic or JQL). */
export function ensureSet(draft: MetricsDraft, scope: Scope, set: string): void {
  editable(draft, scope, set);
}

/** Replaces the whole content of a set. */
export function replaceSet(draft: MetricsDraft, scope: Scope, set: string, issues: Iterable<ChildFacts>): void {
  const next = new Map<string, ChildFacts>();
  for (const f of issues) next.set(f.key, f);
  draft.touched[scope].set(set, next);
}

export function upsert(draft: MetricsDraft, scope: Scope, set: string, facts: ChildFacts): void {
  const issues = editable(draft, scope, set);
  const before = issues.get(facts.key);
  if (before && sameFacts(before, facts)) return;
  issues.set(facts.key, facts);
  draft.changes.push({ scope, set, key: facts.key, change: before ? 'updated' : 'added' });
}

export function remove(draft: MetricsDraft, scope: Scope, set: string, key: string): void {
  const issues = editable(draft, scope, set);
  if (issues.delete(key)) draft.changes.push({ scope, set, key, change: 'removed' });
}

export function learnCategory(draft: MetricsDraft, status: string, category: StatusCategory): void {
  draft.categories[status] = category;
}

export function sameFacts(a: ChildFacts, b: ChildFacts): boolean {
  return (
    a.key === b.key &&
    a.id === b.id &&
    a.status === b.status &&
    a.category === b.category &&
    a.points === b.points &&
    a.flagged === b.flagged &&
    a.created === b.created &&
    a.resolved === b.resolved &&
    a.blockedBy.length === b.blockedBy.length &&
    a.blockedBy.every((k, i) => k === b.blockedBy[i])
  );
}

/** The edited metrics; untouched sets are shared with the base. `keep` drops sets not listed. */
export function finishDraft(draft: MetricsDraft, keep?: { epics: ReadonlySet<string>; queries: ReadonlySet<string> }): EpicMetrics {
  const build = (scope: Scope, allowed: ReadonlySet<string> | undefined): Readonly<Record<string, IssueSetMetrics>> => {
    if (!allowed && draft.touched[scope].size === 0) return baseSets(draft, scope);
    const out: Record<string, IssueSetMetrics> = {};
    for (const set of setNames(draft, scope)) {
      if (allowed && !allowed.has(set)) continue;
      const touched = draft.touched[scope].get(set);
      out[set] = touched ? buildIssueSet(touched.values()) : (baseSets(draft, scope)[set] as IssueSetMetrics);
    }
    return out;
  };
  return { version: 1, epics: build('epic', keep?.epics), queries: build('query', keep?.queries), statusCategories: draft.categories };
}
