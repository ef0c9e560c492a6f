/**
 * Folding the pages a reconcile read into stored metrics. A full reconcile replaces: every
 * epic and JQL it read is rebuilt from its pages (which catches deletions and issues moved out
 * of an epic), and epics or JQLs no longer planned are dropped. An incremental one merges: each
 * issue read replaces its stored facts, moving between epics when its parent changed.
 */
import type { IssueFacts } from '../model/issue';
import { finishDraft, hasSet, learnCategory, replaceSet, startDraft, upsert, type MetricsDraft } from './metrics-draft';
import { placeIssue } from './event-facts';
import { toChildFacts, type ChildFacts, type EpicMetrics, type IssueSetMetrics } from './metrics';
import type { QueryPurpose, SyncMode } from './plan';

/** The issues one planned query returned (all its pages, normalized), with the query's purpose. */
export interface ReconcilePage {
  readonly purpose: QueryPurpose;
  readonly issues: readonly IssueFacts[];
}

export interface ReconcileOutcome {
  readonly metrics: EpicMetrics;
  /** Epics and JQLs whose stored issues differ from before: the key results to recompute. */
  readonly changed: { readonly epics: readonly string[]; readonly queries: readonly string[] };
  /**
   * Epics and JQLs an incremental reconcile saw for the first time: it read only their recent
   * changes, so they need a full reconcile. Always empty in full mode.
   */
  readonly partial: { readonly epics: readonly string[]; readonly queries: readonly string[] };
}

function mergeFull(draft: MetricsDraft, pages: readonly ReconcilePage[]): { epics: Set<string>; queries: Set<string> } {
  const epics = new Map<string, ChildFacts[]>();
  const queries = new Map<string, ChildFacts[]>();
  for (const page of pages) {
    if (page.purpose.kind === 'epics') for (const epic of page.purpose.epics) if (!epics.has(epic)) epics.set(epic, []);
    if (page.purpose.kind === 'jql' && !queries.has(page.purpose.jql)) queries.set(page.purpose.jql, []);
  }
  // An issue moved while the chunks were read can show up under two epics: the last read wins.
  const children = new Map<string, { epic: string; facts: ChildFacts }>();
  for (const page of pages) {
    for (const issue of page.issues) {
      learnCategory(draft, issue.status, issue.category);
      if (page.purpose.kind === 'jql') queries.get(page.purpose.jql)?.push(toChildFacts(issue));
      else if (issue.parent !== null && !issue.subtask && epics.has(issue.parent)) children.set(issue.key, { epic: issue.parent, facts: toChildFacts(issue) });
    }
  }
  for (const { epic, facts } of children.values()) epics.get(epic)?.push(facts);
  for (const [epic, list] of epics) replaceSet(draft, 'epic', epic, list);
  for (const [jql, list] of queries) replaceSet(draft, 'query', jql, list);
  return { epics: new Set(epics.keys()), queries: new Set(queries.keys()) };
}

function mergeIncremental(draft: MetricsDraft, pages: readonly ReconcilePage[]): ReconcileOutcome['partial'] {
  const epics: string[] = [];
  const queries: string[] = [];
  for (const page of pages) {
    if (page.purpose.kind === 'epics') {
      for (const epic of page.purpose.epics) {
        if (hasSet(draft, 'epic', epic)) continue;
        epics.push(epic);
        replaceSet(draft, 'epic', epic, []);
      }
    } else if (!hasSet(draft, 'query', page.purpose.jql)) {
      queries.push(page.purpose.jql);
      replaceSet(draft, 'query', page.purpose.jql, []);
    }
  }
  for (const page of pages) {
    for (const issue of page.issues) {
      const facts = toChildFacts(issue);
      if (page.purpose.kind === 'jql') upsert(draft, 'query', page.purpose.jql, facts);
      placeIssue(draft, facts, issue.subtask ? null : issue.parent);
    }
  }
  return { epics, queries };
}

function changedSets(before: Readonly<Record<string, IssueSetMetrics>>, after: Readonly<Record<string, IssueSetMetrics>>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => {
    const a = Object.hasOwn(before, n) ? before[n] : undefined;
    const b = Object.hasOwn(after, n) ? after[n] : undefined;
    return a !== b && JSON.stringify(a) !== JSON.stringify(b);
  });
}

/**
 * Folds a reconcile's pages into `prev`. In full mode, pass one page per planned query (empty
 * when it matched nothing), and only after every query succeeded: an epic or JQL missing from
 * the pages is dropped. Status categories learned before are kept and updated.
 */
export function applyReconcile(prev: EpicMetrics, pages: readonly ReconcilePage[], mode: SyncMode): ReconcileOutcome {
  const draft = startDraft(prev);
  let metrics: EpicMetrics;
  let partial: ReconcileOutcome['partial'] = { epics: [], queries: [] };
  if (mode === 'full') {
    const keep = mergeFull(draft, pages);
    metrics = finishDraft(draft, keep);
  } else {
    partial = mergeIncremental(draft, pages);
    metrics = finishDraft(draft);
  }
  return {
    metrics,
    changed: { epics: changedSets(prev.epics, metrics.epics), queries: changedSets(prev.queries, metrics.queries) },
    partial,
  };
}
