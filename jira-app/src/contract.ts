/**
 * The boundary between the Custom UI panels and the Forge resolvers: every call name, the zod
 * schema of its payload and the type of its answer. The panels call `invoke(name, payload)`
 * with a name from `RESOLVER_NAMES`; the resolvers parse the payload with `payloadSchemas` and
 * answer `ResolverResponse<name>`: `{ ok: true, data }` or `{ ok: false, error }`. Both sides
 * import this file; neither sends anything by a bare string with a hand-copied type.
 *
 * `cycle` is optional everywhere: absent means the site's current cycle.
 */
import { z } from 'zod';
import {
  aadObjectIdSchema,
  alignmentSchema,
  weightSchema,
  confidenceSchema,
  cycleSchema,
  departmentSchema,
  idSchema,
  issueKeySchema,
  jiraKrSchema,
  jiraMeasureSchema,
  metricKrSchema,
  refineKeyResult,
  milestoneKrSchema,
  rollupKrSchema,
} from '@okr-bridge/core';
import type * as R from './contract-results';

export type * from './contract-results';

const cycle = idSchema.optional();
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]+$/, { error: 'expected a Jira project key like ENG' });
const text = (max: number) => z.string().trim().min(1).max(max);

/** A key result as the panels send it: the org file's shape, the id optional (the server picks one), the weight bounded. */
const optionalId = { id: idSchema.optional(), weight: weightSchema };
export const keyResultInputSchema = z
  .discriminatedUnion(
    'kind',
    [metricKrSchema.extend(optionalId), milestoneKrSchema.extend(optionalId), jiraKrSchema.extend(optionalId), rollupKrSchema.extend(optionalId)],
    { error: 'expected kind to be one of metric, milestone, jira, rollup' },
  )
  .superRefine(refineKeyResult);
export type KeyResultInput = z.input<typeof keyResultInputSchema>;

/** An alignment as the panels ask for it: its weight bounded (it counts in someone else's roll-up). */
export const alignmentInputSchema = alignmentSchema.extend({ weight: weightSchema });

export const objectiveInputSchema = z.strictObject({
  id: idSchema.optional(),
  title: text(300),
  department: idSchema,
  owner: text(200).optional(),
  description: z.string().max(4000).optional(),
  alignedTo: z.array(alignmentInputSchema).max(20).default([]),
});

export const objectivePatchSchema = z.strictObject({
  title: text(300).optional(),
  owner: text(200).nullable().optional(),
  description: z.string().max(4000).nullable().optional(),
  alignedTo: z.array(alignmentInputSchema).max(20).optional(),
});

/** Who is who: an owner name as written in the org file (name or email) and the Jira account it is. */
export const personSchema = z.strictObject({ name: text(200), accountId: text(128) });

export const settingsInputSchema = z.strictObject({
  company: z.strictObject({ id: idSchema, name: text(200), owners: z.array(text(200)).max(50).default([]) }),
  departments: z.array(departmentSchema).max(500),
  people: z.array(personSchema).max(2000).default([]),
  cycles: z.array(cycleSchema).min(1, { error: 'expected at least one cycle' }).max(100),
  currentCycle: idSchema,
  thresholds: z.strictObject({ onTrack: z.number().min(0).max(1), behind: z.number().min(0).max(1) }),
  statusWeights: z.strictObject({ new: z.number().min(0).max(1), indeterminate: z.number().min(0).max(1), done: z.number().min(0).max(1) }).optional(),
  dueSoonDays: z.number().int().min(0).max(365).optional(),
  jira: z.strictObject({
    baseUrl: z.url().optional(),
    storyPointsField: z.string().regex(/^customfield_\d+$/, { error: 'expected a field id like customfield_10016' }).optional(),
    flaggedField: z.string().regex(/^customfield_\d+$/, { error: 'expected a field id like customfield_10021' }).optional(),
    blockedStatuses: z.array(text(100)).max(50),
  }),
});

export const gadgetScopeSchema = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('company') }), z.strictObject({ kind: z.literal('department'), department: idSchema })], {
  error: 'expected scope { kind: "company" } or { kind: "department", department }',
});

