/**
 * Precomputes what each department's panel reads, so that a panel load is one record and no
 * Jira call: the org cut to the objectives the department view shows or computes from (its
 * own, the objectives aligned to its roll-up key results, the objectives it aligns to and the
 * ones above them, the objectives on the other side of its dependencies) and to the
 * departments those name, the metrics of those objectives' epics and JQLs and of its
 * dependencies' deliverables, and the lint of the whole org about it (except stale check-ins,
 * which depend on the day and are recomputed).
 *
 * The cuts come from `department-cut.ts`; the whole org is evaluated once and each
 * department's view reads that evaluation narrowed to its cut, so building the inputs of all
 * departments costs the size of the org plus the size of the cuts, not departments × org.
 */
import { buildDepartmentView, normalizeUserJql, type Department, type DepartmentView, type EpicMetrics, type Evaluation, type IssueSetMetrics, type LintFinding, type Objective, type Org } from '@okr-bridge/core';
import type { DepartmentInput } from '../storage/records';
import { evaluateStored } from './evaluate-stored';
import { indexOrg, orgFor, push, type OrgIndex } from './department-cut';

function totalsOf(issues: IssueSetMetrics['issues']): IssueSetMetrics['totals'] {
  const byCategory = { new: 0, indeterminate: 0, done: 0 };
  const points = { new: 0, indeterminate: 0, done: 0 };
  let unestimated = 0;
  for (const i of issues) {
    byCategory[i.category] += 1;
    if (i.points === null) unestimated += 1;
    else points[i.category] += i.points;
  }
  return { issues: issues.length, byCategory, points, unestimated };
}

const positionsOf = new WeakMap<IssueSetMetrics, Map<string, number[]>>();

/** Issue key → its places in `set` (built once per set). */
function deliverablePositions(set: IssueSetMetrics): Map<string, number[]> {
  let at = positionsOf.get(set);
  if (!at) {
    at = new Map();
    set.issues.forEach((issue, i) => push(at!, issue.key, i));
    positionsOf.set(set, at);
  }
  return at;
}

/** The metrics of the epics and JQLs of `objectives` and of `deliverables`. */
function metricsFor(metrics: EpicMetrics, ix: OrgIndex, objectives: readonly Objective[], deliverables: ReadonlySet<string>): EpicMetrics {
  const epics: Record<string, IssueSetMetrics> = {};
  const queries: Record<string, IssueSetMetrics> = {};
  for (const o of objectives) {
    for (const kr of o.keyResults) {
      if (kr.kind !== 'jira') continue;
      for (const e of kr.epics) if (Object.hasOwn(metrics.epics, e)) epics[e] = metrics.epics[e]!;
      if (kr.jql !== undefined) {
        const { jql, parents } = normalizeUserJql(kr.jql);
        if (parents) for (const e of parents) if (Object.hasOwn(metrics.epics, e)) epics[e] = metrics.epics[e]!;
        if (Object.hasOwn(metrics.queries, jql)) queries[jql] = metrics.queries[jql]!;
      }
    }
  }
  const dq = ix.deliverablesJql;
  const all = dq === null ? undefined : metrics.queries[dq];
  if (dq !== null && all) {
    // In the order the whole set holds them, found through the key index: not a pass over every deliverable per department.
    const at = deliverablePositions(all);
    const positions: number[] = [];
    for (const key of deliverables) for (const i of at.get(key) ?? []) positions.push(i);
    const issues = positions.sort((a, b) => a - b).map((i) => all.issues[i]!);
    queries[dq] = { issues, totals: totalsOf(issues) };
  }
  return { version: 1, epics, queries, statusCategories: metrics.statusCategories };
}

/**
 * The lint findings that can concern department `department`: those whose subject is one of its
 * ids (itself, its owners, its objectives and key results) or a hidden dependency touching one
 * of its Jira projects. A superset, narrowed by `buildDepartmentView`'s own rule.
 */
function lintCandidates(byKey: ReadonlyMap<string, readonly LintFinding[]>, order: ReadonlyMap<LintFinding, number>, department: Department, own: readonly Objective[]): LintFinding[] {
  const keys = [department.id, ...department.owners, ...department.jiraProjects.map((p) => `project:${p}`)];
  for (const o of own) {
    keys.push(o.id);
    for (const k of o.keyResults) keys.push(k.id);
  }
  const out = new Set<LintFinding>();
  for (const key of keys) for (const f of byKey.get(key) ?? []) out.add(f);
  return [...out].sort((a, b) => order.get(a)! - order.get(b)!);
}

