/**
 * What each authenticated web trigger call does: snapshots for the Teams service (departments,
 * company, one department, dependencies, agenda), a check-in from a Teams card, and completing
 * a connection. Answers are checked against the bridge contract before they leave.
 */
import { webTriggerResultSchemas, type Org, type WebTriggerRequest } from '@okr-bridge/core';
import { createKvsBridgeStore } from '../adapters/kvs-bridge-store';
import { addCheckIn, ownerDepartmentOf } from '../domain/edits';
import { evaluateStored } from '../domain/evaluate-stored';
import { companyViewOf, departmentViewOf, krViewIn } from '../domain/read-views';
import { computeDepartmentTrend } from '../domain/trend';
import { diffBridgeEvents, queueBridgeEvents } from '../app/bridge-events';
import type { AppDeps } from '../app/deps';
import { AppFailure } from '../app/failure';
import { mayCheckInAs } from '../app/permissions';
import { cycleOf, loadCycleOrg, requireSite, storeOrg, type Session } from '../app/session';

/** An expected refusal of the web trigger's own (not a resolver error): answered 403 with its code. */
export class BridgeRefusal extends Error {
  constructor(
    readonly code: 'not-allowed',
    message: string,
  ) {
    super(message);
    this.name = 'BridgeRefusal';
  }
}

export const CHECK_IN_NOT_ALLOWED = "only the key result's owner or the department's owners can check in";

/** The owner of key result `kr`: its own, else its objective's (as the panels' check-in allows). */
function krOwnersOf(org: Org, kr: string): string[] {
  return org.objectives.flatMap((o) => o.keyResults.filter((k) => k.id === kr).map((k) => k.owner ?? o.owner ?? '')).filter(Boolean);
}

/** Runs one authenticated, validated web trigger call and answers its data. */
export async function runAction(deps: AppDeps, s: Session, request: WebTriggerRequest, connection: string): Promise<unknown> {
  if (request.action === 'connect') {
    const site = await requireSite(s);
    const store = createKvsBridgeStore(deps.kvs);
    const secret = await store.loadConnection(connection);
    if (!secret) throw new AppFailure('not-found', 'unknown connection');
    await store.markConnected(connection, secret.secret);
    await s.repo.commit({ site: { ...site, teams: { status: 'connected', connection, eventsUrl: request.eventsUrl, tenantId: request.tenantId, connectedAt: s.at } } });
    // The connection replaced is revoked: its secret goes (after the commit, so the site never points at a deleted one).
    if (site.teams.status !== 'not-connected' && site.teams.connection !== connection) await store.deleteConnection(site.teams.connection);
    return webTriggerResultSchemas.connect.parse({ siteUrl: site.jira.baseUrl ?? '', siteName: site.company.name });
  }
  const site = await requireSite(s);
  const cycle = cycleOf(site, undefined);
  switch (request.action) {
    case 'departments':
      return webTriggerResultSchemas.departments.parse({
        company: { id: site.company.id, name: site.company.name },
        departments: site.departments.map((d) => ({ id: d.id, name: d.name, parent: d.parent ?? null, owners: d.owners })),
      });
    case 'department': {
      const input = await s.repo.loadDepartment(cycle, request.department);
      const view = input ? departmentViewOf(input, s.at) : null;
      if (!input || !view) throw new AppFailure('not-found', `no department ${request.department} in cycle ${cycle}`);
      // The trend travels with the view, so Teams draws what Jira draws (computed once, here).
      return webTriggerResultSchemas.department.parse({ ...view, trend: computeDepartmentTrend(input, s.at) });
    }
    case 'company':
    case 'dependencies': {
      const { org, metrics } = await loadCycleOrg(s, site, cycle);
      const { view } = companyViewOf(org, metrics, s.at);
      return request.action === 'company' ? webTriggerResultSchemas.company.parse(view) : webTriggerResultSchemas.dependencies.parse(view.dependencies);
    }
    case 'agenda': {
      const options = { ...(request.since ? { since: request.since } : {}), ...(request.minutes ? { minutes: request.minutes } : {}) };
      if (request.department === undefined) {
        const { org, metrics } = await loadCycleOrg(s, site, cycle);
        return webTriggerResultSchemas.agenda.parse(companyViewOf(org, metrics, s.at, options).agenda);
      }
      const input = await s.repo.loadDepartment(cycle, request.department);
      if (!input) throw new AppFailure('not-found', `no department ${request.department} in cycle ${cycle}`);
      const evaluation = evaluateStored(input.org, input.metrics, { at: s.at, agenda: { scope: { kind: 'department', id: request.department }, ...options } });
      return webTriggerResultSchemas.agenda.parse(evaluation.agenda);
    }
    case 'check-in': {
      const loaded = await loadCycleOrg(s, site, cycle);
      const department = ownerDepartmentOf(loaded.org, request.kr);
      if (department === null) throw new AppFailure('not-found', `no key result ${request.kr} in cycle ${cycle}`);
      if (!mayCheckInAs(site, krOwnersOf(loaded.org, request.kr), department, request.authorEmail, s.nowMs)) throw new BridgeRefusal('not-allowed', CHECK_IN_NOT_ALLOWED);
      const { action: _action, authorEmail: _email, ...fields } = request;
      const result = addCheckIn(loaded.org, { ...fields, date: s.at.slice(0, 10) });
      if (result.kind !== 'ok') throw new AppFailure(result.kind === 'not-found' ? 'not-found' : 'invalid-payload', result.message);
      const next = await storeOrg(s, site, loaded, result.org);
      await queueBridgeEvents(deps, next, diffBridgeEvents(loaded, { org: result.org, metrics: loaded.metrics }, s.at, deps.ids.id));
      const kr = krViewIn(result.org, loaded.metrics, s.at, request.kr);
      return webTriggerResultSchemas['check-in'].parse({ kr });
    }
  }
}
