/**
 * Precomputes what each department's panel reads, so that a panel load is one record and no
 * Jira call: the org cut to the objectives the department view and its review agenda show or
 * compute from (its own and its sub-departments', the objectives aligned to its roll-up key results, the objectives it aligns to and the
 * ones above them, the objectives on the other side of its dependencies) and to the
 * departments those name, the metrics of those objectives' epics and JQLs and of its
 * dependencies' deliverables, and the lint of the whole org about it (except stale check-ins,
 * which depend on the day and are recomputed).
 *
 * Every lookup goes through indexes built once per org (`OrgIndex`), so building the inputs of
 * all departments costs the size of the org plus the size of the cuts, not departments × org.
 */
import { buildDepartmentView, normalizeUserJql, type Department, type DepartmentView, type EpicMetrics, type Evaluation, type IssueSetMetrics, type LintFinding, type Objective, type Org } from '@okr-bridge/core';
import type { DepartmentInput } from '../storage/records';
import { evaluateStored } from './evaluate-stored';
import { deliverablesJql } from './org-assembly';

/** The lookups every department's cut reads, built once per org. */
interface OrgIndex {
  readonly org: Org;
  readonly departments: ReadonlyMap<string, Department>;
  /** Department id → its direct sub-departments. */
  readonly childrenOf: ReadonlyMap<string, readonly Department[]>;
  readonly dependencyPosition: ReadonlyMap<Org['dependencies'][number], number>;
  readonly objectiveOfKr: ReadonlyMap<string, Objective>;
  readonly objectivesOf: ReadonlyMap<string, readonly Objective[]>;
  /** Roll-up key result id → the objectives aligned to it. */
  readonly alignedTo: ReadonlyMap<string, readonly Objective[]>;
  readonly dependenciesOf: ReadonlyMap<string, readonly Org['dependencies'][number][]>;
  readonly checkInsOf: ReadonlyMap<string, readonly Org['checkIns'][number][]>;
  readonly position: ReadonlyMap<string, number>;
  readonly checkInPosition: ReadonlyMap<Org['checkIns'][number], number>;
  readonly deliverablesJql: string | null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexOrg(org: Org): OrgIndex {
  const objectiveOfKr = new Map<string, Objective>();
  const objectivesOf = new Map<string, Objective[]>();
  const alignedTo = new Map<string, Objective[]>();
  const position = new Map<string, number>();
  org.objectives.forEach((o, i) => {
    position.set(o.id, i);
    push(objectivesOf, o.department, o);
    for (const kr of o.keyResults) objectiveOfKr.set(kr.id, o);
    for (const a of o.alignedTo) push(alignedTo, a.kr, o);
  });
  const dependenciesOf = new Map<string, Org['dependencies'][number][]>();
  for (const d of org.dependencies) {
    push(dependenciesOf, d.needs.department, d);
    if (d.provider !== d.needs.department) push(dependenciesOf, d.provider, d);
  }
  const checkInsOf = new Map<string, Org['checkIns'][number][]>();
  for (const c of org.checkIns) push(checkInsOf, c.kr, c);
  const childrenOf = new Map<string, Department[]>();
  for (const d of org.departments) if (d.parent !== undefined) push(childrenOf, d.parent, d);
  return {
    org,
    departments: new Map(org.departments.map((d) => [d.id, d])),
    childrenOf,
    dependencyPosition: new Map(org.dependencies.map((d, i) => [d, i])),
    objectiveOfKr,
    objectivesOf,
    alignedTo,
    dependenciesOf,
    checkInsOf,
    position,
    checkInPosition: new Map(org.checkIns.map((c, i) => [c, i])),
    deliverablesJql: deliverablesJql(org),
  };
}

/**
 * Department `id` and every department below it: a department's review covers its
 * sub-departments, as `scopeDepartments` (core's agenda) does, here through the index.
 */
function scopeOf(ix: OrgIndex, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (seen.has(cur)) continue;
    seen.add(cur);
    out.push(cur);
    for (const child of ix.childrenOf.get(cur) ?? []) stack.push(child.id);
  }
  return out;
}

