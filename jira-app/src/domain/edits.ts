/**
 * Edits of one cycle's org, as pure functions: each returns the edited org or says why not.
 * They check what only they know (the thing edited exists, a key result is of the right kind);
 * the references between parts are checked afterwards by core's `validateOrg`, with the same
 * messages as the org file.
 */
import type { CheckIn, JiraMeasure, KeyResult, Objective, Org } from '@okr-bridge/core';
import type { PendingAlignment } from '../storage/records';

/** An edit's outcome; `pending`, when given, replaces the cycle's pending alignments. */
export type EditResult =
  | { readonly kind: 'ok'; readonly org: Org; readonly id: string; readonly pending?: readonly PendingAlignment[] }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

type ObjectivePatch = { title?: string; owner?: string | null; description?: string | null; alignedTo?: Objective['alignedTo'] };

function findKr(org: Org, id: string): { objective: Objective; kr: KeyResult } | null {
  for (const objective of org.objectives) for (const kr of objective.keyResults) if (kr.id === id) return { objective, kr };
  return null;
}

function mapKr(org: Org, id: string, f: (kr: KeyResult) => KeyResult): Org {
  return { ...org, objectives: org.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map((k) => (k.id === id ? f(k) : k)) })) };
}

/** The department (or company id) that owns objective or key result `id`; null when unknown. */
export function ownerDepartmentOf(org: Org, id: string): string | null {
  return org.objectives.find((o) => o.id === id)?.department ?? findKr(org, id)?.objective.department ?? null;
}

export function addObjective(org: Org, objective: Objective): EditResult {
  if (org.objectives.some((o) => o.id === objective.id)) return { kind: 'refused', message: `expected a new objective id, got "${objective.id}" which is taken` };
  return { kind: 'ok', org: { ...org, objectives: [...org.objectives, objective] }, id: objective.id };
}

export function updateObjective(org: Org, id: string, patch: ObjectivePatch): EditResult {
  const found = org.objectives.find((o) => o.id === id);
  if (!found) return { kind: 'not-found', message: `no objective ${id} in cycle ${org.cycle.id}` };
  const next: Objective = { ...found };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.alignedTo !== undefined) next.alignedTo = patch.alignedTo;
  if (patch.owner === null) delete next.owner;
  else if (patch.owner !== undefined) next.owner = patch.owner;
  if (patch.description === null) delete next.description;
  else if (patch.description !== undefined) next.description = patch.description;
  return { kind: 'ok', org: { ...org, objectives: org.objectives.map((o) => (o.id === id ? next : o)) }, id };
}

export function deleteObjective(org: Org, id: string): EditResult {
  const found = org.objectives.find((o) => o.id === id);
  if (!found) return { kind: 'not-found', message: `no objective ${id} in cycle ${org.cycle.id}` };
  const krs = new Set(found.keyResults.map((k) => k.id));
  return { kind: 'ok', org: { ...org, objectives: org.objectives.filter((o) => o.id !== id), checkIns: org.checkIns.filter((c) => !krs.has(c.kr)) }, id };
}

export function addKr(org: Org, objective: string, kr: KeyResult): EditResult {
  if (!org.objectives.some((o) => o.id === objective)) return { kind: 'not-found', message: `no objective ${objective} in cycle ${org.cycle.id}` };
  if (findKr(org, kr.id)) return { kind: 'refused', message: `expected a new key result id, got "${kr.id}" which is taken` };
  return { kind: 'ok', org: { ...org, objectives: org.objectives.map((o) => (o.id === objective ? { ...o, keyResults: [...o.keyResults, kr] } : o)) }, id: kr.id };
}

export function updateKr(org: Org, id: string, kr: KeyResult): EditResult {
  if (!findKr(org, id)) return { kind: 'not-found', message: `no key result ${id} in cycle ${org.cycle.id}` };
  return { kind: 'ok', org: mapKr(org, id, () => ({ ...kr, id })), id };
}

export function deleteKr(org: Org, id: string): EditResult {
  if (!findKr(org, id)) return { kind: 'not-found', message: `no key result ${id} in cycle ${org.cycle.id}` };
  return {
    kind: 'ok',
    org: { ...org, objectives: org.objectives.map((o) => ({ ...o, keyResults: o.keyResults.filter((k) => k.id !== id) })), checkIns: org.checkIns.filter((c) => c.kr !== id) },
    id,
  };
}

export function linkEpic(org: Org, id: string, epic: string, measure?: JiraMeasure): EditResult {
  const found = findKr(org, id);
  if (!found) return { kind: 'not-found', message: `no key result ${id} in cycle ${org.cycle.id}` };
  if (found.kr.kind !== 'jira') return { kind: 'refused', message: `expected a jira key result to link ${epic} to, but ${id} is a ${found.kr.kind} key result` };
  const epics = found.kr.epics.includes(epic) ? found.kr.epics : [...found.kr.epics, epic];
  return { kind: 'ok', org: mapKr(org, id, (k) => ({ ...(k as typeof found.kr), epics, measure: measure ?? (k as typeof found.kr).measure })), id };
}

export function unlinkEpic(org: Org, id: string, epic: string): EditResult {
  const found = findKr(org, id);
  if (!found) return { kind: 'not-found', message: `no key result ${id} in cycle ${org.cycle.id}` };
  if (found.kr.kind !== 'jira' || !found.kr.epics.includes(epic)) return { kind: 'not-found', message: `${epic} is not linked to key result ${id}` };
  return { kind: 'ok', org: mapKr(org, id, (k) => ({ ...(k as typeof found.kr), epics: (k as typeof found.kr).epics.filter((e) => e !== epic) })), id };
}

/** Adds a check-in; metric key results take a value, milestones done. */
export function addCheckIn(org: Org, checkIn: CheckIn): EditResult {
  const found = findKr(org, checkIn.kr);
  if (!found) return { kind: 'not-found', message: `no key result ${checkIn.kr} in cycle ${org.cycle.id}` };
  const kind = found.kr.kind;
  if (kind === 'metric' && checkIn.value === undefined) return { kind: 'refused', message: `expected a value to check in on the metric key result ${checkIn.kr}` };
  if (kind === 'milestone' && checkIn.done === undefined) return { kind: 'refused', message: `expected done (true or false) to check in on the milestone key result ${checkIn.kr}` };
  if (kind !== 'metric' && kind !== 'milestone') return { kind: 'refused', message: `expected a metric or milestone key result; ${checkIn.kr} is a ${kind} key result, which moves by itself` };
  return { kind: 'ok', org: { ...org, checkIns: [...org.checkIns, checkIn] }, id: checkIn.kr };
}