/** What a picker is asked for: what the person typed (empty: the first few). */
const pickerQuery = z.strictObject({ query: z.string().trim().max(100, { error: 'expected a search of at most 100 characters' }) });
const accountIdSchema = z.string().trim().min(1).max(128, { error: 'expected an Atlassian account id (at most 128 characters)' });

const ownerEmailSchema = z
  .string()
  .trim()
  .max(320, { error: 'expected an email of at most 320 characters' })
  .regex(/^[^\s@]+@[^\s@]+$/, { error: 'expected an email address (an owner as the org file writes it)' });

/** A person as the panels show them; `avatarUrl` is Jira's 48 px avatar; `email`: the owner's email (as asked, lower case) Jira showed on them. */
export const personCardSchema = z.strictObject({ accountId: accountIdSchema, displayName: z.string().max(256), avatarUrl: z.url().nullable(), email: z.string().max(320).optional() });
/** A Jira project as a picker offers it. */
export const projectOptionSchema = z.strictObject({ key: projectKey, name: z.string().max(256) });
/** How many options a picker shows at most. */
export const PICKER_LIMIT = 20;
export const peopleFoundSchema = z.strictObject({ people: z.array(personCardSchema).max(200) });
export const projectsFoundSchema = z.strictObject({ projects: z.array(projectOptionSchema).max(PICKER_LIMIT) });

/** Payload schemas, one per resolver call. */
export const payloadSchemas = {
  getDepartmentView: z.strictObject({ projectKey, cycle }),
  getEpicView: z.strictObject({ issueKey: issueKeySchema, cycle }),
  getCompanyView: z.strictObject({ cycle }),
  getGadgetView: z.strictObject({ scope: gadgetScopeSchema, cycle }),
  getSettings: z.strictObject({}),
  /** The storage stamp an open panel polls to know when to load its view again. */
  getVersion: z.strictObject({}),
  saveSettings: z.strictObject({ settings: settingsInputSchema }),
  createObjective: z.strictObject({ cycle, objective: objectiveInputSchema }),
  updateObjective: z.strictObject({ cycle, id: idSchema, patch: objectivePatchSchema }),
  deleteObjective: z.strictObject({ cycle, id: idSchema }),
  createKr: z.strictObject({ cycle, objective: idSchema, kr: keyResultInputSchema }),
  /** Replaces the key result whole (its kind may change); the id stays. */
  updateKr: z.strictObject({ cycle, id: idSchema, kr: keyResultInputSchema }),
  deleteKr: z.strictObject({ cycle, id: idSchema }),
  linkEpic: z.strictObject({ cycle, kr: idSchema, epic: issueKeySchema, measure: jiraMeasureSchema.optional() }),
  unlinkEpic: z.strictObject({ cycle, kr: idSchema, epic: issueKeySchema }),
  checkIn: z
    .strictObject({
      cycle,
      kr: idSchema,
      value: z.number().finite().optional(),
      done: z.boolean().optional(),
      confidence: confidenceSchema.optional(),
      note: z.string().max(2000).optional(),
      decision: z.string().max(2000).optional(),
    })
    .refine((c) => c.value !== undefined || c.done !== undefined, { error: 'expected a value (metric key result) or done (milestone key result)' }),
  /** YAML (or JSON) text of one cycle's org file; `dryRun` checks without storing. */
  importOrg: z.strictObject({ text: z.string().min(1, { error: 'expected the org file text' }).max(2_000_000), dryRun: z.boolean().default(false) }),
  /** The progress of the import running through the queue (one small read): the settings page polls it. */
  getImportProgress: z.strictObject({}),
  exportOrg: z.strictObject({ cycle }),
  createConnectionCode: z.strictObject({}),
  disconnectTeams: z.strictObject({}),
  /** A one-time code the caller sends to the bot in Teams (`link CODE`) to link their Teams account to their Jira account. */
  createTeamsLinkCode: z.strictObject({}),
  /** The Teams users linked to the caller's own Jira account. */
  getTeamsLinks: z.strictObject({}),
  /** Undoes one of the caller's own links. */
  unlinkTeams: z.strictObject({ aadObjectId: aadObjectIdSchema }),
  explainKr: z.strictObject({ cycle, kr: idSchema }),
  /** The alignments waiting for a decision in the cycle, each saying whether the caller may decide it. */
  getPendingAlignments: z.strictObject({ cycle }),
  /** Accepts (it counts in the roll-up from now on) or declines an alignment to a key result the caller owns. */
  decideAlignment: z.strictObject({ cycle, objective: idSchema, kr: idSchema, accept: z.boolean() }),
  /** People whose name starts with `query`, from Jira's user search as the caller. */
  searchPeople: pickerQuery,
  /** Projects whose key or name contains `query`, from Jira's project search as the caller. */
  searchProjects: pickerQuery,
  /** Names and avatars of stored owners (account ids), from a cache refreshed by one bulk Jira call. */
  getPeople: z.strictObject({ accountIds: z.array(accountIdSchema).max(200), emails: z.array(ownerEmailSchema).max(200).optional() }),
} as const;

