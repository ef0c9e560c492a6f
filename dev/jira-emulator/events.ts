/**
 * Forge product events for issue changes, shaped like the payloads a Forge app's
 * `avi:jira:created|updated|deleted:issue` trigger receives: the event type, the issue with
 * its fields as they are after the change (before it, for a deletion), the changelog of an
 * update (`field`, `fieldtype`, `fieldId`, `from`, `fromString`, `to`, `toString`), the
 * account that made the change, plus `timestamp` (ms since the epoch, as Jira webhooks).
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
  readonly timestamp: number;
}

/** The account changes are made as, unless the change names one. */
export const DEFAULT_ACTOR = '5b10a2844c20165700ede21g';

let changelogIds = 100000;

/** An event for `raw` as it is now (its fields are copied, so later changes do not leak in). */
export function issueEvent(eventType: IssueEventType, raw: RawIssue, at: string, actor: string, items?: readonly ChangelogItem[]): ForgeIssueEvent {
  return {
    eventType,
    issue: { id: raw.id, key: raw.key, fields: structuredClone(raw.fields) as Record<string, unknown> },
    ...(items ? { changelog: { id: String(changelogIds++), items } } : {}),
    atlassianId: actor,
    associatedUsers: [{ accountId: actor }],
    timestamp: Date.parse(at),
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
