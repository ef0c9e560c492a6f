/**
 * View models: plain data the Jira panels, the Teams tab and the bot cards render. They carry
 * labels ready to show, so the surfaces stay thin and agree with each other.
 */
import type { DependencyState } from '../dependencies/types';
import type { LintFinding } from '../lint/types';
import type { KeyResult } from '../model/org';
import type { KrExplanation, Status } from '../progress/types';
import type { ExplanationLine } from './explain-text';
import type { IssueLinkView, Tone } from './labels';

export interface ProgressView {
  readonly progress: number;
  readonly progressLabel: string;
  readonly status: Status;
  readonly statusLabel: string;
  /** The status's colour word, the same on every surface. */
  readonly tone: Tone;
  /** Why this status, with the numbers: "17% done against 70% expected by today → at risk". */
  readonly statusReason: string;
}

export interface KrView extends ProgressView {
  readonly id: string;
  readonly objective: string;
  readonly title: string;
  readonly owner: string | null;
  readonly kind: KeyResult['kind'];
  readonly weight: number;
  /** What the number is made of, e.g. "12 of 40 issues done" or "3.1% (from 4% to 2.5%)". */
  readonly valueLabel: string;
  readonly rule: string;
  readonly explain: KrExplanation;
  /** What "Explain" shows, line by line: the rule with its numbers, then what went into them (empty in views made with `explanations: false`). */
  readonly explanation: readonly ExplanationLine[];
  readonly epics: readonly IssueLinkView[];
  /** The worst state of the dependencies this key result waits on, if any. */
  readonly dependencyState: DependencyState | null;
  readonly checkInAllowed: boolean;
}

export interface ObjectiveView extends ProgressView {
  readonly id: string;
  readonly title: string;
  readonly owner: string | null;
  readonly department: string;
  /** The department's name ("Engineering"), or the company's for a company objective. */
  readonly departmentName: string;
  readonly score: number;
  readonly alignedTo: readonly { readonly kr: string; readonly title: string; readonly objective: string; readonly weight: number }[];
  readonly keyResults: readonly KrView[];
}

export interface DependencyView {
  readonly id: string;
  readonly title: string;
  readonly state: DependencyState;
  readonly stateLabel: string;
  readonly tone: Tone;
  readonly reason: string;
  readonly due: string | null;
  readonly needs: { readonly department: string; readonly departmentName: string; readonly kr: string; readonly krTitle: string; readonly owner: string | null };
  readonly provider: { readonly department: string; readonly departmentName: string; readonly owners: readonly string[] };
  readonly deliverables: readonly (IssueLinkView & { readonly state: DependencyState; readonly status: string | null; readonly reasons: readonly string[] })[];
  readonly companyObjectivesAtRisk: readonly { readonly id: string; readonly title: string }[];
}

export interface DepartmentView extends ProgressView {
  readonly id: string;
  readonly name: string;
  readonly owners: readonly string[];
  readonly jiraProjects: readonly string[];
  readonly cycle: { readonly id: string; readonly start: string; readonly end: string };
  readonly at: string;
  readonly expected: number;
  readonly expectedLabel: string;
  readonly objectives: readonly ObjectiveView[];
  /** What this department needs from others. */
  readonly incoming: readonly DependencyView[];
  /** What others need from this department. */
  readonly outgoing: readonly DependencyView[];
  readonly lint: readonly LintFinding[];
}

export interface AlignmentNode {
  readonly objective: ObjectiveView;
  /** Objectives aligned to this objective's key results, with the key result they serve. */
  readonly children: readonly { readonly kr: string; readonly node: AlignmentNode }[];
}

export interface CompanyView extends ProgressView {
  readonly name: string;
  readonly cycle: { readonly id: string; readonly start: string; readonly end: string };
  readonly at: string;
  readonly expected: number;
  readonly expectedLabel: string;
  readonly departments: readonly (ProgressView & { readonly id: string; readonly name: string; readonly objectives: number; readonly blocked: number })[];
  readonly tree: readonly AlignmentNode[];
  /** Every declared dependency, blocked first. */
  readonly dependencies: readonly DependencyView[];
  readonly lint: readonly LintFinding[];
}

/** What an epic's issue panel shows: the key results it drives and its share in each. */
export interface EpicView {
  readonly epic: string;
  readonly keyResults: readonly (KrView & { readonly share: { readonly credit: number; readonly size: number; readonly children: number; readonly done: number } | null })[];
}