export type ResolverName = keyof typeof payloadSchemas;
export const RESOLVER_NAMES = Object.keys(payloadSchemas) as ResolverName[];

/** What each call answers with, when it succeeds. */
export interface ResolverResults {
  getDepartmentView: R.DepartmentPanel;
  getEpicView: R.EpicPanel;
  getCompanyView: R.CompanyPanel;
  getGadgetView: R.GadgetPanel;
  getSettings: R.SettingsView;
  getVersion: R.VersionStamp;
  saveSettings: R.SettingsView;
  createObjective: R.Created;
  updateObjective: R.Changed;
  deleteObjective: R.Changed;
  createKr: R.Created;
  updateKr: R.Changed;
  deleteKr: R.Changed;
  linkEpic: R.Changed;
  unlinkEpic: R.Changed;
  checkIn: R.CheckedIn;
  importOrg: R.Imported;
  getImportProgress: R.ImportProgressView;
  exportOrg: R.Exported;
  createConnectionCode: R.ConnectionCode;
  disconnectTeams: R.TeamsConnection;
  createTeamsLinkCode: R.TeamsLinkCode;
  getTeamsLinks: R.TeamsLinks;
  unlinkTeams: R.TeamsLinks;
  explainKr: R.KrExplained;
  getPendingAlignments: R.PendingAlignments;
  decideAlignment: R.Changed;
  searchPeople: R.PeopleFound;
  searchProjects: R.ProjectsFound;
  getPeople: R.PeopleFound;
}

/** The payload a call takes (before defaults are applied). */
export type ResolverPayload<N extends ResolverName> = z.input<(typeof payloadSchemas)[N]>;
export type ParsedPayload<N extends ResolverName> = z.output<(typeof payloadSchemas)[N]>;
export type ResolverResult<N extends ResolverName> = ResolverResults[N];

export type ResolverErrorCode =
  /** The payload did not match its schema; `issues` says where. */
  | 'invalid-payload'
  /** The org file (import) or an edit broke the org's rules; `issues` carry line and column when known. */
  | 'invalid-org'
  /** The caller may not do this (not an owner of the department, not a Jira admin). */
  | 'forbidden'
  /** The project, epic, objective, key result or cycle does not exist. */
  | 'not-found'
  /** Nothing set up yet: no settings or no org imported. */
  | 'not-configured'
  /** Others kept changing the same OKRs at the same moment; nothing was saved; try again. */
  | 'conflict'
  | 'unknown-call'
  | 'internal';

export interface ResolverIssue {
  /** A path ("objective.title") or a file location ("org.yaml:12:5 objectives[0].title"). */
  readonly where: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ResolverError {
  readonly code: ResolverErrorCode;
  readonly message: string;
  readonly issues?: readonly ResolverIssue[];
}

export type ResolverResponse<N extends ResolverName> = { readonly ok: true; readonly data: ResolverResult<N> } | { readonly ok: false; readonly error: ResolverError };
