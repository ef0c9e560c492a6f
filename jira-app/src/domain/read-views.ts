/**
 * The view models the panels show, computed from stored records at the moment of the call
 * (expected progress and status depend on the day). Panel views leave out the per-issue
 * list behind each number (keys and statuses of issues the viewer may not be allowed to see);
 * `explainKr` returns it, read as the user.
 */
import { buildCompanyView, buildDepartmentView, buildEpicView, type CompanyView, type DepartmentView, type EpicView, type EpicMetrics, type KrView, type Org, type ReviewAgenda } from '@okr-bridge/core';
import type { DepartmentInput } from '../storage/records';
import { evaluateStored } from './evaluate-stored';

/** A key result view without its list of issues (counts and epic shares stay). */
export function withoutIssues<K extends KrView>(kr: K): K {
  if (kr.explain.issues === undefined) return kr;
  const { issues: _issues, ...explain } = kr.explain;
  return { ...kr, explain };
}

function stripDepartment(view: DepartmentView): DepartmentView {
  return { ...view, objectives: view.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map(withoutIssues) })) };
}

/** The department view from its stored input; the stored lint plus today's stale check-ins. */
export function departmentViewOf(input: DepartmentInput, at: string, options: { keepIssues?: boolean } = {}): DepartmentView | null {
  const evaluation = evaluateStored(input.org, input.metrics, { at, agenda: { scope: { kind: 'department', id: input.department } } });
  const view = buildDepartmentView(input.org, evaluation, input.department);
  if (!view) return null;
  const lint = [...input.lint, ...view.lint.filter((f) => f.code === 'stale-check-in')];
  const full = { ...view, lint };
  return options.keepIssues ? full : stripDepartment(full);
}

/** The company view and the company review agenda from the whole cycle. */
export function companyViewOf(org: Org, metrics: EpicMetrics, at: string, agenda: { since?: string; minutes?: number } = {}, options: { keepIssues?: boolean } = {}): { view: CompanyView; agenda: ReviewAgenda } {
  const evaluation = evaluateStored(org, metrics, { at, agenda: { scope: { kind: 'company' }, ...agenda } });
  const view = buildCompanyView(org, evaluation);
  if (options.keepIssues) return { view, agenda: evaluation.agenda };
  const strip = (node: CompanyView['tree'][number]): CompanyView['tree'][number] => ({
    objective: { ...node.objective, keyResults: node.objective.keyResults.map(withoutIssues) },
    children: node.children.map((c) => ({ kr: c.kr, node: strip(c.node) })),
  });
  return { view: { ...view, tree: view.tree.map(strip) }, agenda: evaluation.agenda };
}

/** The epic panel from the inputs of the departments whose key results it drives (each key result once). */
export function epicViewOf(inputs: readonly DepartmentInput[], epic: string, at: string): EpicView {
  const seen = new Set<string>();
  const keyResults: EpicView['keyResults'][number][] = [];
  for (const input of inputs) {
    const own = new Set(input.org.objectives.filter((o) => o.department === input.department).flatMap((o) => o.keyResults.map((k) => k.id)));
    const evaluation = evaluateStored(input.org, input.metrics, { at });
    for (const kr of buildEpicView(input.org, evaluation, epic).keyResults) {
      if (!own.has(kr.id) || seen.has(kr.id)) continue;
      seen.add(kr.id);
      keyResults.push(withoutIssues(kr));
    }
  }
  return { epic, keyResults };
}

/** One key result's view, evaluated over the whole cycle (after an edit or a check-in). */
export function krViewIn(org: Org, metrics: EpicMetrics, at: string, id: string): KrView | null {
  const evaluation = evaluateStored(org, metrics, { at });
  const objective = org.objectives.find((o) => o.keyResults.some((k) => k.id === id));
  if (!objective) return null;
  const objectives =
    objective.department === org.company.id ? buildCompanyView(org, evaluation).tree.map((n) => n.objective) : (buildDepartmentView(org, evaluation, objective.department)?.objectives ?? []);
  const kr = objectives.flatMap((o) => o.keyResults).find((k) => k.id === id);
  return kr ? withoutIssues(kr) : null;
}
