/**
 * Reads a Jira changelog into the field changes epic metrics care about. Items about other
 * fields (summary, assignee, rank…) are dropped; items that change what an issue is (type,
 * key, project) or that cannot be read make the whole changelog unreadable, so that the caller
 * fetches the issue instead of guessing.
 */
import type { ChangelogItem } from './event-schema';

export type FieldChange =
  | { readonly kind: 'status'; readonly from: string | null; readonly to: string }
  | { readonly kind: 'resolution'; readonly set: boolean }
  /** `from` undefined when the item does not name the old parent's key. */
  | { readonly kind: 'parent'; readonly from: string | null | undefined; readonly to: string | null }
  | { readonly kind: 'points'; readonly from: number | null; readonly to: number | null }
  | { readonly kind: 'flag'; readonly from: boolean; readonly to: boolean }
  | { readonly kind: 'link'; readonly op: 'add' | 'remove'; readonly relation: string; readonly key: string };

export type ReadChangelog = { readonly kind: 'changes'; readonly changes: readonly FieldChange[] } | { readonly kind: 'unreadable'; readonly reason: string };

export interface ChangelogFields {
  readonly storyPointsField?: string | undefined;
  readonly flaggedField?: string | undefined;
}

const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;
const LINK_TEXT = /^This issue (.+) ([A-Z][A-Z0-9_]+-\d+)$/;
const PARENT_FIELDS = new Set(['issueparentassociation', 'parent', 'epic link']);
const IDENTITY_FIELDS = new Map([
  ['issuetype', 'its issue type changed'],
  ['key', 'its key changed'],
  ['project', 'it moved to another project'],
]);
const POINTS_NAMES = new Set(['story points', 'story point estimate']);

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

function readPoints(text: string | null, field: string): Read<number | null> {
  if (text === null || text.trim() === '') return { ok: true, value: null };
  const n = Number(text);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: `${field} changed to "${text}", which is not a number` };
}

function parentKey(key: string | null, id: string | null): string | null | undefined {
  if (key !== null && ISSUE_KEY.test(key)) return key;
  return key === null && id === null ? null : undefined;
}

function readItem(item: ChangelogItem, fields: ChangelogFields): Read<FieldChange | null> {
  const name = item.field.toLowerCase();
  const identity = IDENTITY_FIELDS.get(name);
  if (identity) return { ok: false, reason: identity };
  if (name === 'status' || item.fieldId === 'status') {
    if (item.toString === null) return { ok: false, reason: 'the status change does not name the new status' };
    return { ok: true, value: { kind: 'status', from: item.fromString, to: item.toString } };
  }
  if (name === 'resolution' || item.fieldId === 'resolution') {
    return { ok: true, value: { kind: 'resolution', set: item.to !== null || item.toString !== null } };
  }
  if (PARENT_FIELDS.has(name) || item.fieldId === 'parent') {
    const to = parentKey(item.toString, item.to);
    if (to === undefined) return { ok: false, reason: `the ${item.field} change names the new parent "${item.toString ?? item.to}", not its key` };
    return { ok: true, value: { kind: 'parent', from: parentKey(item.fromString, item.from), to } };
  }
  if (fields.storyPointsField && (item.fieldId === fields.storyPointsField || (item.fieldId === undefined && POINTS_NAMES.has(name)))) {
    const from = readPoints(item.fromString, item.field);
    const to = readPoints(item.toString, item.field);
    if (!from.ok) return from;
    if (!to.ok) return to;
    return { ok: true, value: { kind: 'points', from: from.value, to: to.value } };
  }
  if (fields.flaggedField && (item.fieldId === fields.flaggedField || (item.fieldId === undefined && name === 'flagged'))) {
    const on = (s: string | null): boolean => s !== null && s.trim() !== '';
    return { ok: true, value: { kind: 'flag', from: on(item.fromString), to: on(item.toString) } };
  }
  if (name === 'link') {
    const op = item.toString !== null || item.to !== null ? 'add' : 'remove';
    const text = op === 'add' ? item.toString : item.fromString;
    const m = text === null ? null : LINK_TEXT.exec(text);
    if (!m?.[1] || !m[2]) return { ok: false, reason: `the link change "${text ?? ''}" does not read as "This issue <relation> <KEY>"` };
    return { ok: true, value: { kind: 'link', op, relation: m[1].toLowerCase(), key: m[2] } };
  }
  return { ok: true, value: null };
}

/**
 * The changes core reads from a changelog's items, in order; unreadable when any item changes
 * the issue's identity or cannot be read.
 */
export function readChangelog(items: readonly ChangelogItem[], fields: ChangelogFields): ReadChangelog {
  const changes: FieldChange[] = [];
  let parent: Extract<FieldChange, { kind: 'parent' }> | null = null;
  for (const item of items) {
    const read = readItem(item, fields);
    if (!read.ok) return { kind: 'unreadable', reason: read.reason };
    const change = read.value;
    if (change === null) continue;
    if (change.kind !== 'parent') {
      changes.push(change);
      continue;
    }
    // Jira writes one parent change as several items (IssueParentAssociation and Parent, or
    // Epic Link): keep one, and refuse items that disagree.
    if (parent === null) {
      parent = change;
      changes.push(change);
    } else if (parent.to !== change.to) {
      return { kind: 'unreadable', reason: `the changelog moves the issue to both ${parent.to ?? 'no parent'} and ${change.to ?? 'no parent'}` };
    } else if (parent.from === undefined && change.from !== undefined) {
      changes[changes.indexOf(parent)] = change;
      parent = change;
    }
  }
  return { kind: 'changes', changes };
}
