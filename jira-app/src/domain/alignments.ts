/**
 * Aligning an objective to a key result another owner holds: the alignment moves that owner's
 * roll-up, so it takes effect only once they (or a Jira admin) accept it. Pure functions over
 * the org and the pending list; who may decide is passed in (`mayDecide`, from the edit
 * rights rule). An alignment already in effect with the same weight stays as it is; one asked
 * with a new weight keeps the old weight in effect until the new one is accepted.
 */
import type { Alignment, Org } from '@okr-bridge/core';
import type { PendingAlignment } from '../storage/records';
import type { EditResult } from './edits';

export interface Draft {
  readonly org: Org;
  readonly pending: readonly PendingAlignment[];
}

export interface Requester {
  readonly name: string;
  readonly at: string;
  /** Whether the requester may decide alignments to key result `kr` themselves. */
  readonly mayDecide: (kr: string) => boolean;
}

const hasKr = (org: Org, kr: string) => org.objectives.some((o) => o.keyResults.some((k) => k.id === kr));

/**
 * Objective `objective` of `draft` aligned as `requested` asks: what takes effect now (in the
 * org) and what waits (in the pending list, replacing what this objective had waiting).
 */
export function requestAlignments(draft: Draft, objective: string, requested: readonly Alignment[], who: Requester): EditResult {
  const found = draft.org.objectives.find((o) => o.id === objective);
  if (!found) return { kind: 'not-found', message: `no objective ${objective} in cycle ${draft.org.cycle.id}` };
  const effective: Alignment[] = [];
  const waiting: PendingAlignment[] = [];
  for (const a of requested) {
    const before = found.alignedTo.find((b) => b.kr === a.kr);
    // An unknown key result goes through, for core's `validateOrg` to refuse with the org file's message.
    if ((before && before.weight === a.weight) || !hasKr(draft.org, a.kr) || who.mayDecide(a.kr)) {
      effective.push(a);
      continue;
    }
    if (before) effective.push(before);
    waiting.push({ objective, kr: a.kr, weight: a.weight, requestedBy: who.name, requestedAt: who.at });
  }
  const org = { ...draft.org, objectives: draft.org.objectives.map((o) => (o.id === objective ? { ...o, alignedTo: effective } : o)) };
  return { kind: 'ok', org, id: objective, pending: [...draft.pending.filter((p) => p.objective !== objective), ...waiting] };
}

/** Accepts (the alignment takes effect with the weight asked) or declines (it is dropped) a pending alignment. */
export function decideAlignment(draft: Draft, objective: string, kr: string, accept: boolean): EditResult {
  const asked = draft.pending.find((p) => p.objective === objective && p.kr === kr);
  if (!asked) return { kind: 'not-found', message: `no alignment of objective ${objective} to key result ${kr} waits for a decision` };
  const pending = draft.pending.filter((p) => p !== asked);
  if (!accept) return { kind: 'ok', org: draft.org, id: objective, pending };
  const org = {
    ...draft.org,
    objectives: draft.org.objectives.map((o) => (o.id === objective ? { ...o, alignedTo: [...o.alignedTo.filter((a) => a.kr !== kr), { kr, weight: asked.weight }] } : o)),
  };
  return { kind: 'ok', org, id: objective, pending };
}

/** The pending alignments that still make sense for `org`: their objective and key result exist. */
export function livePending(org: Org, pending: readonly PendingAlignment[]): PendingAlignment[] {
  return pending.filter((p) => org.objectives.some((o) => o.id === p.objective) && hasKr(org, p.kr));
}
