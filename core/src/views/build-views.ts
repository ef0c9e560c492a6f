/**
 * Builds the view models of every surface from an evaluation. Views only select, join and
 * label what the computations produced; they compute no progress of their own.
 */
import type { LintFinding } from '../lint/types';
import type { Department, Objective, Org } from '../model/org';
import type { Evaluation } from '../report/evaluate';
import { percentLabel } from './labels';
import type { AlignmentNode, CompanyView, DepartmentView, DependencyView, EpicView } from './types';
import { ViewContext } from './view-context';

/** The Department OKRs view: one department's objectives, key results, dependencies and lint. */
export function buildDepartmentView(org: Org, evaluation: Evaluation, departmentId: string): DepartmentView | null {
  const department = org.departments.find((d) => d.id === departmentId);
  const ctx = new ViewContext(org, evaluation);
  if (!department || !ctx.departmentResults.has(departmentId)) return null;
  const objectives = org.objectives.filter((o) => o.department === departmentId);
  return departmentView(ctx, department, objectives, lintByDepartment(ctx, [{ department, objectives }]).get(departmentId) ?? []);
}

/** Each department's view over one shared context, in the org file's order: linear in the org's size. */
export function buildDepartmentViews(ctx: ViewContext): DepartmentView[] {
  const objectivesOf = new Map<string, Objective[]>(ctx.org.departments.map((d) => [d.id, []]));
  for (const o of ctx.org.objectives) objectivesOf.get(o.department)?.push(o);
  const groups = ctx.org.departments.map((department) => ({ department, objectives: objectivesOf.get(department.id)! }));
  const lint = lintByDepartment(ctx, groups);
  return groups.filter((g) => ctx.departmentResults.has(g.department.id)).map((g) => departmentView(ctx, g.department, g.objectives, lint.get(g.department.id) ?? []));
}

/**
 * The lint findings each department's view lists: those about the department, its owners, its
 * objectives and key results, or an issue of one of its Jira projects (a hidden dependency
 * "FIN-29→MKT-83" belongs to both ends). One pass over the findings for any number of departments.
 */
