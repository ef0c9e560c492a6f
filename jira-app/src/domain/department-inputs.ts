/**
 * Precomputes what each department's panel reads, so that a panel load is one record and no
 * Jira call: the org cut to the objectives the department view and its review agenda show or
 * compute from (its own and its sub-departments', the objectives aligned to its roll-up key results, the objectives it aligns to and the
 * ones above them, the objectives on the other side of its dependencies), the metrics of
 * those objectives' epics and JQLs and of its dependencies' deliverables, and the lint of the
 * whole org about it (except stale check-ins, which depend on the day and are recomputed).
 */
import { buildDepartmentView, normalizeUserJql, scopeDepartments, type EpicMetrics, type IssueSetMetrics, type LintFinding, type Objective, type Org } from '@okr-bridge/core';
import type { DepartmentInput } from '../storage/records';
import { evaluateStored } from './evaluate-stored';
import { deliverablesJql } from './org-assembly';

function objectiveOfKr(org: Org): Map<string, Objective> {
  const map = new Map<string, Objective>();
  for (const o of org.objectives) for (const kr of o.keyResults) map.set(kr.id, o);
  return map;
}

/** The objectives department `id`'s view needs, in file order. */
export function objectivesFor(org: Org, id: string): Objective[] {
  const byKr = objectiveOfKr(org);
  const keep = new Set<string>();
  const inScope = scopeDepartments(org, { kind: 'department', id });
  const down: Objective[] = org.objectives.filter((o) => inScope(o.department));
  const up: Objective[] = [];
  for (const d of org.dependencies) {
    if (!inScope(d.needs.department) && !inScope(d.provider)) continue;
    const needing = byKr.get(d.needs.kr);
    if (needing) up.push(needing);
  }
  // Downwards: objectives aligned to roll-up key results of kept objectives.
  while (down.length > 0) {
    const o = down.pop()!;
    if (keep.has(o.id)) continue;
    keep.add(o.id);
    up.push(o);
    const rollups = new Set(o.keyResults.filter((k) => k.kind === 'rollup').map((k) => k.id));
    for (const child of org.objectives) if (child.alignedTo.some((a) => rollups.has(a.kr))) down.push(child);
  }
  // Upwards: what kept objectives align to, to the top (titles, company objectives at risk).
  while (up.length > 0) {
    const o = up.pop()!;
    keep.add(o.id);
    for (const a of o.alignedTo) {
      const parent = byKr.get(a.kr);
      if (parent && !keep.has(parent.id)) up.push(parent);
    }
  }
  return org.objectives.filter((o) => keep.has(o.id));
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
export function metricsFor(metrics: EpicMetrics, org: Org, objectives: readonly Objective[], deliverables: ReadonlySet<string>): EpicMetrics {
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
  const dq = deliverablesJql(org);
  const all = dq === null ? undefined : metrics.queries[dq];
  if (dq !== null && all) {
    const issues = all.issues.filter((i) => deliverables.has(i.key));
    queries[dq] = { issues, totals: totalsOf(issues) };
  }
  return { version: 1, epics, queries, statusCategories: metrics.statusCategories };
}

/**
 * The org cut for department `id`: its objectives as `objectivesFor`, the dependencies of it
 * and of its sub-departments (the department's review covers them, as `buildReviewAgenda`
 * does over the whole org), their check-ins, every review.
 */
export function orgFor(org: Org, id: string): { org: Org; deliverables: Set<string> } {
  const objectives = objectivesFor(org, id);
  const krs = new Set(objectives.flatMap((o) => o.keyResults.map((k) => k.id)));
  const inScope = scopeDepartments(org, { kind: 'department', id });
  const dependencies = org.dependencies.filter((d) => inScope(d.needs.department) || inScope(d.provider));
  const deliverables = new Set(dependencies.flatMap((d) => d.deliverables));
  return { org: { ...org, objectives, dependencies, checkIns: org.checkIns.filter((c) => krs.has(c.kr)) }, deliverables };
}

/**
 * Builds every department's stored input from the whole org and its metrics, evaluated once
 * at `at` (for the lint that does not depend on the day).
 */
export function buildDepartmentInputs(org: Org, metrics: EpicMetrics, at: string): DepartmentInput[] {
  const evaluation = evaluateStored(org, metrics, { at });
  return org.departments.map((d) => {
    const cut = orgFor(org, d.id);
    const full = buildDepartmentView(org, evaluation, d.id);
    const lint: LintFinding[] = (full?.lint ?? []).filter((f) => f.code !== 'stale-check-in');
    return { version: 1, cycle: org.cycle.id, department: d.id, org: cut.org, metrics: metricsFor(metrics, org, cut.org.objectives, cut.deliverables), lint };
  });
}
