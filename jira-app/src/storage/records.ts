/**
 * What the Forge app stores, in core's terms (no vendor types). The layout follows the access
 * paths (see jira-app/README.md):
 * - `SiteRecord`: settings shared by every cycle (company, departments, people, cycles,
 *   thresholds, Jira fields), the Teams connection status, and per cycle an index of the
 *   tracked epics and deliverables (an issue event finds its key results in it) and a catalog
 *   of objectives and key results (pickers, permission checks).
 * - `CycleState`: one cycle's objectives, dependencies, check-ins, reviews and the epic
 *   metrics of every tracked issue: the system of record, and the company view's input.
 * - `DepartmentInput`: everything one department's view needs, precomputed: the part of the
 *   org it shows, the metrics of those epics and deliverables, the lint that does not depend
 *   on the clock.
 */
import type { CheckIn, Company, Cycle, Department, Dependency, EpicMetrics, JiraConfig, LintFinding, Objective, Org, Review, Settings } from '@okr-bridge/core';

export interface Person {
  /** An owner as the org file writes it (a name or an email). */
  readonly name: string;
  readonly accountId: string;
}

export type TeamsConnectionStatus =
  | { readonly status: 'not-connected' }
  | { readonly status: 'pending'; readonly connection: string; readonly expiresAt: string }
  | { readonly status: 'connected'; readonly connection: string; readonly eventsUrl: string; readonly tenantId: string; readonly connectedAt: string };

export interface CatalogObjective {
  readonly id: string;
  readonly title: string;
  readonly department: string;
}

export interface CatalogKr {
  readonly id: string;
  readonly title: string;
  readonly objective: string;
  readonly department: string;
  readonly kind: 'metric' | 'milestone' | 'jira' | 'rollup';
  readonly epics: readonly string[];
}

/** Where each tracked issue key counts, for one cycle. */
export interface CycleIndex {
  /** Epic key → the departments whose records hold its metrics and the key results it drives. */
  readonly epics: Readonly<Record<string, { readonly departments: readonly string[]; readonly krs: readonly string[] }>>;
  /** Deliverable issue key → the departments whose records show its dependency. */
  readonly deliverables: Readonly<Record<string, readonly string[]>>;
  /**
   * Issue key → the departments whose records hold it as a match of a key result's JQL (not
   * an epic child): its events cannot be told apart by their parent. Absent in records
   * written before it existed (read as empty).
   */
  readonly queryIssues?: Readonly<Record<string, readonly string[]>>;
  readonly objectives: readonly CatalogObjective[];
  readonly krs: readonly CatalogKr[];
  /**
   * The generation the cycle's department records are stored under: an import through the
   * queue writes a new generation beside the current one and switches to it in the commit
   * that stores the cycle, so readers never see half of an import. Absent: the records of the
   * first generation (and of records written before generations existed).
   */
  readonly generation?: string;
}

export interface SiteRecord {
  readonly version: 1;
  readonly company: Company;
  readonly departments: readonly Department[];
  readonly people: readonly Person[];
  readonly cycles: readonly Cycle[];
  readonly currentCycle: string | null;
  readonly jira: JiraConfig;
  readonly settings: Settings;
  readonly index: Readonly<Record<string, CycleIndex>>;
  /** Account id → until when (ms) it is known to be a Jira admin; lets panels say "you may edit" without a Jira call. */
  readonly admins: Readonly<Record<string, number>>;
  readonly teams: TeamsConnectionStatus;
}

/** One cycle's org parts: with the site settings they make the cycle's org file. */
export interface CycleParts {
  readonly objectives: readonly Objective[];
  readonly dependencies: readonly Dependency[];
  readonly checkIns: readonly CheckIn[];
  readonly reviews: readonly Review[];
  /** Alignments waiting for acceptance; absent when none (and in records written before they existed). */
  readonly pendingAlignments?: readonly PendingAlignment[];
}

export interface CycleState {
  readonly version: 1;
  readonly cycle: string;
  readonly parts: CycleParts;
  readonly metrics: EpicMetrics;
  /** Department id → a hash of its stored `DepartmentInput`, to rewrite only what changed. */
  readonly views: Readonly<Record<string, string>>;
}

export interface DepartmentInput {
  readonly version: 1;
  readonly cycle: string;
  readonly department: string;
  /** The org cut to what this department's view reads (its objectives, what they align to and from, its dependencies). */
  readonly org: Org;
  readonly metrics: EpicMetrics;
  /** Lint findings of the whole org about this department, except the clock-dependent stale check-ins. */
  readonly lint: readonly LintFinding[];
}

export interface SyncState {
  readonly version: 1;
  /** The instant the last reconcile started reading (incremental ones read from it, minus skew). */
  readonly watermark: string | null;
  readonly lastFullSweep: string | null;
  readonly lastReconcile: string | null;
  readonly lastDeliveryError: string | null;
  /** Why the last reconcile gave up (Jira's faults outlasted its continuations); absent when none did. */
  readonly lastReconcileError?: string | null;
}

export const EMPTY_SYNC: SyncState = { version: 1, watermark: null, lastFullSweep: null, lastReconcile: null, lastDeliveryError: null };

/**
 * An alignment an owner asked for that waits for the aligned-to key result's owner (or a Jira
 * admin): it counts in no roll-up until accepted. Kept beside the cycle's parts, not in the org.
 */
export interface PendingAlignment {
  readonly objective: string;
  readonly kr: string;
  readonly weight: number;
  /** Who asked (a name, email or account id, as the edit knew them). */
  readonly requestedBy: string;
  readonly requestedAt: string;
}

/** The generation of cycle `cycle`'s department records in `site` (undefined: the first). */
export function generationOf(site: SiteRecord | null, cycle: string): string | undefined {
  return site && Object.hasOwn(site.index, cycle) ? site.index[cycle]!.generation : undefined;
}
