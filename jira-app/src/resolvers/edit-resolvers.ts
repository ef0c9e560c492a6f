/**
 * Changes to a cycle's OKRs from the panels: objectives, key results, epic links, check-ins.
 * Each checks on the server that the caller may edit the department concerned, applies a pure
 * edit, validates the whole org with core, reads the children of newly linked epics (as the
 * app), stores the org and its derived records in one commit, and queues the signed events
 * the change causes.
 */
import type { EpicMetrics, KeyResult, Objective, Org } from '@okr-bridge/core';
import { issueSourceOf } from '../adapters/forge-issue-source';
import { addCheckIn, addKr, addObjective, deleteKr, deleteObjective, linkEpic, ownerDepartmentOf, unlinkEpic, updateKr, updateObjective, type EditResult } from '../domain/edits';
import { krViewIn } from '../domain/read-views';
import { diffBridgeEvents, queueBridgeEvents } from '../app/bridge-events';
import type { AppDeps } from '../app/deps';
import { AppFailure } from '../app/failure';
import { isNamedOwner, rememberAdmin, requireEditor } from '../app/permissions';
import { readNewEpics } from '../app/read-issues';
import { cycleOf, loadCycleOrg, requireSite, storeOrg, type Session } from '../app/session';
import { defineResolver } from './define';

/** How long a resolver may spend reading newly linked epics (Forge gives resolvers 25 s). */
const EPIC_READ_BUDGET_MS = 12_000;

interface EditSpec {
  readonly cycle: string | undefined;
  /** The department (or company id) whose OKRs change; null when the thing edited does not exist. */
  readonly department: (org: Org) => string | null;
  readonly edit: (org: Org) => EditResult;
  readonly readEpics?: boolean;
  /** Lets a key result's own owner check in without owning the department. */
  readonly allow?: (org: Org) => readonly string[];
}

async function applyEdit(deps: AppDeps, s: Session, accountId: string | undefined, spec: EditSpec): Promise<{ id: string; org: Org; metrics: EpicMetrics }> {
  const site = await requireSite(s);
  const cycle = cycleOf(site, spec.cycle);
  const loaded = await loadCycleOrg(s, site, cycle);
  const department = spec.department(loaded.org);
  const result0 = spec.edit(loaded.org);
  if (department === null || result0.kind === 'not-found') throw new AppFailure('not-found', result0.kind === 'not-found' ? result0.message : 'Nothing to change.');
  const allowed = spec.allow && isNamedOwner(site, spec.allow(loaded.org), accountId);
  const role = allowed ? 'owner' : await requireEditor(site, department, deps.jira.asUser, accountId);
  if (result0.kind === 'refused') throw new AppFailure('invalid-payload', result0.message);
  const metrics = spec.readEpics ? await readNewEpics(issueSourceOf(deps, 'asApp', s.nowMs + EPIC_READ_BUDGET_MS), result0.org, loaded.metrics, deps.clock, s.nowMs + EPIC_READ_BUDGET_MS) : loaded.metrics;
  const remember = role === 'admin' && accountId ? (x: typeof site) => rememberAdmin(x, accountId, true, s.nowMs) : undefined;
  const nextSite = await storeOrg(s, site, loaded, result0.org, { metrics, ...(remember ? { site: remember } : {}) });
  await queueBridgeEvents(deps, nextSite, diffBridgeEvents(loaded, { org: result0.org, metrics }, s.at, deps.ids.id));
  return { id: result0.id, org: result0.org, metrics };
}

const newId = (deps: AppDeps, prefix: string) => `${prefix}-${deps.ids.id().replace(/[^A-Za-z0-9]/g, '').slice(0, 10)}`;

export function editResolvers(deps: AppDeps) {
  return {
    createObjective: defineResolver(deps, 'createObjective', async ({ payload, session, accountId }) => {
      const objective = { ...payload.objective, id: payload.objective.id ?? newId(deps, 'o'), keyResults: [] } as Objective;
      return { id: (await applyEdit(deps, session, accountId, { cycle: payload.cycle, department: () => objective.department, edit: (org) => addObjective(org, objective) })).id };
    }),
    updateObjective: defineResolver(deps, 'updateObjective', async ({ payload, session, accountId }) => ({
      id: (await applyEdit(deps, session, accountId, { cycle: payload.cycle, department: (org) => ownerDepartmentOf(org, payload.id), edit: (org) => updateObjective(org, payload.id, payload.patch) })).id,
    })),
    deleteObjective: defineResolver(deps, 'deleteObjective', async ({ payload, session, accountId }) => ({
      id: (await applyEdit(deps, session, accountId, { cycle: payload.cycle, department: (org) => ownerDepartmentOf(org, payload.id), edit: (org) => deleteObjective(org, payload.id) })).id,
    })),
    createKr: defineResolver(deps, 'createKr', async ({ payload, session, accountId }) => {
      const kr = { ...payload.kr, id: payload.kr.id ?? newId(deps, 'kr') } as KeyResult;
      const spec = { cycle: payload.cycle, department: (org: Org) => ownerDepartmentOf(org, payload.objective), edit: (org: Org) => addKr(org, payload.objective, kr), readEpics: true };
      return { id: (await applyEdit(deps, session, accountId, spec)).id };
    }),
    updateKr: defineResolver(deps, 'updateKr', async ({ payload, session, accountId }) => {
      const kr = { ...payload.kr, id: payload.id } as KeyResult;
      return { id: (await applyEdit(deps, session, accountId, { cycle: payload.cycle, department: (org) => ownerDepartmentOf(org, payload.id), edit: (org) => updateKr(org, payload.id, kr), readEpics: true })).id };
    }),
    deleteKr: defineResolver(deps, 'deleteKr', async ({ payload, session, accountId }) => ({
      id: (await applyEdit(deps, session, accountId, { cycle: payload.cycle, department: (org) => ownerDepartmentOf(org, payload.id), edit: (org) => deleteKr(org, payload.id) })).id,
    })),
    linkEpic: defineResolver(deps, 'linkEpic', async ({ payload, session, accountId }) => ({
      id: (await applyEdit(deps, session, accountId, { cycle: payload.cycle, department: (org) => ownerDepartmentOf(org, payload.kr), edit: (org) => linkEpic(org, payload.kr, payload.epic, payload.measure), readEpics: true })).id,
    })),
    unlinkEpic: defineResolver(deps, 'unlinkEpic', async ({ payload, session, accountId }) => ({
      id: (await applyEdit(deps, session, accountId, { cycle: payload.cycle, department: (org) => ownerDepartmentOf(org, payload.kr), edit: (org) => unlinkEpic(org, payload.kr, payload.epic) })).id,
    })),
    checkIn: defineResolver(deps, 'checkIn', async ({ payload, session, accountId }) => {
      const site = await requireSite(session);
      const author = site.people.find((p) => p.accountId === accountId)?.name ?? accountId;
      const { cycle, kr: id, ...fields } = payload;
      const checkIn = { kr: id, date: session.at.slice(0, 10), ...fields, ...(author ? { author } : {}) };
      const owners = (org: Org) => org.objectives.flatMap((o) => o.keyResults.filter((k) => k.id === id).map((k) => k.owner ?? o.owner ?? '')).filter(Boolean);
      const done = await applyEdit(deps, session, accountId, { cycle, department: (org) => ownerDepartmentOf(org, id), edit: (org) => addCheckIn(org, checkIn), allow: owners });
      const kr = krViewIn(done.org, done.metrics, session.at, id);
      if (!kr) throw new Error(`broken invariant: key result ${id} vanished after its check-in`);
      return { kr };
    }),
  };
}
