/**
 * The fixed vocabulary of an emulated site: statuses with their categories, issue types,
 * link types, the Flagged option, and Jira's date format. Objects here are shared by every
 * issue that uses them (150,000 issues must stay small in memory), so they are frozen and
 * replaced, never edited.
 */

export type StatusObject = {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly statusCategory: { readonly id: number; readonly key: string; readonly colorName: string; readonly name: string };
};

export type IssueTypeObject = {
  readonly id: string;
  readonly name: string;
  readonly subtask: boolean;
  readonly hierarchyLevel: number;
};

export type LinkTypeObject = {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
};

export type ProjectObject = {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly projectTypeKey: 'software' | 'service_desk' | 'business';
  readonly simplified: boolean;
};

const CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

function status(id: string, name: string, category: keyof typeof CATEGORIES): StatusObject {
  return Object.freeze({ id, name, description: '', statusCategory: Object.freeze({ ...CATEGORIES[category] }) });
}

/** The workflow of generated sites, in order. */
export const STATUSES: readonly StatusObject[] = Object.freeze([
  status('10000', 'To Do', 'new'),
  status('3', 'In Progress', 'indeterminate'),
  status('10001', 'In Review', 'indeterminate'),
  status('10002', 'Blocked', 'indeterminate'),
  status('10003', 'Done', 'done'),
]);

export const ISSUE_TYPES: readonly IssueTypeObject[] = Object.freeze(
  [
    { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
    { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
    { id: '10002', name: 'Task', subtask: false, hierarchyLevel: 0 },
    { id: '10003', name: 'Bug', subtask: false, hierarchyLevel: 0 },
    { id: '10004', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
  ].map((t) => Object.freeze(t)),
);

export const LINK_TYPES: readonly LinkTypeObject[] = Object.freeze(
  [
    { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  ].map((t) => Object.freeze(t)),
);

/** The value Jira stores in the Flagged field of a flagged issue. */
export const FLAGGED_VALUE = Object.freeze([Object.freeze({ value: 'Impediment', id: '10019' })]);

export const RESOLUTION_DONE = Object.freeze({ id: '10000', name: 'Done', description: 'Work has been completed on this issue.' });

/** An instant as Jira writes it: `2026-11-01T10:00:00.000+0000`. */
export function jiraInstant(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function findByName<T extends { readonly name: string }>(list: Iterable<T>, name: string): T | undefined {
  const wanted = name.trim().toLowerCase();
  for (const item of list) if (item.name.toLowerCase() === wanted) return item;
  return undefined;
}
