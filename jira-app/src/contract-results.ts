/**
 * What the resolvers answer with: core's view models wherever they fit, wrapped with what a
 * panel needs beside them (the cycles to choose from, whether the caller may edit). Issue
 * details beyond keys and counts (summaries) are only in `explainKr`, read as the caller.
 */
import type { CompanyView, DepartmentView, DepartmentTrend as CoreDepartmentTrend, EpicView, IssueContribution, KrView, ReviewAgenda, Cycle, Department, Settings, JiraConfig, Company } from '@okr-bridge/core';

export interface CycleOption {
  readonly id: string;
  readonly name: string | null;
  readonly start: string;
  readonly end: string;
  readonly current: boolean;
}

export interface DepartmentOption {
  readonly id: string;
  readonly name: string;
  readonly jiraProjects: readonly string[];
}

/** The Department OKRs page. `unmapped`: no department owns this project yet (say what to do next). */
export type DepartmentPanel =
  | {
      readonly kind: 'department';
      readonly view: DepartmentView;
      readonly cycles: readonly CycleOption[];
      /** The caller owns this department or is a Jira admin. */
      readonly canEdit: boolean;
      /** Key results of other departments and the company this department's objectives may align to. */
      readonly alignable: readonly AlignableKr[];
      /** Progress over the cycle so far, for the sparklines. */
      readonly trend: DepartmentTrend;
    }
  | { readonly kind: 'unmapped'; readonly projectKey: string; readonly departments: readonly DepartmentOption[]; readonly isAdmin: boolean }
  | { readonly kind: 'not-configured'; readonly isAdmin: boolean };

/**
 * Progress from the cycle start to the view's `at` for the department, its objectives and
 * key results: core's `computeDepartmentTrend`, the one trend every surface draws.
 */
export type DepartmentTrend = CoreDepartmentTrend;

export interface AlignableKr {
  readonly id: string;
  readonly title: string;
  readonly objective: string;
  readonly objectiveTitle: string;
  readonly department: string;
  readonly departmentName: string;
}

/** The Key results panel of an epic. */
export type EpicPanel =
  | {
      readonly kind: 'epic';
      readonly view: EpicView;
      readonly cycles: readonly CycleOption[];
      /** Jira key results the caller may link this epic to (in departments they may edit). */
      readonly linkable: readonly (AlignableKr & { readonly linked: boolean })[];
      /** Objectives the caller may add a key result to from this epic. */
      readonly objectives: readonly { readonly id: string; readonly title: string; readonly department: string }[];
      /** Whether the caller may unlink each linked key result, by id. */
      readonly canEdit: Readonly<Record<string, boolean>>;
    }
  | { readonly kind: 'not-configured'; readonly isAdmin: boolean };

/** The Company OKRs page: the company view and the review agenda for the next review. */
export type CompanyPanel =
  | { readonly kind: 'company'; readonly view: CompanyView; readonly agenda: ReviewAgenda; readonly cycles: readonly CycleOption[]; readonly isAdmin: boolean }
  | { readonly kind: 'not-configured'; readonly isAdmin: boolean };

/** The OKR progress gadget, for a department or the company; `departments` fills its configuration. */
export type GadgetPanel =
  | { readonly kind: 'department'; readonly view: DepartmentView; readonly departments: readonly DepartmentOption[] }
  | { readonly kind: 'company'; readonly view: CompanyView; readonly departments: readonly DepartmentOption[] }
  | { readonly kind: 'not-configured'; readonly departments: readonly DepartmentOption[] };

export type TeamsConnection =
  | { readonly status: 'not-connected' }
  /** A code was created and not used yet. */
  | { readonly status: 'pending'; readonly expiresAt: string }
  | { readonly status: 'connected'; readonly eventsHost: string; readonly tenantId: string; readonly connectedAt: string };

