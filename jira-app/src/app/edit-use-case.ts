/**
 * One use case per change to a cycle's OKRs, whoever asks: the panels' resolvers and the web
 * trigger Teams calls both come through `runEdit`. It loads the cycle, decides with the edit
 * rights rule whether the caller may make the change (asking Jira, as the user, only for a
 * panel caller who owns nothing), applies the pure edit, validates the org with core, reads
 * the children of newly linked epics, stores the org with its derived records in one commit
 * and queues the signed events the change causes. A commit refused because another writer got
 * there first is re-read and re-applied (`retryOnConflict`), so no saved change is lost.
 */
import { accountIdsOf, type CheckIn, type EpicMetrics, type Org } from '@okr-bridge/core';
import { issueSourceOf } from '../adapters/forge-issue-source';
import type { Draft } from '../domain/alignments';
import { editRightOf, krOwnersOf, ownersOf, type Editor, type EditTarget } from '../domain/edit-rights';
import { lookUpPeople } from './people-cache';
import { addCheckIn, ownerDepartmentOf, type EditResult } from '../domain/edits';
import { diffBridgeEvents, queueBridgeEvents } from './bridge-events';
import type { AppDeps } from './deps';
import { AppFailure } from './failure';
import { askJiraAdmin, rememberAdmin } from './permissions';
import { readNewEpics } from './read-issues';
import { cycleOf, loadCycleOrg, requireSite, retryOnConflict, storeOrg, type Session } from './session';
import type { SiteRecord } from '../storage/records';

/** How long an edit may spend reading newly linked epics (Forge gives resolvers 25 s). */
const EPIC_READ_BUDGET_MS = 12_000;

/** What an edit may ask while it applies: who the caller is, and whether they may decide alignments to a key result. */
export interface EditContext {
  readonly editor: Editor;
  /** The caller as the org names people: their name in the site's people list, else their email or account id. */
  readonly requester: string;
  readonly at: string;
  readonly mayDecide: (kr: string) => boolean;
}

function requesterOf(site: SiteRecord, editor: Editor): string {
  if (editor.via === 'teams') return editor.email ?? site.people.find((p) => p.accountId === editor.linkedAccountId)?.name ?? editor.linkedAccountId ?? 'someone';
  return site.people.find((p) => p.accountId === editor.accountId)?.name ?? editor.accountId ?? 'someone';
}

export interface EditSpec {
  readonly cycle: string | undefined;
  readonly editor: Editor;
  /** What the change touches; null when the thing edited does not exist. */
  readonly target: (org: Org) => EditTarget | null;
  readonly edit: (draft: Draft, context: EditContext) => EditResult;
  readonly readEpics?: boolean;
}

export interface EditDone {
  readonly id: string;
  readonly org: Org;
  readonly metrics: EpicMetrics;
}

function refusal(site: SiteRecord, editor: Editor, department: string): AppFailure {
  if (editor.via === 'jira' && !editor.accountId) return new AppFailure('forbidden', 'Only a signed-in owner of the department or a Jira admin may change its OKRs.');
  const name = department === site.company.id ? site.company.name : (site.departments.find((d) => d.id === department)?.name ?? department);
  return new AppFailure('forbidden', `Only the owners of ${name} or a Jira admin may change its OKRs.`);
}

/**
 * A Teams editor with the owners' accounts whose email Jira revealed to be theirs (from the
 * people cache; Jira is asked only for accounts not seen in the last day). Without a revealed
 * email an owner picked as an account cannot be told from a Teams user, and stays refused.
 */
async function withRevealedAccounts(deps: AppDeps, editor: Editor, owners: readonly string[], nowMs: number): Promise<Editor> {
  if (editor.via !== 'teams' || !editor.email) return editor;
  const ids = accountIdsOf(owners);
  if (ids.length === 0) return editor;
  const email = editor.email.trim().toLowerCase();
  let people: Awaited<ReturnType<typeof lookUpPeople>>;
  try {
    people = await lookUpPeople(deps, ids, 'asApp', nowMs);
  } catch (e) {
    deps.log?.(`owners' emails not read from Jira (${(e as Error).message}); only owners named by email can check in from Teams now`);
    return editor;
  }
  return { ...editor, accountIds: people.filter((p) => p.email === email).map((p) => p.accountId) };
}

