/**
 * The Jira emulator's admin changes the start page offers as buttons: block and unblock the
 * deliverables of the demo's cross-department dependencies, finish an epic's open issues,
 * flag an issue, and any transition typed in. Each becomes `SiteChange`s applied to the
 * emulator in-process, which pushes the Forge events the Forge host reacts to.
 */
import { z } from 'zod';
import { STATUSES, type JiraEmulator, type SiteChange, type Site } from '../jira-emulator';

export interface DemoAction {
  readonly id: string;
  readonly label: string;
  /** What it shows, in a few words. */
  readonly why: string;
  changes(site: Site): SiteChange[];
}

const transition = (key: string, status: string): SiteChange => ({ kind: 'transition', key, status });

/** The open child issues of `epic`, each moved to Done. */
function finishEpic(site: Site, epic: string): SiteChange[] {
  return site
    .childrenOf(epic)
    .filter((raw) => raw.fields.status?.statusCategory?.key !== 'done')
    .map((raw) => transition(raw.key, 'Done'));
}

export const DEMO_ACTIONS: readonly DemoAction[] = [
  { id: 'block-prod-58', label: 'Block PROD-58', why: 'Marketing needs it from Product (dep-launch-specs): an alert reaches the channels of both', changes: () => [transition('PROD-58', 'Blocked')] },
  { id: 'unblock-prod-58', label: 'Unblock PROD-58', why: 'back to In Review: the alert cards turn into "Unblocked" in place', changes: () => [transition('PROD-58', 'In Review')] },
  { id: 'block-mkt-88', label: 'Block MKT-88', why: 'Sales needs it from Marketing (dep-battlecards)', changes: () => [transition('MKT-88', 'Blocked')] },
  { id: 'finish-mkt-88', label: 'Move MKT-88 back to Done', why: 'unblocks dep-battlecards', changes: () => [transition('MKT-88', 'Done')] },
  { id: 'flag-plat-37', label: 'Flag PLAT-37 as an impediment', why: 'Customer Success needs it from Platform (dep-status-page): flagged counts as blocked', changes: () => [{ kind: 'flag', key: 'PLAT-37', flagged: true }] },
  { id: 'unflag-plat-37', label: 'Unflag PLAT-37', why: 'clears the impediment', changes: () => [{ kind: 'flag', key: 'PLAT-37', flagged: false }] },
  { id: 'unblock-eng-142', label: 'Unblock ENG-142', why: 'Sales needs it from Engineering (dep-sso, blocked in the demo data)', changes: () => [transition('ENG-142', 'In Progress')] },
  { id: 'block-eng-142', label: 'Block ENG-142', why: 'blocks dep-sso again: an alert', changes: () => [transition('ENG-142', 'Blocked')] },
  { id: 'finish-eng-108', label: "Move ENG-108's open issues to Done", why: 'Engineering\'s "Right-size compute and storage" reaches 100%', changes: (site) => finishEpic(site, 'ENG-108') },
  { id: 'finish-eng-101', label: "Move ENG-101's open issues to Done", why: 'single sign-on done: its key result, objective, Engineering and Acme move', changes: (site) => finishEpic(site, 'ENG-101') },
];

/** The statuses a typed-in transition may name. */
export const STATUS_NAMES = STATUSES.map((s) => s.name);

export const customTransitionSchema = z.strictObject({
  key: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]+-\d+$/, { error: 'expected an issue key like ENG-142' }),
  status: z.enum(STATUS_NAMES as [string, ...string[]], { error: `expected a status: ${STATUS_NAMES.join(', ')}` }),
});

export type ActionOutcome = { readonly kind: 'done'; readonly message: string } | { readonly kind: 'refused'; readonly message: string };

/** Applies `changes` in order; stops at the first the emulator refuses. */
export function applyChanges(emulator: Pick<JiraEmulator, 'apply'>, label: string, changes: readonly SiteChange[]): ActionOutcome {
  if (changes.length === 0) return { kind: 'done', message: `${label}: nothing to change` };
  let events = 0;
  for (const change of changes) {
    const outcome = emulator.apply(change);
    if (outcome.kind !== 'applied') return { kind: 'refused', message: `${label}: ${outcome.message}` };
    events += outcome.events.length;
  }
  return { kind: 'done', message: `${label}: ${changes.length} change${changes.length === 1 ? '' : 's'}, ${events} Jira event${events === 1 ? '' : 's'} sent to the Forge host` };
}

/** Runs the demo action `id`, or refuses an unknown one. */
export function runDemoAction(emulator: Pick<JiraEmulator, 'apply' | 'site'>, id: string): ActionOutcome {
  const action = DEMO_ACTIONS.find((a) => a.id === id);
  if (!action) return { kind: 'refused', message: `expected one of the actions ${DEMO_ACTIONS.map((a) => a.id).join(', ')}, got "${id}"` };
  return applyChanges(emulator, action.label, action.changes(emulator.site));
}
