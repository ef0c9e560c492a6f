/**
 * What each authenticated web trigger call does: snapshots for the Teams service (departments,
 * company, one department, dependencies, agenda), a check-in from a Teams card, completing
 * a connection, and linking a Teams user to a Jira account (`teams-links.ts`). Each answer carries the people its owners name (one cached lookup), and is
 * checked against the bridge contract before it leaves.
 */
import { webTriggerResultSchemas, type WebTriggerRequest } from '@okr-bridge/core';
import { createKvsBridgeStore } from '../adapters/kvs-bridge-store';
import { evaluateStored } from '../domain/evaluate-stored';
import { companyViewOf, departmentViewOf, krViewIn } from '../domain/read-views';
import { computeDepartmentTrend } from '../domain/trend';
import type { AppDeps } from '../app/deps';
import { checkIn } from '../app/edit-use-case';
import { AppFailure } from '../app/failure';
import { bridgePeopleOf } from '../app/people-cache';
import { linkedAccountOf, linkTeamsAccount, voidTeamsLinkCode } from '../app/teams-links';
import { cycleOf, loadCycleOrg, requireSite, retryOnConflict, type Session } from '../app/session';

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

/** Runs one authenticated, validated web trigger call and answers its data. */
export async function runAction(deps: AppDeps, s: Session, request: WebTriggerRequest, connection: string): Promise<unknown> {
  if (request.action === 'connect') {
    const store = createKvsBridgeStore(deps.kvs);
    const secret = await store.loadConnection(connection);
    if (!secret) throw new AppFailure('not-found', 'unknown connection');
    await store.markConnected(connection, secret.secret);
    const site = await retryOnConflict(async () => {
      const loaded = await requireSite(s);
      await s.repo.commit({ site: { ...loaded, teams: { status: 'connected', connection, eventsUrl: request.eventsUrl, tenantId: request.tenantId, connectedAt: s.at } } });
      return loaded;
    });
    // The connection replaced is revoked: its secret goes (after the commit, so the site never points at a deleted one).
    if (site.teams.status !== 'not-connected' && site.teams.connection !== connection) await store.deleteConnection(site.teams.connection);
    return webTriggerResultSchemas.connect.parse({ siteUrl: site.jira.baseUrl ?? '', siteName: site.company.name });
  }
  const site = await requireSite(s);
  const cycle = cycleOf(site, undefined);
  const withPeople = async <T extends object>(data: T) => ({ ...data, people: await bridgePeopleOf(deps, data, s.nowMs) });
  switch (request.action) {
    case 'departments':
      return webTriggerResultSchemas.departments.parse(
        await withPeople({
          company: { id: site.company.id, name: site.company.name },
          departments: site.departments.map((d) => ({ id: d.id, name: d.name, parent: d.parent ?? null, owners: d.owners })),
        }),
      );
    case 'department': {
      const input = await s.repo.loadDepartment(cycle, request.department);
      const view = input ? departmentViewOf(input, s.at) : null;
      if (!input || !view) throw new AppFailure('not-found', `no department ${request.department} in cycle ${cycle}`);
      // The trend travels with the view, so Teams draws what Jira draws (computed once, here).
      return webTriggerResultSchemas.department.parse(await withPeople({ ...view, trend: computeDepartmentTrend(input, s.at) }));
    }
    case 'company':
    case 'dependencies': {
      const { org, metrics } = await loadCycleOrg(s, site, cycle);
      const { view } = companyViewOf(org, metrics, s.at);
      if (request.action === 'company') return webTriggerResultSchemas.company.parse(await withPeople(view));
      // Asked without people, the list alone, as every earlier app answered.
      return webTriggerResultSchemas.dependencies.parse(request.withPeople ? await withPeople({ dependencies: view.dependencies }) : view.dependencies);
    }
    case 'agenda': {
      const options = { ...(request.since ? { since: request.since } : {}), ...(request.minutes ? { minutes: request.minutes } : {}) };
      if (request.department === undefined) {
        const { org, metrics } = await loadCycleOrg(s, site, cycle);
        return webTriggerResultSchemas.agenda.parse(await withPeople(companyViewOf(org, metrics, s.at, options).agenda));
      }
      const input = await s.repo.loadDepartment(cycle, request.department);
      if (!input) throw new AppFailure('not-found', `no department ${request.department} in cycle ${cycle}`);
      const evaluation = evaluateStored(input.org, input.metrics, { at: s.at, agenda: { scope: { kind: 'department', id: request.department }, ...options } });
      return webTriggerResultSchemas.agenda.parse(await withPeople(evaluation.agenda));
    }
    case 'link-account':
      return webTriggerResultSchemas['link-account'].parse(await linkTeamsAccount(deps, site, request, s.nowMs));
    case 'void-link-code':
      return webTriggerResultSchemas['void-link-code'].parse(await voidTeamsLinkCode(deps, request.code, s.nowMs));
    case 'check-in': {
      const { action: _action, authorEmail, authorAadObjectId, author, ...fields } = request;
      const linkedAccountId = await linkedAccountOf(deps, site, authorAadObjectId);
      try {
        const done = await checkIn(deps, s, { cycle, editor: { via: 'teams', email: authorEmail, ...(linkedAccountId ? { linkedAccountId } : {}) }, checkIn: fields, author });
        return webTriggerResultSchemas['check-in'].parse(await withPeople({ kr: krViewIn(done.org, done.metrics, s.at, request.kr) }));
      } catch (e) {
        if (e instanceof AppFailure && e.code === 'forbidden') throw new BridgeRefusal('not-allowed', CHECK_IN_NOT_ALLOWED);
        throw e;
      }
    }
  }
}
