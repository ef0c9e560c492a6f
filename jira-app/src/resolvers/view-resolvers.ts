/**
 * The panel loads. Each reads the site record and one more (a department's precomputed input,
 * or the cycle for company-wide views) and calls Jira not at all; `explainKr` alone reads the
 * issues behind a number from Jira, as the user, so it shows only what they may see.
 */
import { reconcileFields } from '@okr-bridge/core';
import { issueSourceOf } from '../adapters/forge-issue-source';
import type { AlignableKr, CycleOption, DepartmentOption } from '../contract';
import { companyViewOf, departmentViewOf, epicViewOf } from '../domain/read-views';
import { computeDepartmentTrend } from '../domain/trend';
import type { AppDeps } from '../app/deps';
import { AppFailure } from '../app/failure';
import { isCachedAdmin } from '../app/permissions';
import { showsEditControls } from '../domain/edit-rights';
import { cycleOf, loadCycleOrg, requireSite, type Session } from '../app/session';
import type { DepartmentInput, SiteRecord } from '../storage/records';

/** Resolvers get 25 s; the Jira reads of one stop well before. */
const RESOLVER_JIRA_BUDGET_MS = 15_000;
import { defineResolver } from './define';

export function cycleOptions(site: SiteRecord): CycleOption[] {
  return site.cycles.map((c) => ({ id: c.id, name: c.name ?? null, start: c.start, end: c.end, current: c.id === site.currentCycle }));
}

export function departmentOptions(site: SiteRecord): DepartmentOption[] {
  return site.departments.map((d) => ({ id: d.id, name: d.name, jiraProjects: d.jiraProjects }));
}

function mayEdit(site: SiteRecord, department: string, accountId: string | undefined, nowMs: number): boolean {
  return showsEditControls(site, accountId, department, nowMs);
}

function alignableKrs(site: SiteRecord, cycle: string, except: string | null): AlignableKr[] {
  const index = site.index[cycle];
  if (!index) return [];
  const title = new Map(index.objectives.map((o) => [o.id, o.title]));
  const name = (d: string) => (d === site.company.id ? site.company.name : (site.departments.find((x) => x.id === d)?.name ?? d));
  return index.krs
    .filter((k) => k.department !== except)
    .map((k) => ({ id: k.id, title: k.title, objective: k.objective, objectiveTitle: title.get(k.objective) ?? k.objective, department: k.department, departmentName: name(k.department) }));
}

async function departmentInput(s: Session, cycle: string, department: string): Promise<DepartmentInput> {
  const input = await s.repo.loadDepartment(cycle, department);
  if (!input) throw new AppFailure('not-found', `No OKRs are stored for department ${department} in cycle ${cycle}; a Jira admin can import them in OKR settings.`);
  return input;
}

