/**
 * Forge product events for issue changes, in the shape Atlassian documents for a Forge app's
 * `avi:jira:created|updated|deleted:issue` trigger (Forge "Jira events" reference): `eventType`,
 * `issue: { id, key, fields }` where `fields` holds only the documented summary, issuetype,
 * creator, created, project, reporter, assignee, updated and status (as they are after the
 * change; before it, for a deletion), `atlassianId`, `associatedUsers`, and on an update the
 * `changelog` (`field`, `fieldtype`, `fieldId`, `from`, `fromString`, `to`, `toString`).
 * No `parent`, `issuelinks`, `resolutiondate` or custom fields: the app must not count on them.
 */
import type { RawIssue } from '../../core/src/model/issue';

export type IssueEventType = 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:deleted:issue';

export interface ChangelogItem {
  readonly field: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly fieldId: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

export interface ForgeIssueEvent {
  readonly eventType: IssueEventType;
  readonly issue: { readonly id: string; readonly key: string; readonly fields: Record<string, unknown> };
  /** Only on `avi:jira:updated:issue`. */
  readonly changelog?: { readonly id: string; readonly items: readonly ChangelogItem[] };
  readonly atlassianId: string;
  readonly associatedUsers: readonly { readonly accountId: string }[];
}

/** The issue fields a Forge issue event documents (the example spells the type `issuetype`). */
export const DOCUMENTED_EVENT_FIELDS = ['summary', 'issuetype', 'creator', 'created', 'project', 'reporter', 'assignee', 'updated', 'status'] as const;

/** A user as the event documents one: `{ accountId }`, or null. */
function userOf(value: unknown): { accountId: string } | null {
  const id = (value as { accountId?: unknown } | null | undefined)?.accountId;
  return typeof id === 'string' ? { accountId: id } : null;
}

/** The documented fields of `raw`: the site keeps no creator or reporter, so the actor stands for both. */
function eventFields(raw: RawIssue, actor: string): Record<string, unknown> {
  const fields = raw.fields as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of ['summary', 'issuetype', 'created', 'project', 'updated', 'status'] as const) {
    if (Object.hasOwn(fields, name)) out[name] = structuredClone(fields[name]);
  }
  out.creator = userOf(fields.creator) ?? { accountId: actor };
  out.reporter = userOf(fields.reporter) ?? { accountId: actor };
  out.assignee = userOf(fields.assignee);
  return out;
}

/** The account changes are made as, unless the change names one. */
export const DEFAULT_ACTOR = '5b10a2844c20165700ede21g';

let changelogIds = 100000;

/** An event for `raw` as it is now (its fields are copied, so later changes do not leak in). */
export function issueEvent(eventType: IssueEventType, raw: RawIssue, actor: string, items?: readonly ChangelogItem[]): ForgeIssueEvent {
  return {
    eventType,
    issue: { id: raw.id, key: raw.key, fields: eventFields(raw, actor) },
    ...(items ? { changelog: { id: String(changelogIds++), items } } : {}),
    atlassianId: actor,
    associatedUsers: [{ accountId: actor }],
  };
}

/** One changelog item. */
export function changeItem(
  field: string,
  fieldId: string,
  fieldtype: 'jira' | 'custom',
  from: { id: string | null; text: string | null },
  to: { id: string | null; text: string | null },
): ChangelogItem {
  return { field, fieldtype, fieldId, from: from.id, fromString: from.text, to: to.id, toString: to.text };
}