function lintByDepartment(ctx: ViewContext, groups: readonly { department: Department; objectives: readonly Objective[] }[]): Map<string, LintFinding[]> {
  const bySubject = new Map<string, string[]>();
  const byProject = new Map<string, string[]>();
  const add = (index: Map<string, string[]>, key: string, id: string) => {
    const list = index.get(key);
    if (!list) index.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  for (const { department, objectives } of groups) {
    const id = department.id;
    add(bySubject, id, id);
    for (const owner of department.owners) add(bySubject, owner, id);
    for (const o of objectives) {
      add(bySubject, o.id, id);
      for (const kr of o.keyResults) add(bySubject, kr.id, id);
    }
    for (const p of department.jiraProjects) add(byProject, p, id);
  }
  const out = new Map<string, LintFinding[]>();
  const raw = ctx.evaluation.lint;
  if (raw.length === 0) return out;
  const described = ctx.lint();
  raw.forEach((f, i) => {
    const ids = new Set(bySubject.get(f.subject));
    for (const key of f.subject.split('→')) for (const id of byProject.get(key.slice(0, key.lastIndexOf('-'))) ?? []) ids.add(id);
    for (const id of ids) {
      const list = out.get(id);
      if (list) list.push(described[i]!);
      else out.set(id, [described[i]!]);
    }
  });
  return out;
}

function departmentView(ctx: ViewContext, department: Department, objectives: readonly Objective[], lint: readonly LintFinding[]): DepartmentView {
  const result = ctx.departmentResults.get(department.id);
  if (!result) throw new Error(`broken invariant: department ${department.id} has no result`);
  const { org, evaluation } = ctx;
  const { incoming, outgoing } = ctx.dependenciesOf(department.id);
  return {
    id: department.id,
    name: department.name,
    owners: department.owners,
    jiraProjects: department.jiraProjects,
    cycle: { id: org.cycle.id, start: org.cycle.start, end: org.cycle.end },
    at: evaluation.at,
    expected: evaluation.progress.expected,
    expectedLabel: percentLabel(evaluation.progress.expected),
    ...ctx.progressView(result.progress, result.status),
    objectives: objectives.map((o) => ctx.objective(o)),
    incoming,
    outgoing,
    lint,
  };
}

/** The Company OKRs view: roll-up, department table, alignment tree, dependency map, lint. */
export function buildCompanyView(org: Org, evaluation: Evaluation): CompanyView {
  return companyView(new ViewContext(org, evaluation));
}

export function companyView(ctx: ViewContext): CompanyView {
  const { org, evaluation } = ctx;
  const p = evaluation.progress;
  const blocked = new Map<string, number>();
  for (const d of evaluation.dependencies.dependencies) if (d.state === 'blocked') blocked.set(d.needs.department, (blocked.get(d.needs.department) ?? 0) + 1);
  return {
    name: org.company.name,
    cycle: { id: org.cycle.id, start: org.cycle.start, end: org.cycle.end },
    at: evaluation.at,
    expected: p.expected,
    expectedLabel: percentLabel(p.expected),
    ...ctx.progressView(p.company.progress, p.company.status),
    departments: p.departments.map((d) => ({
      id: d.id,
      name: d.name,
      objectives: d.objectives.length,
      blocked: blocked.get(d.id) ?? 0,
      ...ctx.progressView(d.progress, d.status),
    })),
    tree: alignmentTree(ctx),
    dependencies: ctx.dependencies(() => true),
    lint: ctx.lint(),
  };
}

/**
 * The forest of company objectives, each with the objectives aligned to its key results below
 * it. Built with an explicit stack rather than recursion, so a chain of thousands of aligned
 * objectives neither overflows the call stack nor copies its path at every level; an objective
 * already on the path (a cycle, which parsing refuses) is not entered again.
 */
function alignmentTree(ctx: ViewContext): AlignmentNode[] {
  const alignedUnder = new Map<string, { kr: string; objective: Objective }[]>();
  for (const o of ctx.org.objectives) {
    for (const a of o.alignedTo) {
      const parent = ctx.krDefs.get(a.kr)?.objective.id;
      if (!parent) continue;
      const list = alignedUnder.get(parent);
      if (list) list.push({ kr: a.kr, objective: o });
      else alignedUnder.set(parent, [{ kr: a.kr, objective: o }]);
    }
  }
  type Mutable = { objective: AlignmentNode['objective']; children: { kr: string; node: AlignmentNode }[] };
  const onPath = new Set<string>();
  const roots: Mutable[] = [];
  // Each frame: the objective to enter (or, with `leave`, to take off the path) and where its node goes.
  const stack: ({ leave: string } | { objective: Objective; into: Mutable['children'] | null; kr: string })[] = [];
  const companyObjectives = ctx.org.objectives.filter((o) => o.department === ctx.org.company.id);
  for (let i = companyObjectives.length - 1; i >= 0; i--) stack.push({ objective: companyObjectives[i]!, into: null, kr: '' });
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if ('leave' in frame) {
      onPath.delete(frame.leave);
      continue;
    }
    const { objective, into, kr } = frame;
    const node: Mutable = { objective: ctx.objective(objective), children: [] };
    if (into) into.push({ kr, node });
    else roots.push(node);
    onPath.add(objective.id);
    stack.push({ leave: objective.id });
    const children = (alignedUnder.get(objective.id) ?? []).filter((c) => !onPath.has(c.objective.id));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ objective: children[i]!.objective, into: node.children, kr: children[i]!.kr });
  }
  return roots;
}

/** The epic panel: the key results an epic drives and the epic's share of each. */
export function buildEpicView(org: Org, evaluation: Evaluation, epicKey: string): EpicView {
  const ctx = new ViewContext(org, evaluation);
  const keyResults = [];
  for (const o of org.objectives) {
    for (const kr of o.keyResults) {
      if (kr.kind !== 'jira' || !kr.epics.includes(epicKey)) continue;
      const view = ctx.kr(kr.id);
      const share = view.explain.epics?.find((e) => e.key === epicKey);
      keyResults.push({ ...view, share: share ? { credit: share.credit, size: share.size, children: share.children, done: share.done } : null });
    }
  }
  return { epic: epicKey, keyResults };
}

/** Every dependency as a view, blocked first: the Teams Dependencies view and bot alerts. */
export function buildDependencyViews(org: Org, evaluation: Evaluation): DependencyView[] {
  return new ViewContext(org, evaluation).dependencies(() => true);
}