export function viewResolvers(deps: AppDeps) {
  return {
    // One small KVS read, no Jira call: open panels ask it every few seconds.
    getVersion: defineResolver(deps, 'getVersion', async ({ session: s }) => ({ stamp: await s.repo.loadStamp() })),
    getDepartmentView: defineResolver(deps, 'getDepartmentView', async ({ payload, session: s, accountId }) => {
      const site = await s.repo.loadSite();
      if (!site || site.cycles.length === 0) return { kind: 'not-configured', isAdmin: site ? isCachedAdmin(site, accountId, s.nowMs) : false };
      const department = site.departments.find((d) => d.jiraProjects.includes(payload.projectKey));
      if (!department) return { kind: 'unmapped', projectKey: payload.projectKey, departments: departmentOptions(site), isAdmin: isCachedAdmin(site, accountId, s.nowMs) };
      const cycle = cycleOf(site, payload.cycle);
      const input = await departmentInput(s, cycle, department.id);
      const view = departmentViewOf(input, s.at);
      if (!view) throw new AppFailure('not-found', `No department ${department.id} in cycle ${cycle}.`);
      const trend = computeDepartmentTrend(input, s.at);
      return { kind: 'department', view, cycles: cycleOptions(site), canEdit: mayEdit(site, department.id, accountId, s.nowMs), alignable: alignableKrs(site, cycle, department.id), trend };
    }),

    getEpicView: defineResolver(deps, 'getEpicView', async ({ payload, session: s, accountId }) => {
      const site = await s.repo.loadSite();
      if (!site || site.cycles.length === 0) return { kind: 'not-configured', isAdmin: false };
      const cycle = cycleOf(site, payload.cycle);
      const index = site.index[cycle];
      const linkedKrs = new Set(index?.epics[payload.issueKey]?.krs ?? []);
      const owners = [...new Set((index?.krs ?? []).filter((k) => linkedKrs.has(k.id)).map((k) => k.department).filter((d) => d !== site.company.id))];
      const inputs = await Promise.all(owners.map((d) => departmentInput(s, cycle, d)));
      const view = epicViewOf(inputs, payload.issueKey, s.at);
      const edit = (d: string) => mayEdit(site, d, accountId, s.nowMs);
      return {
        kind: 'epic',
        view,
        cycles: cycleOptions(site),
        linkable: alignableKrs(site, cycle, null)
          .filter((k) => edit(k.department) && index?.krs.find((x) => x.id === k.id)?.kind === 'jira')
          .map((k) => ({ ...k, linked: linkedKrs.has(k.id) })),
        objectives: (index?.objectives ?? []).filter((o) => edit(o.department)),
        canEdit: Object.fromEntries((index?.krs ?? []).filter((k) => linkedKrs.has(k.id)).map((k) => [k.id, edit(k.department)])),
      };
    }),

    getCompanyView: defineResolver(deps, 'getCompanyView', async ({ payload, session: s, accountId }) => {
      const site = await s.repo.loadSite();
      if (!site || site.cycles.length === 0) return { kind: 'not-configured', isAdmin: false };
      const cycle = cycleOf(site, payload.cycle);
      const { org, metrics } = await loadCycleOrg(s, site, cycle);
      const { view, agenda } = companyViewOf(org, metrics, s.at);
      return { kind: 'company', view, agenda, cycles: cycleOptions(site), isAdmin: isCachedAdmin(site, accountId, s.nowMs) };
    }),

    getGadgetView: defineResolver(deps, 'getGadgetView', async ({ payload, session: s }) => {
      const site = await s.repo.loadSite();
      if (!site || site.cycles.length === 0) return { kind: 'not-configured', departments: [] };
      const cycle = cycleOf(site, payload.cycle);
      if (payload.scope.kind === 'company') {
        const { org, metrics } = await loadCycleOrg(s, site, cycle);
        return { kind: 'company', view: companyViewOf(org, metrics, s.at).view, departments: departmentOptions(site) };
      }
      const view = departmentViewOf(await departmentInput(s, cycle, payload.scope.department), s.at);
      if (!view) throw new AppFailure('not-found', `No department ${payload.scope.department} in cycle ${cycle}.`);
      return { kind: 'department', view, departments: departmentOptions(site) };
    }),

    explainKr: defineResolver(deps, 'explainKr', async ({ payload, session: s }) => {
      const site = await requireSite(s);
      const cycle = cycleOf(site, payload.cycle);
      const entry = site.index[cycle]?.krs.find((k) => k.id === payload.kr);
      if (!entry) throw new AppFailure('not-found', `No key result ${payload.kr} in cycle ${cycle}.`);
      let kr;
      if (entry.department === site.company.id) {
        const { org, metrics } = await loadCycleOrg(s, site, cycle);
        kr = companyViewOf(org, metrics, s.at, {}, { keepIssues: true }).view.tree.flatMap((n) => n.objective.keyResults).find((k) => k.id === payload.kr);
      } else {
        const view = departmentViewOf(await departmentInput(s, cycle, entry.department), s.at, { keepIssues: true });
        kr = view?.objectives.flatMap((o) => o.keyResults).find((k) => k.id === payload.kr);
      }
      if (!kr) throw new AppFailure('not-found', `No key result ${payload.kr} in cycle ${cycle}.`);
      const counted = kr.explain.issues ?? [];
      // Only what the caller may see in Jira: bulk fetch as the user answers visible issues only.
      const visible = counted.length === 0 ? [] : await issueSourceOf(deps, 'asUser', s.nowMs + RESOLVER_JIRA_BUDGET_MS).fetchIssues(counted.map((i) => i.key), reconcileFields());
      const summaries = new Map(visible.map((v) => [v.key, v.fields.summary ?? '']));
      const issues = counted.filter((i) => summaries.has(i.key)).map((i) => ({ ...i, summary: summaries.get(i.key)! }));
      const { issues: _all, ...explain } = kr.explain;
      return { kr: { ...kr, explain }, rule: kr.explain.rule, issues, hiddenIssues: counted.length - issues.length };
    }),
  };
}
