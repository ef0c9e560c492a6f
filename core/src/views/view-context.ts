/**
 * Lookups over one org and its evaluation, built once and shared by every view built from
 * them: one pass over the org, each objective's and lint finding's view made once, so a
 * report of all departments stays linear in the size of the org.
 */
import type { DependencyResult, DependencyState } from '../dependencies/types';
import type { LintFinding } from '../lint/types';
import type { Department, KeyResult, Objective, Org } from '../model/org';
import type { DepartmentResult, KrResult, ObjectiveResult, Status } from '../progress/types';
import type { Evaluation } from '../report/evaluate';
import { DEPENDENCY_STATE_LABELS, DEPENDENCY_STATE_RANK, DEPENDENCY_STATE_TONES, issueLink, percentLabel, STATUS_LABELS, STATUS_TONES } from './labels';
import { dependencyTitleOf } from './dependency-text';
import { describeExplanation } from './explain-text';
import { describeLintFinding, titlesOf } from './lint-text';
import { flatText } from '../progress/format';
import { describeKrStatus, describeStatus, type BlockingDependency } from './status-text';
import type { DependencyView, KrView, ObjectiveView, ProgressView } from './types';
import { describeValue } from './value-label';

export interface ViewOptions {
  /**
   * False: key result views leave `explanation` empty. For a surface that never shows it (the
   * CLI's text report): a rollup aligned to 20,000 objectives explains itself in 20,000 lines.
   */
  readonly explanations?: boolean;
}

export class ViewContext {
  readonly krDefs = new Map<string, { kr: KeyResult; objective: Objective }>();
  readonly krResults: ReadonlyMap<string, KrResult>;
  readonly objectiveResults: ReadonlyMap<string, ObjectiveResult>;
  readonly departmentResults: ReadonlyMap<string, DepartmentResult>;
  readonly dependencyOf = new Map<string, DependencyState>();
  readonly titles: ReadonlyMap<string, string>;
  /** The first blocked dependency each key result waits on. */
  readonly blockingOf = new Map<string, BlockingDependency>();
  readonly departments: ReadonlyMap<string, Department>;
  private readonly objectiveTitles = new Map<string, string>();
  private readonly objectiveViews = new Map<string, ObjectiveView>();
  private describedLint: LintFinding[] | null = null;
  private dependencyViews: { incoming: Map<string, DependencyView[]>; outgoing: Map<string, DependencyView[]> } | null = null;

  /** Whether key result views carry their "Explain" lines (a surface that prints none skips making them). */
  private readonly explanations: boolean;

  constructor(
    readonly org: Org,
    readonly evaluation: Evaluation,
    options: ViewOptions = {},
  ) {
    this.explanations = options.explanations ?? true;
    this.departments = new Map(org.departments.map((d) => [d.id, d]));
    for (const o of org.objectives) {
      this.objectiveTitles.set(o.id, o.title);
      for (const kr of o.keyResults) this.krDefs.set(kr.id, { kr, objective: o });
    }
    this.titles = titlesOf(org);
    this.krResults = new Map(evaluation.progress.keyResults.map((k) => [k.id, k]));
    this.objectiveResults = new Map(evaluation.progress.objectives.map((o) => [o.id, o]));
    this.departmentResults = new Map(evaluation.progress.departments.map((d) => [d.id, d]));
    for (const d of evaluation.dependencies.dependencies) {
      const before = this.dependencyOf.get(d.needs.kr);
      if (before === undefined || DEPENDENCY_STATE_RANK[d.state] < DEPENDENCY_STATE_RANK[before]) this.dependencyOf.set(d.needs.kr, d.state);
      if (d.state === 'blocked' && !this.blockingOf.has(d.needs.kr)) this.blockingOf.set(d.needs.kr, { title: this.dependencyTitle(d), providerName: this.departmentName(d.provider) });
    }
  }

  dependencyTitle(d: DependencyResult): string {
    return dependencyTitleOf(d);
  }

  /** Status label, tone and sentence of an objective, department or company at its pace. */
  progressView(progress: number, status: Status, atRisk: readonly string[] = []): ProgressView {
    const expected = this.evaluation.progress.expected;
    return { progress, progressLabel: percentLabel(progress), status, statusLabel: STATUS_LABELS[status], tone: STATUS_TONES[status], statusReason: flatText(describeStatus(status, progress, expected, atRisk)) };
  }

