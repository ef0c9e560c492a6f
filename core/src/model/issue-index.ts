/**
 * Lookup tables over a set of issues, built once per computation: by key, and the children
 * of each parent (epic children are found with `parent`; sub-tasks are not epic children
 * because their parent is a story, not the epic).
 */
import type { IssueFacts } from './issue';

export interface IssueIndex {
  readonly all: readonly IssueFacts[];
  readonly byKey: ReadonlyMap<string, IssueFacts>;
  readonly childrenOf: ReadonlyMap<string, readonly IssueFacts[]>;
}

const NONE: readonly IssueFacts[] = [];

/** Indexes issues by key and by parent. A later issue with the same key replaces an earlier one. */
export function buildIssueIndex(issues: readonly IssueFacts[]): IssueIndex {
  const byKey = new Map<string, IssueFacts>();
  for (const issue of issues) byKey.set(issue.key, issue);
  const childrenOf = new Map<string, IssueFacts[]>();
  for (const issue of byKey.values()) {
    if (issue.parent === null || issue.subtask) continue;
    const list = childrenOf.get(issue.parent);
    if (list) list.push(issue);
    else childrenOf.set(issue.parent, [issue]);
  }
  return { all: [...byKey.values()], byKey, childrenOf };
}

export function childrenOf(index: IssueIndex, epic: string): readonly IssueFacts[] {
  return index.childrenOf.get(epic) ?? NONE;
}
