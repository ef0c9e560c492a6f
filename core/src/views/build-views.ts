/**
 * Builds the view models of every surface from an evaluation. Views only select, join and
 * label what the computations produced; they compute no progress of their own.
 */
import type { DependencyResult, DependencyState } from '../dependencies/types';
import type { KeyResult, Objective, Org } from '../model/org';
import type { KrResult, ObjectiveResult, Status } from '../progress/types';
import type { Evaluation } from '../report/evaluate';
import { DEPENDENCY_STATE_LABELS, DEPENDENCY_STATE_RANK, DEPENDENCY_STATE_TONES, issueLink, percentLabel, STATUS_LABELS, STATUS_TONES } from './labels';
import { describeKrStatus, describeStatus, type BlockingDependency } from './status-text';
import type { AlignmentNode, CompanyView, DepartmentView, DependencyView, EpicView, KrView, ObjectiveView, ProgressView } from './types';
import { describeValue } from './value-label';

/** Lookups over one org and its evaluation, built once per view. */
class ViewContext {
  readonly krDefs = new Map<string, { kr: KeyResult; objective: Objective }>();
  readonly krResults: ReadonlyMap<string, KrResult>;
  readonly objectiveResults: ReadonlyMap<string, ObjectiveResult>;
  readonly dependencyOf = new Map<string, DependencyState>();
  /** The first blocked dependency each key result waits on. */
  readonly blockingOf = new Map<string, BlockingDependency>();

  constructor(
    readonly org: Org,
    readonly evaluation: Evaluation,
  ) {
    for (const o of org.objectives) for (const kr of o.keyResults) this.krDefs.set(kr.id, { kr, objective: o });
    this.krResults = new Map(evaluation.progress.keyResults.map((k) => [k.id, k]));
    this.objectiveResults = new Map(evaluation.progress.objectives.map((o) => [o.id, o]));
    for (const d of evaluation.dependencies.dependencies) {
      const before = this.dependencyOf.get(d.needs.kr);
      if (before === undefined || DEPENDENCY_STATE_RANK[d.state] < DEPENDENCY_STATE_RANK[before]) this.dependencyOf.set(d.needs.kr, d.state);
      if (d.state === 'blocked' && !this.blockingOf.has(d.needs.kr)) this.blockingOf.set(d.needs.kr, { title: this.dependencyTitle(d), providerName: this.departmentName(d.provider) });
    }
  }

  dependencyTitle(d: DependencyResult): string {
    return d.title ?? `${this.departmentName(d.needs.department)} needs ${d.deliverables.map((x) => x.key).join(', ')}`;
  }

  /** Status label, tone and sentence of an objective, department or company at its pace. */
  progressView(progress: number, status: Status, atRisk: readonly string[] = []): ProgressView {
    const expected = this.evaluation.progress.expected;
    return { progress, progressLabel: percentLabel(progress), status, statusLabel: STATUS_LABELS[status], tone: STATUS_TONES[status], statusReason: describeStatus(status, progress, expected, atRisk) };
  }

  departmentName(id: string): string {
    return id === this.org.company.id ? this.org.company.name : (this.org.departments.find((d) => d.id === id)?.name ?? id);
  }

  kr(id: string): KrView {
    const result = this.krResults.get(id);
    const def = this.krDefs.get(id);
    if (!result || !def) throw new Error(`broken invariant: key result ${id} has no result`);
    const { kr } = def;
    return {
      id,
      objective: def.objective.id,
      title: kr.title,
      owner: kr.owner ?? def.objective.owner ?? null,
      kind: kr.kind,
      weight: kr.weight,
      progress: result.progress,
      progressLabel: percentLabel(result.progress),
      status: result.status,
      statusLabel: STATUS_LABELS[result.status],
      tone: STATUS_TONES[result.status],
      statusReason: describeKrStatus(result.status, result.basis, this.blockingOf.get(id) ?? null),
      valueLabel: describeValue(kr, result.explain),
      rule: result.explain.rule,
      explain: result.explain,
      epics: kr.kind === 'jira' ? kr.epics.map((e) => issueLink(this.org.jira.baseUrl, e)) : [],
      dependencyState: this.dependencyOf.get(id) ?? null,
      checkInAllowed: kr.kind === 'metric' || kr.kind === 'milestone',
    };
  }