  departmentName(id: string): string {
    return id === this.org.company.id ? this.org.company.name : (this.departments.get(id)?.name ?? id);
  }

  /** Every lint finding with objectives and key results named by title, in the evaluation's order. */
  lint(): readonly LintFinding[] {
    this.describedLint ??= this.evaluation.lint.map((f) => describeLintFinding(f, this.titles));
    return this.describedLint;
  }

  kr(id: string): KrView {
    const result = this.krResults.get(id);
    const def = this.krDefs.get(id);
    if (!result || !def) throw new Error(`broken invariant: key result ${id} has no result`);
    const { kr } = def;
    const progressLabel = percentLabel(result.progress);
    const valueLabel = flatText(describeValue(kr, result.explain));
    return {
      id,
      objective: def.objective.id,
      title: kr.title,
      owner: kr.owner ?? def.objective.owner ?? null,
      kind: kr.kind,
      weight: kr.weight,
      progress: result.progress,
      progressLabel,
      status: result.status,
      statusLabel: STATUS_LABELS[result.status],
      tone: STATUS_TONES[result.status],
      statusReason: flatText(describeKrStatus(result.status, result.basis, this.blockingOf.get(id) ?? null)),
      valueLabel,
      rule: result.explain.rule,
      explain: result.explain,
      explanation: this.explanations
        ? describeExplanation({ rule: result.explain.rule, progressLabel, valueLabel }, result.explain, { baseUrl: this.org.jira.baseUrl, objectiveTitles: this.objectiveTitles })
        : [],
      epics: kr.kind === 'jira' ? kr.epics.map((e) => issueLink(this.org.jira.baseUrl, e)) : [],
      dependencyState: this.dependencyOf.get(id) ?? null,
      checkInAllowed: kr.kind === 'metric' || kr.kind === 'milestone',
    };
  }

  /** An objective's view, made once per context (the alignment tree and a department share it). */
  objective(o: Objective): ObjectiveView {
    const made = this.objectiveViews.get(o.id);
    if (made) return made;
    const result = this.objectiveResults.get(o.id);
    if (!result) throw new Error(`broken invariant: objective ${o.id} has no result`);
    const keyResults = o.keyResults.map((kr) => this.kr(kr.id));
    const view: ObjectiveView = {
      id: o.id,
      title: o.title,
      owner: o.owner ?? null,
      department: o.department,
      departmentName: this.departmentName(o.department),
      ...this.progressView(result.progress, result.status, keyResults.filter((k) => k.status === 'at-risk').map((k) => k.title)),
      score: result.score,
      alignedTo: o.alignedTo.map((a) => {
        const parent = this.krDefs.get(a.kr);
        return { kr: a.kr, title: parent?.kr.title ?? a.kr, objective: parent?.objective.id ?? '', weight: a.weight };
      }),
      keyResults,
    };
    this.objectiveViews.set(o.id, view);
    return view;
  }

  dependency(d: DependencyResult): DependencyView {
    const provider = this.departments.get(d.provider);
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
      companyObjectivesAtRisk: d.companyObjectivesAtRisk.map((id) => ({ id, title: this.objectiveTitles.get(id) ?? id })),
    };
  }

  /** What a department needs from others and what others need from it, blocked first; grouped once for all departments. */
  dependenciesOf(department: string): { incoming: DependencyView[]; outgoing: DependencyView[] } {
    if (!this.dependencyViews) {
      const incoming = new Map<string, DependencyView[]>();
      const outgoing = new Map<string, DependencyView[]>();
      const add = (index: Map<string, DependencyView[]>, key: string, view: DependencyView) => {
        const list = index.get(key);
        if (list) list.push(view);
        else index.set(key, [view]);
      };
      for (const view of this.dependencies(() => true)) {
        add(incoming, view.needs.department, view);
        add(outgoing, view.provider.department, view);
      }
      this.dependencyViews = { incoming, outgoing };
    }
    return { incoming: this.dependencyViews.incoming.get(department) ?? [], outgoing: this.dependencyViews.outgoing.get(department) ?? [] };
  }

  dependencies(filter: (d: DependencyResult) => boolean): DependencyView[] {
    return this.evaluation.dependencies.dependencies
      .filter(filter)
      .map((d) => this.dependency(d))
      .sort((a, b) => DEPENDENCY_STATE_RANK[a.state] - DEPENDENCY_STATE_RANK[b.state]);
  }
}
