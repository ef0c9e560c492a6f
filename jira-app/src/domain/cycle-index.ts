/**
 * The per-cycle index kept in the site record: which departments' records hold each tracked
 * epic, deliverable and issue matched by a key result's JQL (an issue event finds its key
 * results here in the one read it already makes), and a catalog of objectives and key results
 * for pickers and permission checks.
 */
import { normalizeUserJql, type Org } from '@okr-bridge/core';
import type { CycleIndex, SiteRecord } from '../storage/records';
import type { DepartmentInput } from '../storage/records';
import { deliverablesJql } from './org-assembly';

/** Builds the index of one cycle from its org and its department inputs. */
export function buildCycleIndex(org: Org, inputs: readonly DepartmentInput[]): CycleIndex {
  const epics: Record<string, { departments: string[]; krs: string[] }> = {};
  const deliverables: Record<string, string[]> = {};
  // Lists keep their first-seen order; the set beside each makes adding to it constant time.
  const seen = new Map<string[], Set<string>>();
  const addOnce = (list: string[], value: string) => {
    let set = seen.get(list);
    if (!set) seen.set(list, (set = new Set(list)));
    if (set.has(value)) return;
    set.add(value);
    list.push(value);
  };
  for (const o of org.objectives) {
    for (const kr of o.keyResults) {
      if (kr.kind !== 'jira') continue;
      const keys = [...kr.epics, ...(kr.jql !== undefined ? (normalizeUserJql(kr.jql).parents ?? []) : [])];
      for (const e of keys) {
        const entry = (epics[e] ??= { departments: [], krs: [] });
        addOnce(entry.krs, kr.id);
      }
    }
  }
  const queryIssues: Record<string, string[]> = {};
  const dq = deliverablesJql(org);
  for (const input of inputs) {
    for (const [jql, set] of Object.entries(input.metrics.queries)) {
      if (jql === dq) continue;
      for (const { key } of set.issues) {
        addOnce((queryIssues[key] ??= []), input.department);
      }
    }
    for (const e of Object.keys(input.metrics.epics)) {
      addOnce((epics[e] ??= { departments: [], krs: [] }).departments, input.department);
    }
    for (const d of input.org.dependencies) {
      for (const key of d.deliverables) {
        addOnce((deliverables[key] ??= []), input.department);
      }
    }
  }
  return {
    epics,
    deliverables,
    queryIssues,
    objectives: org.objectives.map((o) => ({ id: o.id, title: o.title, department: o.department })),
    krs: org.objectives.flatMap((o) => o.keyResults.map((kr) => ({ id: kr.id, title: kr.title, objective: o.id, department: o.department, kind: kr.kind, epics: kr.kind === 'jira' ? kr.epics : [] }))),
  };
}

/** The cycles (and departments in each) whose records an issue with these keys touches: tracked epics, deliverables, JQL matches. */
export function cyclesTouching(site: SiteRecord, keys: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [cycle, index] of Object.entries(site.index)) {
    const matches = index.queryIssues ?? {};
    for (const key of keys) {
      const departments = [
        ...(Object.hasOwn(index.epics, key) ? index.epics[key]!.departments : []),
        ...(Object.hasOwn(index.deliverables, key) ? index.deliverables[key]! : []),
        ...(Object.hasOwn(matches, key) ? matches[key]! : []),
      ];
      const tracked = Object.hasOwn(index.epics, key) || Object.hasOwn(index.deliverables, key) || Object.hasOwn(matches, key);
      if (!tracked) continue;
      const set = out.get(cycle) ?? new Set<string>();
      for (const d of departments) set.add(d);
      out.set(cycle, set);
    }
  }
  return out;
}
