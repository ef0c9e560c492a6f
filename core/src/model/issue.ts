/**
 * Jira issues as core reads them. The raw schema follows the Jira Cloud REST v3 issue shape
 * returned by `/rest/api/3/search/jql` (unknown fields pass through); `normalizeIssue` turns one
 * into the compact `IssueFacts` every computation uses, reading the custom fields the org
 * file names. A snapshot file is `{ "issues": [...] }` in the raw shape.
 */
import { z } from 'zod';
import { OkrError } from './errors';
import type { JiraConfig } from './org';

export const statusCategoryKeys = ['new', 'indeterminate', 'done'] as const;
export type StatusCategory = (typeof statusCategoryKeys)[number];

const statusSchema = z.looseObject({
  name: z.string(),
  statusCategory: z.looseObject({ key: z.string() }),
});

/**
 * A linked issue's status: the spec (`LinkedIssue.fields`) promises no `statusCategory`, nor
 * even a name, so it is read leniently; a link without a category simply does not say it.
 */
const linkedStatusSchema = z.looseObject({
  name: z.string().optional(),
  statusCategory: z.looseObject({ key: z.string().optional() }).nullish(),
});

const linkedIssueSchema = z.looseObject({
  id: z.string().optional(),
  key: z.string(),
  fields: z.looseObject({ status: linkedStatusSchema.nullish() }).nullish(),
});

const issueLinkSchema = z.looseObject({
  id: z.string().optional(),
  type: z.looseObject({ name: z.string(), inward: z.string(), outward: z.string() }),
  inwardIssue: linkedIssueSchema.optional(),
  outwardIssue: linkedIssueSchema.optional(),
});

export const rawIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    summary: z.string().optional(),
    issuetype: z.looseObject({ name: z.string(), subtask: z.boolean().optional() }).optional(),
    parent: z.looseObject({ key: z.string(), id: z.string().optional() }).nullish(),
    project: z.looseObject({ key: z.string() }).optional(),
    status: statusSchema,
    issuelinks: z.array(issueLinkSchema).optional(),
    duedate: z.string().nullish(),
    created: z.string(),
    updated: z.string().nullish(),
    resolutiondate: z.string().nullish(),
    assignee: z.looseObject({ accountId: z.string().optional(), displayName: z.string().optional(), emailAddress: z.string().optional() }).nullish(),
  }),
});
export type RawIssue = z.infer<typeof rawIssueSchema>;

export const issueSnapshotSchema = z.looseObject({ issues: z.array(rawIssueSchema) });

export interface IssueLinkFacts {
  /** The link type's name, e.g. "Blocks". */
  readonly type: string;
  /** The relation read from this issue's side, e.g. "is blocked by". */
  readonly relation: string;
  readonly direction: 'inward' | 'outward';
  readonly key: string;
  /** The linked issue's status category when the response carried it. */
  readonly linkedCategory: StatusCategory | null;
}

export interface IssueFacts {
  readonly id: string;
  readonly key: string;
  readonly project: string;
  readonly summary: string;
  readonly type: string;
  readonly subtask: boolean;
  readonly parent: string | null;
  readonly status: string;
  readonly category: StatusCategory;
  /** Story points; null when the issue is unestimated. */
  readonly points: number | null;
  readonly flagged: boolean;
  readonly links: readonly IssueLinkFacts[];
  readonly due: string | null;
  readonly created: string;
  readonly updated: string | null;
  readonly resolved: string | null;
  readonly assignee: string | null;
}

export function toStatusCategory(key: string): StatusCategory {
  return key === 'done' || key === 'indeterminate' ? key : 'new';
}

function readPoints(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Jira's "Flagged" field holds a list of options (`[{ value: "Impediment" }]`) or null. */
function readFlagged(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined && value !== false && value !== '';
}

/** The compact facts of one raw Jira issue, reading the custom fields named in `jira`. */
export function normalizeIssue(raw: RawIssue, jira: Pick<JiraConfig, 'storyPointsField' | 'flaggedField'>): IssueFacts {
  const f = raw.fields;
  const custom = f as Record<string, unknown>;
  const links: IssueLinkFacts[] = [];
  for (const link of f.issuelinks ?? []) {
    const other = link.inwardIssue ?? link.outwardIssue;
    if (!other) continue;
    const direction = link.inwardIssue ? 'inward' : 'outward';
    const cat = other.fields?.status?.statusCategory?.key;
    links.push({
      type: link.type.name,
      relation: direction === 'inward' ? link.type.inward : link.type.outward,
      direction,
      key: other.key,
      linkedCategory: cat === undefined ? null : toStatusCategory(cat),
    });
  }
  return {
    id: raw.id,
    key: raw.key,
    project: f.project?.key ?? raw.key.slice(0, raw.key.lastIndexOf('-')),
    summary: f.summary ?? '',
    type: f.issuetype?.name ?? 'Task',
    subtask: f.issuetype?.subtask ?? false,
    parent: f.parent?.key ?? null,
    status: f.status.name,
    category: toStatusCategory(f.status.statusCategory.key),
    points: jira.storyPointsField ? readPoints(custom[jira.storyPointsField]) : null,
    flagged: jira.flaggedField ? readFlagged(custom[jira.flaggedField]) : false,
    links,
    due: f.duedate ?? null,
    created: f.created,
    updated: f.updated ?? null,
    resolved: f.resolutiondate ?? null,
    assignee: f.assignee?.displayName ?? f.assignee?.emailAddress ?? f.assignee?.accountId ?? null,
  };
}

/**
 * Validates a snapshot (`{ issues: [...] }`, already JSON-parsed) and normalizes its issues.
 * `source` names the file in error messages.
 */
export function parseIssueSnapshot(json: unknown, jira: Pick<JiraConfig, 'storyPointsField' | 'flaggedField'>, source = 'snapshot'): IssueFacts[] {
  const parsed = issueSnapshotSchema.safeParse(json);
  if (!parsed.success) {
    throw new OkrError(
      'invalid-snapshot',
      parsed.error.issues.slice(0, 10).map((i) => ({ where: `${source} ${formatPath(i.path)}`, message: i.message })),
    );
  }
  return parsed.data.issues.map((raw) => normalizeIssue(raw, jira));
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}
