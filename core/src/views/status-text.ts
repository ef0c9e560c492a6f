/**
 * The one sentence that explains a status, with the numbers behind it, e.g. "17% done against
 * 70% expected by today → at risk". Every surface shows this sentence; none words it again.
 */
import type { Status, StatusBasis } from '../progress/types';
import { percentLabel, STATUS_LABELS } from './labels';

/** The blocked dependency a key result waits on, as the sentence names it. */
export interface BlockingDependency {
  readonly title: string;
  readonly providerName: string;
}

const word = (status: Status) => STATUS_LABELS[status].toLowerCase();

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

function pace(progress: number, expected: number): string {
  return expected <= 0 ? `${percentLabel(progress)} done, nothing expected yet` : `${percentLabel(progress)} done against ${percentLabel(expected)} expected by today`;
}

function milestone(basis: Extract<StatusBasis, { kind: 'milestone' }>): string {
  const when = basis.daysLeft < 0 ? `${days(-basis.daysLeft)} past its due date` : basis.daysLeft === 0 ? 'due today' : `due in ${days(basis.daysLeft)}`;
  const cycle = basis.dueFromCycle && basis.daysLeft >= 0 ? ' (the cycle end)' : '';
  const confidence = basis.confidence ? `, owner's confidence ${basis.confidence}` : '';
  return `Not done, ${when}${cycle}${confidence}`;
}

/**
 * The sentence for a key result's status: its pace, its milestone due date and confidence,
 * or the blocked dependency it waits on (named when known).
 */
export function describeKrStatus(status: Status, basis: StatusBasis, blocking: BlockingDependency | null): string {
  switch (basis.kind) {
    case 'milestone':
      return `${milestone(basis)} → ${word(status)}`;
    case 'blocked': {
      const what = blocking ? `"${blocking.title}" from ${blocking.providerName}` : 'a dependency';
      return `${pace(basis.progress, basis.expected)}, but waits on ${what}, which is blocked → ${word(status)}`;
    }
    case 'pace':
      return status === 'done' ? `${percentLabel(basis.progress)} done → done` : `${pace(basis.progress, basis.expected)} → ${word(status)}`;
  }
}

/**
 * The sentence for an objective's, department's or company's status (progress against
 * expected), naming the key results at risk below it when its own pace hides them.
 */
export function describeStatus(status: Status, progress: number, expected: number, atRisk: readonly string[] = []): string {
  const base = status === 'done' ? `${percentLabel(progress)} done → done` : `${pace(progress, expected)} → ${word(status)}`;
  if (status === 'at-risk' || atRisk.length === 0) return base;
  const quoted = atRisk.map((t) => `"${t}"`);
  const which = atRisk.length === 1 ? `key result ${quoted[0]}` : atRisk.length === 2 ? `key results ${quoted.join(' and ')}` : `${atRisk.length} key results`;
  return `${base}; ${which} at risk`;
}

/**
 * The pace line a page or a trend shows under a progress: "47% done, 49% expected by 15 Nov
 * 2026" (`by` the day in the viewer's words), or "… expected by today" where it is read now
 * (a sparkline). Labels come from the view, so every surface rounds the same way.
 */
export function describePace(view: { readonly progressLabel: string; readonly expectedLabel: string }, by = 'today'): string {
  return `${view.progressLabel} done, ${view.expectedLabel} expected by ${by}`;
}