/** Applies one change as `spec` says, re-applying it on a fresh read until it is stored. */
export async function runEdit(deps: AppDeps, s: Session, spec: EditSpec): Promise<EditDone> {
  /** Jira's answer on admin rights, asked at most once per call. */
  let jiraAdmin: boolean | undefined;
  return retryOnConflict(async () => {
    const site = await requireSite(s);
    const loaded = await loadCycleOrg(s, site, cycleOf(site, spec.cycle));
    const target = spec.target(loaded.org);
    const draft: Draft = { org: loaded.org, pending: loaded.state?.parts.pendingAlignments ?? [] };
    if (target === null) throw new AppFailure('not-found', probeNotFound(spec, draft));
    const editor = await withRevealedAccounts(deps, spec.editor, [...(target.alsoOwners ?? []), ...ownersOf(site, target.department)], s.nowMs);
    let right = editRightOf(site, editor, target, s.nowMs);
    if (right.kind === 'ask-jira') {
      jiraAdmin ??= await askJiraAdmin(deps.jira.asUser);
      right = jiraAdmin ? { kind: 'admin' } : { kind: 'refused' };
    }
    if (right.kind === 'refused') throw refusal(site, spec.editor, target.department);
    const admin = right.kind === 'admin';
    const mayDecide = (kr: string) => {
      if (admin) return true;
      const department = ownerDepartmentOf(loaded.org, kr);
      return department !== null && editRightOf(site, editor, { department, alsoOwners: krOwnersOf(loaded.org, kr) }, s.nowMs).kind === 'owner';
    };
    const result = spec.edit(draft, { editor: spec.editor, requester: requesterOf(site, spec.editor), at: s.at, mayDecide });
    if (result.kind === 'not-found') throw new AppFailure('not-found', result.message);
    if (result.kind === 'refused') throw new AppFailure('invalid-payload', result.message);
    const metrics = spec.readEpics ? await readNewEpics(issueSourceOf(deps, 'asApp', s.nowMs + EPIC_READ_BUDGET_MS), result.org, loaded.metrics, deps.clock, s.nowMs + EPIC_READ_BUDGET_MS) : loaded.metrics;
    const accountId = spec.editor.via === 'jira' ? spec.editor.accountId : undefined;
    const remember = jiraAdmin && accountId ? (x: SiteRecord) => rememberAdmin(x, accountId, true, s.nowMs) : undefined;
    const nextSite = await storeOrg(s, site, loaded, result.org, { metrics, ...(remember ? { site: remember } : {}), ...(result.pending ? { pending: result.pending } : {}) });
    await queueBridgeEvents(deps, nextSite, diffBridgeEvents(loaded, { org: result.org, metrics }, s.at, deps.ids.id));
    return { id: result.id, org: result.org, metrics };
  });
}

/** The message for a change whose subject does not exist: the edit's own when it has one. */
function probeNotFound(spec: EditSpec, draft: Draft): string {
  const result = spec.edit(draft, { editor: spec.editor, requester: '', at: '', mayDecide: () => false });
  return result.kind === 'not-found' ? result.message : 'Nothing to change.';
}

export interface CheckInRequest {
  readonly cycle: string | undefined;
  readonly editor: Editor;
  /** The check-in without its date (the day of the call) and author. */
  readonly checkIn: Omit<CheckIn, 'date' | 'author'>;
  /** The author's name as the surface shows it; the caller as the org names them when absent. */
  readonly author?: string;
}

/** A check-in on a metric or milestone key result: by its owner, its department's owners or a Jira admin. */
export async function checkIn(deps: AppDeps, s: Session, request: CheckInRequest): Promise<EditDone> {
  const kr = request.checkIn.kr;
  const entry = (requester: string): CheckIn => {
    const author = request.author ?? requester;
    return { ...request.checkIn, date: s.at.slice(0, 10), ...(author ? { author } : {}) };
  };
  return runEdit(deps, s, {
    cycle: request.cycle,
    editor: request.editor,
    target: (org) => {
      const department = ownerDepartmentOf(org, kr);
      return department === null ? null : { department, alsoOwners: krOwnersOf(org, kr) };
    },
    edit: (draft, context) => addCheckIn(draft.org, entry(context.requester)),
  });
}
