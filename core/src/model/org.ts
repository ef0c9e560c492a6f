/**
 * The org file: one OKR cycle of a company as code. This module holds the zod schemas (the
 * single source of truth for the format) and the types derived from them. Cross-references
 * (department ids, KR ids, alignment cycles) are checked in `parse-org.ts`, after the shape.
 */
import { z } from 'zod';
import { metricTargetProblem } from './kr-rules';
import { isIsoDate } from '../time/dates';
import { ORG_LIMITS } from './limits';

const { idLength, textLength, longTextLength, jqlLength, maxWeight } = ORG_LIMITS;

/** Text up to `max` characters, with a message that names the limit and the length found. */
function text(max: number) {
  return z.string().max(max, { error: (iss) => `expected at most ${max} characters, got ${String((iss.input as string).length)}` });
}

export const idSchema = z
  .string()
  .max(idLength, { error: (iss) => `expected an id of at most ${idLength} characters (the Jira app stores it in a storage key), got ${String((iss.input as string).length)}` })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'expected an id of letters, digits, ".", "_" or "-"' });

export const isoDateSchema = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .refine(isIsoDate, { error: (iss) => `expected a date written YYYY-MM-DD, got "${String(iss.input)}"` });

export const issueKeySchema = z
  .string()
  .max(idLength, { error: `expected a Jira issue key of at most ${idLength} characters` })
  .regex(/^[A-Z][A-Z0-9_]+-\d+$/, { error: (iss) => `expected a Jira issue key like ENG-42, got "${String(iss.input)}"` });

/** A weight from 0 to `ORG_LIMITS.maxWeight` (default 1): the one rule for the org file and every edit. */
export const weightSchema = z
  .number({ error: 'expected a weight (a number)' })
  .finite()
  .nonnegative({ error: 'expected a weight of 0 or more' })
  .max(maxWeight, { error: (iss) => `expected a weight of at most ${maxWeight}, got ${String(iss.input)}` })
  .default(1);

export const cycleSchema = z
  .strictObject({ id: idSchema, name: text(textLength).optional(), start: isoDateSchema, end: isoDateSchema })
  .refine((c) => c.end > c.start, { error: 'expected the cycle end to come after its start', path: ['end'] });

export const companySchema = z.strictObject({
  id: idSchema,
  name: text(textLength).min(1),
  owners: z.array(text(textLength).min(1)).default([]),
});

export const departmentSchema = z.strictObject({
  id: idSchema,
  name: text(textLength).min(1),
  /** The parent department; absent means directly under the company. */
  parent: idSchema.optional(),
  jiraProjects: z.array(z.string().max(idLength, { error: `expected a Jira project key of at most ${idLength} characters` }).regex(/^[A-Z][A-Z0-9_]+$/, { error: 'expected a Jira project key like ENG' })).default([]),
  owners: z.array(text(textLength).min(1)).default([]),
});

const krBase = {
  id: idSchema,
  title: text(textLength).min(1),
  owner: text(textLength).min(1).optional(),
  weight: weightSchema,
};

export const metricKrSchema = z.strictObject({
  ...krBase,
  kind: z.literal('metric'),
  start: z.number().finite(),
  /** Optional in the shape so that lint can report "no target" instead of a parse error. */
  target: z.number().finite().optional(),
  /** The value before any check-in; the latest check-in wins over it. */
  current: z.number().finite().optional(),
  unit: text(textLength).optional(),
});

export const milestoneKrSchema = z.strictObject({
  ...krBase,
  kind: z.literal('milestone'),
  done: z.boolean().default(false),
  /** When it should be done; its status follows this date (the cycle end when absent). */
  due: isoDateSchema.optional(),
});

export const jiraMeasureSchema = z.enum(['issues', 'points', 'weighted']);

export const jiraKrSchema = z.strictObject({
  ...krBase,
  kind: z.literal('jira'),
  /** Epics whose child issues (`parent in (…)`) are measured. */
  epics: z.array(issueKeySchema).default([]),
  /** A bounded JQL whose matching issues are measured themselves (not their children). */
  jql: text(jqlLength).min(1).optional(),
  measure: jiraMeasureSchema.default('issues'),
});

export const rollupKrSchema = z.strictObject({ ...krBase, kind: z.literal('rollup') });

/** Adds the key result rules of `kr-rules.ts` to a key result schema's issues, located at the field. */
export function refineKeyResult(kr: { readonly kind: string; readonly start?: number; readonly target?: number | undefined }, ctx: z.core.$RefinementCtx): void {
  if (kr.kind !== 'metric' || kr.start === undefined) return;
  const problem = metricTargetProblem({ start: kr.start, target: kr.target });
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['target'], input: kr.target });
}

export const keyResultSchema = z
  .discriminatedUnion('kind', [metricKrSchema, milestoneKrSchema, jiraKrSchema, rollupKrSchema], {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? `expected kind to be one of metric, milestone, jira, rollup, got ${JSON.stringify((iss.input as { kind?: unknown })?.kind)}`
        : undefined,
  })
  .superRefine(refineKeyResult);

