/** Result shapes of progress, status and roll-up: plain data that views and reports read. */
import type { JiraMeasure, KeyResult } from '../model/org';
import type { StatusCategory } from '../model/issue';

export type Status = 'done' | 'on-track' | 'behind' | 'at-risk';

/** One issue's part in a jira key result's number. */
export interface IssueContribution {
  readonly key: string;
  readonly summary: string;
  readonly status: string;
  readonly category: StatusCategory;
  /** The epic it was counted under; null when a JQL selected it. */
  readonly epic: string | null;
  readonly points: number | null;
  /** What it adds to the numerator: 0/1 for issues, its points, or its status weight. */
  readonly credit: number;
  /** What it adds to the denominator (0 for unestimated issues under `points`). */
  readonly size: number;
  /** Created after the cycle start: scope added, reported beside progress. */
  readonly addedAfterStart: boolean;
}

export interface EpicShare {
  readonly key: string;
  readonly children: number;
  readonly done: number;
  /** This epic's numerator and denominator in the key result's measure. */
  readonly credit: number;
  readonly size: number;
}

export interface KrExplanation {
  readonly kind: KeyResult['kind'];
  /** One readable sentence: the rule and the numbers, e.g. "story points done / total = 34 / 80". */
  readonly rule: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly measure?: JiraMeasure;
  readonly issues?: readonly IssueContribution[];
  readonly epics?: readonly EpicShare[];
  /** Issues without story points under the `points` measure, counted and shown. */
  readonly unestimated?: number;
  readonly scopeAdded?: { readonly issues: number; readonly points: number };
  /** True when a jira key result has no issues at all: progress is 0 and says so. */
  readonly empty?: boolean;
  readonly value?: { readonly start: number; readonly target: number | null; readonly current: number; readonly source: 'check-in' | 'file' | 'start'; readonly unit?: string };
  readonly aligned?: readonly { readonly objective: string; readonly weight: number; readonly progress: number }[];
}

/** What a key result's status rests on, for the sentence that explains it. */
export type StatusBasis =
  /** Progress against expected (and done at 1). */
  | { readonly kind: 'pace'; readonly progress: number; readonly expected: number }
  /** A dependency the key result waits on is blocked: at risk whatever the pace. */
  | { readonly kind: 'blocked'; readonly progress: number; readonly expected: number }
  /** A milestone not done: its due date (the cycle end when it names none) and the owner's latest confidence. */
  | { readonly kind: 'milestone'; readonly due: string; readonly dueFromCycle: boolean; readonly daysLeft: number; readonly confidence: 'low' | 'medium' | 'high' | null };

export interface KrResult {
  readonly id: string;
  readonly objective: string;
  readonly title: string;
  readonly owner: string | null;
  readonly weight: number;
  readonly progress: number;
  readonly status: Status;
  readonly basis: StatusBasis;
  readonly explain: KrExplanation;
}

export interface ObjectiveResult {
  readonly id: string;
  readonly department: string;
  readonly title: string;
  readonly owner: string | null;
  readonly progress: number;
  readonly status: Status;
  /** Progress rounded to 0.1: the score the objective would close with. */
  readonly score: number;
}

export interface DepartmentResult {
  readonly id: string;
  readonly name: string;
  readonly progress: number;
  readonly status: Status;
  readonly objectives: readonly string[];
}

export interface ProgressResult {
  readonly at: string;
  readonly expected: number;
  readonly company: { readonly progress: number; readonly status: Status };
  readonly departments: readonly DepartmentResult[];
  readonly objectives: readonly ObjectiveResult[];
  readonly keyResults: readonly KrResult[];
}
