/**
 * The whole cycle's numbers at one moment: every key result, objective, department and the
 * company, each with a status. Leaf key results are measured once each; `rollup` key results
 * and objectives are memoized, so a rollup of rollups is computed once however many parents
 * read it. Issues are only reached through the index (`childrenOf`) and the injected JQL
 * evaluator, never scanned per key result.
 */
import type { IssueFacts } from '../model/issue';
import type { IssueIndex } from '../model/issue-index';
import type { CheckIn, KeyResult, Objective, Org } from '../model/org';
import { expectedAtDay, toAtDay, toCycleSpan } from '../progress/expected';
import { collectJiraIssues, makeScopeClock } from '../progress/jira-issues';
import { computeJiraProgress } from '../progress/jira-progress';
import { computeMetricProgress, computeMilestoneProgress } from '../progress/manual-progress';
import type { KrProgress } from '../progress/manual-progress';
import { computeKrStatus } from '../progress/kr-status';
import { computeScore, computeStatus } from '../progress/status';
import type { DepartmentResult, KrExplanation, KrResult, ObjectiveResult, ProgressResult } from '../progress/types';
import { computeRollupKrProgress } from './rollup-kr';
import type { AlignedObjective } from './rollup-kr';
import { computeMean, computeWeightedMean } from './weighted-mean';

export interface ProgressOptions {
  /** Evaluates a key result's bounded JQL to the issues it matches (memoize it per JQL). */
  readonly jqlIssues: (jql: string) => readonly IssueFacts[];
  /** Key results with a blocked incoming dependency: at least at risk. */
  readonly blockedKrs: ReadonlySet<string>;
}

const NO_CHECK_INS: readonly CheckIn[] = [];

/**
 * Computes progress and status for the whole org at `at` (a date or an ISO instant).
 * Key results: metric, milestone and jira by their measure; rollup as the weighted mean of the
 * objectives aligned to them. Objective = Σ wᵢ·pᵢ / Σ wᵢ over its key results (the plain mean
 * when every weight is 0; 0 with no key results). Department = mean of its own objectives (0
 * when none); company = mean of the objectives owned by the company id. Every level gets a
 * status from the org's thresholds; only key results in `blockedKrs` are forced at risk.
 * Objectives carry their score. Result arrays follow the org file's order.
 */
export function computeProgress(org: Org, index: IssueIndex, at: string, options: ProgressOptions): ProgressResult {
  const { atDay, expected, checkIns, krProgress, krExplanation, objectiveProgress } = progressOf(org, index, at, options, true);
  const { thresholds } = org.settings;

  const keyResults: KrResult[] = [];
  const objectives: ObjectiveResult[] = [];
  const byDepartment = new Map<string, number[]>();
  const idsByDepartment = new Map<string, string[]>();
  for (const objective of org.objectives) {
    const progress = objectiveProgress(objective);
    for (const kr of objective.keyResults) {
      const p = krProgress(kr);
      const explain = krExplanation(kr);
      const krCheckIns = checkIns.get(kr.id) ?? NO_CHECK_INS;
      const { status, basis } = computeKrStatus(kr, p, { expected, thresholds, blocked: options.blockedKrs.has(kr.id), atDay, cycleEnd: org.cycle.end, checkIns: krCheckIns });
      keyResults.push({ id: kr.id, objective: objective.id, title: kr.title, owner: kr.owner ?? null, weight: kr.weight, progress: p, status, basis, explain });
    }
    const status = computeStatus(progress, expected, thresholds, false);
    objectives.push({ id: objective.id, department: objective.department, title: objective.title, owner: objective.owner ?? null, progress, status, score: computeScore(progress) });
    push(byDepartment, objective.department, progress);
    push(idsByDepartment, objective.department, objective.id);
  }

  const departments: DepartmentResult[] = org.departments.map((d) => {
    const progress = computeMean(byDepartment.get(d.id) ?? []);
    return { id: d.id, name: d.name, progress, status: computeStatus(progress, expected, thresholds, false), objectives: idsByDepartment.get(d.id) ?? [] };
  });
  const companyProgress = computeMean(byDepartment.get(org.company.id) ?? []);
  return {
    at,
    expected,
    company: { progress: companyProgress, status: computeStatus(companyProgress, expected, thresholds, false) },
    departments,
    objectives,
    keyResults,
  };
}

/**
 * Each key result's progress at `at` and nothing else (no status, no explanation kept): for the
 * progress at an earlier date, which the agenda compares against. The same numbers as
 * `computeProgress(…).keyResults`, by the same computation.
 */