function lintByKey(lint: readonly LintFinding[]): Map<string, LintFinding[]> {
  const byKey = new Map<string, LintFinding[]>();
  for (const f of lint) {
    push(byKey, f.subject, f);
    for (const key of f.subject.split('→')) {
      const dash = key.lastIndexOf('-');
      if (dash > 0) push(byKey, `project:${key.slice(0, dash)}`, f);
    }
  }
  return byKey;
}

/** The whole evaluation narrowed to what one department's view reads (its results, its dependencies, its lint candidates). */
function evaluationFor(evaluation: Evaluation, results: EvaluationIndex, cut: Org, lint: readonly LintFinding[]): Evaluation {
  const krIds = new Set(cut.objectives.flatMap((o) => o.keyResults.map((k) => k.id)));
  const p = evaluation.progress;
  return {
    ...evaluation,
    progress: {
      ...p,
      departments: cut.departments.flatMap((d) => results.departments.get(d.id) ?? []),
      objectives: cut.objectives.flatMap((o) => results.objectives.get(o.id) ?? []),
      keyResults: [...krIds].flatMap((id) => results.keyResults.get(id) ?? []),
    },
    dependencies: { ...evaluation.dependencies, dependencies: cut.dependencies.flatMap((d) => results.dependencyById.get(d.id) ?? []) },
    lint,
  };
}

interface EvaluationIndex {
  readonly departments: ReadonlyMap<string, Evaluation['progress']['departments'][number]>;
  readonly objectives: ReadonlyMap<string, Evaluation['progress']['objectives'][number]>;
  readonly keyResults: ReadonlyMap<string, Evaluation['progress']['keyResults'][number]>;
  readonly dependencyById: ReadonlyMap<string, Evaluation['dependencies']['dependencies'][number]>;
}

function indexEvaluation(evaluation: Evaluation): EvaluationIndex {
  const p = evaluation.progress;
  return {
    departments: new Map(p.departments.map((d) => [d.id, d])),
    objectives: new Map(p.objectives.map((o) => [o.id, o])),
    keyResults: new Map(p.keyResults.map((k) => [k.id, k])),
    dependencyById: new Map(evaluation.dependencies.dependencies.map((d) => [d.id, d])),
  };
}

/**
 * Every department's view over the whole org's `evaluation`, each built from the department's
 * cut (the same view as `buildDepartmentView(org, evaluation, id)`, in time linear in the
 * org and the cuts instead of departments × org), with the cut and its deliverables.
 */
export function buildDepartmentViews(org: Org, evaluation: Evaluation): { department: Department; cut: Org; deliverables: Set<string>; view: DepartmentView | null }[] {
  const ix = indexOrg(org);
  const results = indexEvaluation(evaluation);
  const byKey = lintByKey(evaluation.lint);
  const lintOrder = new Map(evaluation.lint.map((f, i) => [f, i]));
  return org.departments.map((d) => {
    const cut = orgFor(ix, d.id);
    const candidates = lintCandidates(byKey, lintOrder, d, ix.objectivesOf.get(d.id) ?? []);
    return { department: d, cut: cut.org, deliverables: cut.deliverables, view: buildDepartmentView(cut.org, evaluationFor(evaluation, results, cut.org, candidates), d.id) };
  });
}

/**
 * Builds every department's stored input from the whole org and its metrics, evaluated once
 * at `at` (for the lint that does not depend on the day).
 */
export function buildDepartmentInputs(org: Org, metrics: EpicMetrics, at: string): DepartmentInput[] {
  const evaluation = evaluateStored(org, metrics, { at });
  const ix = indexOrg(org);
  return buildDepartmentViews(org, evaluation).map(({ department, cut, deliverables, view }) => {
    const lint: LintFinding[] = (view?.lint ?? []).filter((f) => f.code !== 'stale-check-in');
    return { version: 1, cycle: org.cycle.id, department: department.id, org: cut, metrics: metricsFor(metrics, ix, cut.objectives, deliverables), lint };
  });
}