  objective(o: Objective): ObjectiveView {
    const result = this.objectiveResults.get(o.id);
    if (!result) throw new Error(`broken invariant: objective ${o.id} has no result`);
    const keyResults = o.keyResults.map((kr) => this.kr(kr.id));
    return {
      id: o.id,
      title: o.title,
      owner: o.owner ?? null,
      department: o.department,
      ...this.progressView(result.progress, result.status, keyResults.filter((k) => k.status === 'at-risk').map((k) => k.title)),
      score: result.score,
      alignedTo: o.alignedTo.map((a) => {
        const parent = this.krDefs.get(a.kr);
        return { kr: a.kr, title: parent?.kr.title ?? a.kr, objective: parent?.objective.id ?? '', weight: a.weight };
      }),
      keyResults,
    };
  }

  dependency(d: DependencyResult): DependencyView {
    const provider = this.org.departments.find((x) => x.id === d.provider);
    const need = this.krDefs.get(d.needs.kr);
    return {
      id: d.id,
      title: this.dependencyTitle(d),
      state: d.state,
      stateLabel: DEPENDENCY_STATE_LABELS[d.state],
      tone: DEPENDENCY_STATE_TONES[d.state],
      reason: d.reason,
      due: d.due,
      needs: {
        department: d.needs.department,
        departmentName: this.departmentName(d.needs.department),
        kr: d.needs.kr,
        krTitle: need?.kr.title ?? d.needs.kr,
        owner: need?.kr.owner ?? need?.objective.owner ?? null,
      },
      provider: { department: d.provider, departmentName: this.departmentName(d.provider), owners: provider?.owners ?? [] },
      deliverables: d.deliverables.map((x) => ({ ...issueLink(this.org.jira.baseUrl, x.key), state: x.state, status: x.status, reasons: x.reasons })),
      companyObjectivesAtRisk: d.companyObjectivesAtRisk.map((id) => ({ id, title: this.org.objectives.find((o) => o.id === id)?.title ?? id })),
    };
  }

  dependencies(filter: (d: DependencyResult) => boolean): DependencyView[] {
    return this.evaluation.dependencies.dependencies
      .filter(filter)
      .map((d) => this.dependency(d))
      .sort((a, b) => DEPENDENCY_STATE_RANK[a.state] - DEPENDENCY_STATE_RANK[b.state]);
  }
}

/** The Department OKRs view: one department's objectives, key results, dependencies and lint. */
export function buildDepartmentView(org: Org, evaluation: Evaluation, departmentId: string): DepartmentView | null {
  const department = org.departments.find((d) => d.id === departmentId);
  const result = evaluation.progress.departments.find((d) => d.id === departmentId);
  if (!department || !result) return null;
  const ctx = new ViewContext(org, evaluation);
  const objectives = org.objectives.filter((o) => o.department === departmentId);
  const subjects = new Set<string>([departmentId, ...department.owners]);
  for (const o of objectives) {
    subjects.add(o.id);
    for (const kr of o.keyResults) subjects.add(kr.id);
  }
  const projects = new Set(department.jiraProjects);
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
    incoming: ctx.dependencies((d) => d.needs.department === departmentId),
    outgoing: ctx.dependencies((d) => d.provider === departmentId),
    lint: evaluation.lint.filter((f) => subjects.has(f.subject) || f.subject.split('→').some((key) => projects.has(key.slice(0, key.lastIndexOf('-'))))),
  };
}

/** The Company OKRs view: roll-up, department table, alignment tree, dependency map, lint. */
export function buildCompanyView(org: Org, evaluation: Evaluation): CompanyView {
  const ctx = new ViewContext(org, evaluation);
  const p = evaluation.progress;
  const alignedUnder = new Map<string, { kr: string; objective: Objective }[]>();
  for (const o of org.objectives) {
    for (const a of o.alignedTo) {
      const parent = ctx.krDefs.get(a.kr)?.objective.id;
      if (parent) alignedUnder.set(parent, [...(alignedUnder.get(parent) ?? []), { kr: a.kr, objective: o }]);
    }
  }
  const node = (o: Objective, path: ReadonlySet<string>): AlignmentNode => ({
    objective: ctx.objective(o),
    children: (alignedUnder.get(o.id) ?? [])
      .filter((c) => !path.has(c.objective.id))
      .map((c) => ({ kr: c.kr, node: node(c.objective, new Set([...path, c.objective.id])) })),
  });
  const blockedBy = (id: string) => evaluation.dependencies.dependencies.filter((d) => d.state === 'blocked' && d.needs.department === id).length;
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
      blocked: blockedBy(d.id),
      ...ctx.progressView(d.progress, d.status),
    })),
    tree: org.objectives.filter((o) => o.department === org.company.id).map((o) => node(o, new Set([o.id]))),
    dependencies: ctx.dependencies(() => true),
    lint: evaluation.lint,
  };
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