export function computeKrProgressNumbers(org: Org, index: IssueIndex, at: string, options: ProgressOptions): Map<string, number> {
  const { krProgress, objectiveProgress } = progressOf(org, index, at, options, false);
  const out = new Map<string, number>();
  for (const objective of org.objectives) {
    objectiveProgress(objective);
    for (const kr of objective.keyResults) out.set(kr.id, krProgress(kr));
  }
  return out;
}

/**
 * The memoized computation both read: a key result's progress (with its explanation when
 * `explain`; without it, each explanation is garbage as soon as it is made) and an objective's.
 */
function progressOf(org: Org, index: IssueIndex, at: string, options: ProgressOptions, explain: boolean) {
  const atDay = toAtDay(at);
  const expected = expectedAtDay(toCycleSpan(org.cycle), atDay);
  const { statusWeights } = org.settings;
  const clock = makeScopeClock(org.cycle.start);

  const checkIns = groupCheckIns(org.checkIns);
  const aligned = groupAlignments(org.objectives);
  const krMemo = new Map<string, number>();
  const explanations = new Map<string, KrExplanation>();
  const objectiveMemo = new Map<string, number>();
  const visiting = new Set<string>();

  const krProgress = (kr: KeyResult): number => {
    const known = krMemo.get(kr.id);
    if (known !== undefined) return known;
    let result: KrProgress;
    if (kr.kind === 'metric') result = computeMetricProgress(kr, checkIns.get(kr.id) ?? NO_CHECK_INS, atDay);
    else if (kr.kind === 'milestone') result = computeMilestoneProgress(kr, checkIns.get(kr.id) ?? NO_CHECK_INS, atDay);
    else if (kr.kind === 'jira') result = computeJiraProgress(kr, collectJiraIssues(kr, index, options.jqlIssues), statusWeights, clock);
    // Objectives aligned to a rollup are computed before it (see `objectiveProgress`); a loop reads as 0.
    else result = computeRollupKrProgress(aligned.get(kr.id) ?? [], (o) => objectiveMemo.get(o.id) ?? 0);
    krMemo.set(kr.id, result.progress);
    if (explain) explanations.set(kr.id, result.explain);
    return result.progress;
  };

  const krExplanation = (kr: KeyResult): KrExplanation => {
    krProgress(kr);
    const made = explanations.get(kr.id);
    if (!made) throw new Error(`broken invariant: key result ${kr.id} has no explanation`);
    return made;
  };

  const ownProgress = (objective: Objective): number => {
    const krs = objective.keyResults;
    const values = new Array<number>(krs.length);
    const weights = new Array<number>(krs.length);
    for (let i = 0; i < krs.length; i++) {
      values[i] = krProgress(krs[i]!);
      weights[i] = krs[i]!.weight;
    }
    return computeWeightedMean(values, weights).value;
  };

  /**
   * Memoized, and iterative: the objectives aligned to an objective's rollup key results are
   * computed first, depth first with an explicit stack, so a chain of alignments thousands
   * long needs no call stack. An alignment loop (parse-org refuses them) reads as 0.
   */
  const objectiveProgress = (root: Objective): number => {
    const stack: { objective: Objective; below: Objective[]; next: number }[] = [];
    const enter = (objective: Objective) => {
      visiting.add(objective.id);
      const below: Objective[] = [];
      for (const kr of objective.keyResults) if (kr.kind === 'rollup') for (const a of aligned.get(kr.id) ?? []) below.push(a.objective);
      stack.push({ objective, below, next: 0 });
    };
    if (!objectiveMemo.has(root.id)) enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const child = top.below[top.next];
      if (child !== undefined) {
        top.next += 1;
        if (!objectiveMemo.has(child.id) && !visiting.has(child.id)) enter(child);
        continue;
      }
      stack.pop();
      objectiveMemo.set(top.objective.id, ownProgress(top.objective));
      visiting.delete(top.objective.id);
    }
    return objectiveMemo.get(root.id) ?? 0;
  };

  return { atDay, expected, checkIns, krProgress, krExplanation, objectiveProgress };
}

function groupCheckIns(checkIns: readonly CheckIn[]): Map<string, CheckIn[]> {
  const out = new Map<string, CheckIn[]>();
  for (const c of checkIns) push(out, c.kr, c);
  return out;
}

/** For each parent key result, the objectives aligned to it with their weights, in file order. */
function groupAlignments(objectives: readonly Objective[]): Map<string, AlignedObjective[]> {
  const out = new Map<string, AlignedObjective[]>();
  for (const objective of objectives) for (const a of objective.alignedTo) push(out, a.kr, { objective, weight: a.weight });
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