/** The dependencies of the departments in `scope` (needing or providing), each once, in file order. */
function dependenciesIn<D>(scope: readonly string[], dependenciesOf: ReadonlyMap<string, readonly D[]>, position: (d: D) => number): D[] {
  const out = new Set<D>();
  for (const id of scope) for (const d of dependenciesOf.get(id) ?? []) out.add(d);
  return [...out].sort((a, b) => position(a) - position(b));
}

/** The objectives department `id`'s view needs, in file order. */
function objectivesFor(ix: OrgIndex, id: string): Objective[] {
  const keep = new Set<string>();
  const scope = scopeOf(ix, id);
  const down: Objective[] = scope.flatMap((d) => ix.objectivesOf.get(d) ?? []);
  const up: Objective[] = [];
  for (const d of dependenciesIn(scope, ix.dependenciesOf, (x) => ix.dependencyPosition.get(x)!)) {
    const needing = ix.objectiveOfKr.get(d.needs.kr);
    if (needing) up.push(needing);
  }
  // Downwards: objectives aligned to roll-up key results of kept objectives.
  while (down.length > 0) {
    const o = down.pop()!;
    if (keep.has(o.id)) continue;
    keep.add(o.id);
    up.push(o);
    for (const k of o.keyResults) if (k.kind === 'rollup') down.push(...(ix.alignedTo.get(k.id) ?? []));
  }
  // Upwards: what kept objectives align to, to the top (titles, company objectives at risk).
  const kept: Objective[] = [];
  const seen = new Set<string>();
  while (up.length > 0) {
    const o = up.pop()!;
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    kept.push(o);
    for (const a of o.alignedTo) {
      const parent = ix.objectiveOfKr.get(a.kr);
      if (parent && !seen.has(parent.id)) up.push(parent);
    }
  }
  return kept.sort((a, b) => ix.position.get(a.id)! - ix.position.get(b.id)!);
}

/**
 * The departments a cut names: its own, those of its objectives and dependencies, and the
 * parents between them and it (so a review agenda finds the departments below it), in file order.
 */
function departmentsFor(ix: OrgIndex, id: string, objectives: readonly Objective[], dependencies: readonly Org['dependencies'][number][]): Department[] {
  const keep = new Set<string>([id]);
  const add = (start: string) => {
    let cur: string | undefined = start;
    while (cur !== undefined && !keep.has(cur) && ix.departments.has(cur)) {
      keep.add(cur);
      cur = ix.departments.get(cur)!.parent;
    }
  };
  for (const o of objectives) add(o.department);
  for (const d of dependencies) {
    add(d.needs.department);
    add(d.provider);
  }
  return ix.org.departments.filter((d) => keep.has(d.id));
}

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
    const issues = deliverables.size === 0 ? [] : all.issues.filter((i) => deliverables.has(i.key));
    queries[dq] = { issues, totals: totalsOf(issues) };
  }
  return { version: 1, epics, queries, statusCategories: metrics.statusCategories };
}

/**
 * The org cut for department `id`: the objectives and departments it needs, the dependencies
 * of it and of its sub-departments (the department's review covers them, as
 * `buildReviewAgenda` does over the whole org), their check-ins, every review.
 */
function orgFor(ix: OrgIndex, id: string): { org: Org; deliverables: Set<string> } {
  const objectives = objectivesFor(ix, id);
  const dependencies = dependenciesIn(scopeOf(ix, id), ix.dependenciesOf, (x) => ix.dependencyPosition.get(x)!);
  const deliverables = new Set(dependencies.flatMap((d) => d.deliverables));
  const checkIns = objectives.flatMap((o) => o.keyResults.flatMap((k) => ix.checkInsOf.get(k.id) ?? []));
  checkIns.sort((a, b) => ix.checkInPosition.get(a)! - ix.checkInPosition.get(b)!);
  const departments = departmentsFor(ix, id, objectives, dependencies);
  return { org: { ...ix.org, departments, objectives, dependencies: [...dependencies], checkIns }, deliverables };
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