export const alignmentSchema = z.strictObject({ kr: idSchema, weight: weightSchema });

export const objectiveSchema = z.strictObject({
  id: idSchema,
  title: text(textLength).min(1),
  /** The owning department id, or the company id for a company objective. */
  department: idSchema,
  owner: text(textLength).min(1).optional(),
  description: text(longTextLength).optional(),
  keyResults: z.array(keyResultSchema).default([]),
  /** The parent key results this objective contributes to. */
  alignedTo: z.array(alignmentSchema).default([]),
});

export const dependencySchema = z.strictObject({
  id: idSchema,
  title: text(textLength).optional(),
  needs: z.strictObject({ department: idSchema, kr: idSchema }),
  provider: idSchema,
  deliverables: z.array(issueKeySchema).min(1, { error: 'expected at least one deliverable issue key' }),
  due: isoDateSchema.optional(),
});

export const confidenceSchema = z.enum(['low', 'medium', 'high']);

export const checkInSchema = z.strictObject({
  kr: idSchema,
  date: isoDateSchema,
  value: z.number().finite().optional(),
  done: z.boolean().optional(),
  confidence: confidenceSchema.optional(),
  note: text(longTextLength).optional(),
  author: text(textLength).optional(),
  /** A decision the owner asks the review to take; it goes on the agenda. */
  decision: text(longTextLength).optional(),
});

export const reviewSchema = z.strictObject({
  date: isoDateSchema,
  /** The department reviewed; absent for a company review. */
  department: idSchema.optional(),
});

export const jiraConfigSchema = z
  .strictObject({
    baseUrl: z.url({ error: 'expected the Jira site address, like https://acme.atlassian.net' }).optional(),
    storyPointsField: z.string().regex(/^customfield_\d+$/, { error: 'expected a field id like customfield_10016' }).optional(),
    flaggedField: z.string().regex(/^customfield_\d+$/, { error: 'expected a field id like customfield_10021' }).optional(),
    blockedStatuses: z.array(text(textLength).min(1)).default(['Blocked']),
  })
  .default({ blockedStatuses: ['Blocked'] });

export const settingsSchema = z
  .strictObject({
    thresholds: z
      .strictObject({ onTrack: z.number().min(0).max(1).default(0.7), behind: z.number().min(0).max(1).default(0.4) })
      .refine((t) => t.behind <= t.onTrack, { error: 'expected thresholds.behind to be at most thresholds.onTrack' })
      .default({ onTrack: 0.7, behind: 0.4 }),
    statusWeights: z
      .strictObject({ new: z.number().min(0).max(1).default(0), indeterminate: z.number().min(0).max(1).default(0.5), done: z.number().min(0).max(1).default(1) })
      .default({ new: 0, indeterminate: 0.5, done: 1 }),
    /** A dependency due within this many days and not done is at risk. */
    dueSoonDays: z.number().int().nonnegative().default(7),
    lint: z
      .strictObject({
        minObjectives: z.number().int().nonnegative().default(3),
        maxObjectives: z.number().int().positive().default(5),
        staleCheckInDays: z.number().int().positive().default(14),
        maxKrsPerOwner: z.number().int().positive().default(6),
      })
      .default({ minObjectives: 3, maxObjectives: 5, staleCheckInDays: 14, maxKrsPerOwner: 6 }),
  })
  .default({
    thresholds: { onTrack: 0.7, behind: 0.4 },
    statusWeights: { new: 0, indeterminate: 0.5, done: 1 },
    dueSoonDays: 7,
    lint: { minObjectives: 3, maxObjectives: 5, staleCheckInDays: 14, maxKrsPerOwner: 6 },
  });

export const orgSchema = z.strictObject({
  version: z.literal(1, { error: 'expected version: 1' }),
  cycle: cycleSchema,
  company: companySchema,
  departments: z.array(departmentSchema).default([]),
  objectives: z.array(objectiveSchema).default([]),
  dependencies: z.array(dependencySchema).default([]),
  checkIns: z.array(checkInSchema).default([]),
  reviews: z.array(reviewSchema).default([]),
  jira: jiraConfigSchema,
  settings: settingsSchema,
});

export type Org = z.infer<typeof orgSchema>;
export type OrgInput = z.input<typeof orgSchema>;
export type Cycle = z.infer<typeof cycleSchema>;
export type Company = z.infer<typeof companySchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type KeyResult = z.infer<typeof keyResultSchema>;
export type MetricKr = z.infer<typeof metricKrSchema>;
export type MilestoneKr = z.infer<typeof milestoneKrSchema>;
export type JiraKr = z.infer<typeof jiraKrSchema>;
export type RollupKr = z.infer<typeof rollupKrSchema>;
export type JiraMeasure = z.infer<typeof jiraMeasureSchema>;
export type Alignment = z.infer<typeof alignmentSchema>;
export type Dependency = z.infer<typeof dependencySchema>;
export type CheckIn = z.infer<typeof checkInSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type JiraConfig = z.infer<typeof jiraConfigSchema>;
export type Settings = z.infer<typeof settingsSchema>;
