/**
 * Hidden dependencies: Jira links between the work of two departments that no declared
 * dependency covers. An issue is a department's work when it is the epic of one of that
 * department's jira key results, or a child of such an epic (company key results belong to no
 * department). Only epics named in the org file count; JQL-selected issues do not.
 */
import type { IssueIndex } from '../model/issue-index';
import type { IssueFacts, IssueLinkFacts } from '../model/issue';
import type { Org } from '../model/org';
import type { HiddenDependency } from './types';

/** Department ids of an issue, each list in the org file's department order. */
export interface IssueDepartments {
  get(key: string): readonly string[] | undefined;
}

/**
 * Which departments each issue's work belongs to: built over the key results' epics only
 * (tens of thousands), and looked up through the issue's parent, so that no per-issue table
 * is built over hundreds of thousands of issues.
 */
export function mapIssueDepartments(org: Org, index: IssueIndex): IssueDepartments {
  const departmentOrder = new Map(org.departments.map((d, i) => [d.id, i]));
  const rank = (d: string) => departmentOrder.get(d) ?? Number.MAX_SAFE_INTEGER;
  const byEpic = new Map<string, string[]>();
  for (const o of org.objectives) {
    if (o.department === org.company.id) continue;
    for (const kr of o.keyResults) {
      if (kr.kind !== 'jira') continue;
      for (const epic of kr.epics) {
        const list = byEpic.get(epic);
        if (!list) byEpic.set(epic, [o.department]);
        else if (!list.includes(o.department)) list.push(o.department);
      }
    }
  }
  for (const list of byEpic.values()) if (list.length > 1) list.sort((a, b) => rank(a) - rank(b));
  return {
    get(key) {
      const asEpic = byEpic.get(key);
      const issue = index.byKey.get(key);
      const asChild = issue && !issue.subtask && issue.parent !== null ? byEpic.get(issue.parent) : undefined;
      if (!asEpic || !asChild) return asEpic ?? asChild;
      return [...new Set([...asEpic, ...asChild])].sort((a, b) => rank(a) - rank(b));
    },
  };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Orders issue keys by project, then by number: ENG-9 before ENG-10. */
export function compareIssueKeys(a: string, b: string): number {
  const ia = a.lastIndexOf('-');
  const ib = b.lastIndexOf('-');
  const pa = a.slice(0, ia);
  const pb = b.slice(0, ib);
  if (pa !== pb) return pa < pb ? -1 : 1;
  const na = Number(a.slice(ia + 1));
  const nb = Number(b.slice(ib + 1));
  if (na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Finds the hidden dependencies among `index`'s issues. A link between an issue of department
 * A and one of department B (A ≠ B) is hidden unless a dependency declared between A and B,
 * in either direction, lists one of the two issues or one of their epics as a deliverable.
 * Issues that share a department are not cross-department work and are skipped. Each pair of
 * issues is reported once (Jira stores a link on both issues), read from its outward side
 * when that side was read (else from the inward side: "X is blocked by Y"), sorted by keys.
 */
export function findHiddenDependencies(org: Org, index: IssueIndex): HiddenDependency[] {
  const departmentsOf = mapIssueDepartments(org, index);
  const declared = new Map<string, Set<string>>();
  for (const d of org.dependencies) {
    const key = pairKey(d.needs.department, d.provider);
    const set = declared.get(key) ?? new Set<string>();
    for (const k of d.deliverables) set.add(k);
    declared.set(key, set);
  }
  const coverKeys = (issue: string): string[] => {
    const parent = index.byKey.get(issue)?.parent;
    return parent ? [issue, parent] : [issue];
  };
  const isCovered = (a: string, b: string, depA: string, depB: string): boolean => {
    const deliverables = declared.get(pairKey(depA, depB));
    if (!deliverables) return false;
    return [...coverKeys(a), ...coverKeys(b)].some((k) => deliverables.has(k));
  };

  // Outward-side readings win: "ENG-12 blocks MKT-5" rather than "MKT-5 is blocked by ENG-12".
  const found = new Map<string, { hidden: HiddenDependency; outward: boolean }>();
  const consider = (issue: IssueFacts, link: IssueLinkFacts, mine: readonly string[]) => {
    const theirs = departmentsOf.get(link.key);
    if (!theirs || link.key === issue.key) return;
    if (mine.some((d) => theirs.includes(d))) return;
    const pair = pairKey(issue.key, link.key);
    const outward = link.direction === 'outward';
    const before = found.get(pair);
    if (before && (before.outward || !outward)) return;
    for (const a of mine) for (const b of theirs) if (isCovered(issue.key, link.key, a, b)) return;
    const hidden = {
      from: { key: issue.key, department: mine[0]! },
      to: { key: link.key, department: theirs[0]! },
      relation: link.relation,
    };
    found.set(pair, { hidden, outward });
  };
  for (const issue of index.all) {
    if (issue.links.length === 0) continue;
    const mine = departmentsOf.get(issue.key);
    if (mine) for (const link of issue.links) consider(issue, link, mine);
  }
  return [...found.values()].map((f) => f.hidden).sort((x, y) => compareIssueKeys(x.from.key, y.from.key) || compareIssueKeys(x.to.key, y.to.key));
}
