/** Words and links the views share, so every surface says the same thing the same way. */
import type { AgendaItemKind } from '../agenda/types';
import type { DependencyState } from '../dependencies/types';
import type { Status } from '../progress/types';

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  done: 'Done',
  'on-track': 'On track',
  behind: 'Behind',
  'at-risk': 'At risk',
};

export const DEPENDENCY_STATE_LABELS: Readonly<Record<DependencyState, string>> = {
  blocked: 'Blocked',
  'at-risk': 'At risk',
  open: 'Open',
  done: 'Done',
};

/**
 * The one colour word of each status and dependency state, so "On track" has the same colour
 * on every surface: `good` (green), `warning` (amber), `attention` (red), `neutral` (grey).
 */
export type Tone = 'good' | 'warning' | 'attention' | 'neutral';

export const STATUS_TONES: Readonly<Record<Status, Tone>> = { done: 'good', 'on-track': 'good', behind: 'warning', 'at-risk': 'attention' };

export const DEPENDENCY_STATE_TONES: Readonly<Record<DependencyState, Tone>> = { blocked: 'attention', 'at-risk': 'warning', open: 'neutral', done: 'good' };

/** What kind of item an agenda entry is, in the same words on the Jira agenda and the Teams Review view. */
export const AGENDA_KIND_LABELS: Readonly<Record<AgendaItemKind, string>> = {
  'blocked-dependency': 'Blocked dependency',
  'at-risk-kr': 'At-risk key result',
  'moved-kr': 'Moved',
  'stale-check-in': 'Check-in due',
  decision: 'Decision asked for',
};

/**
 * The tone of each kind of agenda item, so its label has the colour of what it says: a blocked
 * dependency and an at-risk key result take the tones of "Blocked" and "At risk", a check-in
 * due is a warning, the rest are neutral.
 */
export const AGENDA_KIND_TONES: Readonly<Record<AgendaItemKind, Tone>> = {
  'blocked-dependency': DEPENDENCY_STATE_TONES.blocked,
  'at-risk-kr': STATUS_TONES['at-risk'],
  'moved-kr': 'neutral',
  'stale-check-in': 'warning',
  decision: 'neutral',
};

/** Ordering that puts what needs attention first. */
export const DEPENDENCY_STATE_RANK: Readonly<Record<DependencyState, number>> = { blocked: 0, 'at-risk': 1, open: 2, done: 3 };

/** A share as a whole percent, the way every surface prints progress: 0.1666 → "17%". */
export function percentLabel(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** A score at close, on the 0–1 scale to one decimal, the way every surface prints it: 0.42 → "0.4". */
export function scoreLabel(score: number): string {
  return score.toFixed(1);
}

export interface IssueLinkView {
  readonly key: string;
  readonly url: string | null;
}

/** A link to an issue on the site the org file names, or just its key. */
export function issueLink(baseUrl: string | undefined, key: string): IssueLinkView {
  const base = baseUrl?.replace(/\/+$/, '');
  return { key, url: base ? `${base}/browse/${key}` : null };
}