export interface SyncStatus {
  readonly lastReconcile: string | null;
  readonly lastFullSweep: string | null;
  /** Events queued for the Teams service and not yet delivered (last failure, if any). */
  readonly lastDeliveryError: string | null;
}

/** The OKR settings page. `configured` is false until settings are saved or an org file imported. */
export interface SettingsView {
  readonly configured: boolean;
  readonly isAdmin: boolean;
  readonly company: Company;
  readonly departments: readonly Department[];
  readonly people: readonly { readonly name: string; readonly accountId: string }[];
  readonly cycles: readonly Cycle[];
  readonly currentCycle: string | null;
  readonly thresholds: Settings['thresholds'];
  readonly statusWeights: Settings['statusWeights'];
  readonly dueSoonDays: number;
  readonly jira: JiraConfig;
  readonly teams: TeamsConnection;
  readonly sync: SyncStatus;
}

export interface Created {
  readonly id: string;
}

export interface Changed {
  readonly id: string;
}

export interface CheckedIn {
  readonly kr: KrView;
}

export interface Imported {
  readonly cycle: string;
  readonly dryRun: boolean;
  readonly counts: { readonly departments: number; readonly objectives: number; readonly keyResults: number; readonly dependencies: number; readonly epics: number };
  /** The file is too large for one call: it is being written through the queue (`getImportProgress` follows it). */
  readonly queued?: boolean;
}

/** The last import that went through the queue: departments written of the total, and how it ended. */
export type ImportProgressView =
  | { readonly status: 'none' }
  | {
      readonly status: 'running' | 'finished' | 'failed';
      readonly cycle: string;
      readonly done: number;
      readonly total: number;
      readonly startedAt: string;
      readonly finishedAt?: string;
      /** Why it failed (and that the previous OKRs are still current). */
      readonly message?: string;
    };

export interface Exported {
  readonly fileName: string;
  readonly text: string;
}

/** A code to send the bot in Teams (`7K2QF-M9XWD`), good once until `expiresAt` (`validForMinutes` from now, by the server's clock). */
export interface TeamsLinkCode {
  readonly code: string;
  readonly expiresAt: string;
  readonly validForMinutes: number;
}

/** The Teams users linked to the caller's Jira account, newest first: their Teams name and when they linked (ISO). */
export interface TeamsLinks {
  readonly links: readonly { readonly aadObjectId: string; readonly name: string; readonly linkedAt: string }[];
}

export interface ConnectionCode {
  readonly code: string;
  readonly expiresAt: string;
  readonly webTriggerUrl: string;
}

/** A key result's number with the issues behind it, those the caller may see in Jira. */
export interface KrExplained {
  readonly kr: KrView;
  readonly rule: string;
  readonly issues: readonly IssueContribution[];
  /** Issues counted in the number that the caller may not see in Jira. */
  readonly hiddenIssues: number;
}

/** What `getVersion` answers: the storage stamp (null before anything was stored). */
export interface VersionStamp {
  readonly stamp: string | null;
}

/** Alignments asked for that wait for the aligned-to key result's owner (or a Jira admin). */
export interface PendingAlignments {
  readonly pending: readonly {
    readonly objective: string;
    readonly objectiveTitle: string;
    readonly department: string;
    readonly kr: string;
    readonly krTitle: string;
    readonly weight: number;
    readonly requestedBy: string;
    readonly requestedAt: string;
    /** Whether the caller owns the key result, or is a Jira admin the site remembers. */
    readonly canDecide: boolean;
  }[];
}

/** A person as the panels show them: Jira's display name and 48 px avatar. */
export interface PersonCard {
  readonly accountId: string;
  readonly displayName: string;
  readonly avatarUrl: string | null;
  /** Found for an owner written as this email (lower case): Jira shows the person with it. */
  readonly email?: string;
}

export interface PeopleFound {
  readonly people: readonly PersonCard[];
}

export interface ProjectsFound {
  readonly projects: readonly { readonly key: string; readonly name: string }[];
}
