/** Result shapes of the dependency graph. */
export type DependencyState = 'blocked' | 'at-risk' | 'open' | 'done';

export interface DeliverableState {
  readonly key: string;
  /** Null when the deliverable is not in the issues read. */
  readonly status: string | null;
  readonly state: DependencyState;
  /** Why, in words: "status is Blocked", "flagged (Impediment)", "is blocked by ENG-7 (In Progress)", "due 2026-11-20, 3 days ago". */
  readonly reasons: readonly string[];
}

export interface DependencyResult {
  readonly id: string;
  readonly title: string | null;
  /** The department that needs the deliverables, and its key result that needs them. */
  readonly needs: { readonly department: string; readonly kr: string };
  readonly provider: string;
  readonly due: string | null;
  /** The worst state of its deliverables: blocked > at-risk > open > done. */
  readonly state: DependencyState;
  /** The reasons of the deliverables in the worst state, prefixed by their keys. */
  readonly reason: string;
  readonly deliverables: readonly DeliverableState[];
  /** Company objectives the needing key result contributes to through the alignment tree; none once the dependency is done. */
  readonly companyObjectivesAtRisk: readonly string[];
}

/** A Jira link between issues under two departments' key result epics that no dependency declares. */
export interface HiddenDependency {
  readonly from: { readonly key: string; readonly department: string };
  readonly to: { readonly key: string; readonly department: string };
  readonly relation: string;
}

export interface DependencyGraph {
  readonly dependencies: readonly DependencyResult[];
  readonly hidden: readonly HiddenDependency[];
}
