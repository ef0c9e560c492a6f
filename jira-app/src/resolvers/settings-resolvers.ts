/**
 * The OKR settings page: settings, the org file in and out, the Teams connection. Jira admins
 * only (asked of Jira as the user on every call). Saving settings or importing an org file
 * rebuilds every derived record of the cycles concerned in one commit; an org file too large
 * for one call goes on through the queue (`app/import-org.ts`).
 */
import { emptyMetrics, encodeConnectionCode, parseOrg, validateOrg } from '@okr-bridge/core';
import { createTeamsLinkCode, teamsLinksOf, unlinkTeamsAccount } from '../app/teams-links';
import { stringify } from 'yaml';
import { createKvsBridgeStore } from '../adapters/kvs-bridge-store';
import type { SettingsView, TeamsConnection } from '../contract';
import { assembleOrg, emptySite } from '../domain/org-assembly';
import { planCycleWrite } from '../domain/rebuild';
import type { AppDeps } from '../app/deps';
import { AppFailure } from '../app/failure';
import { adminMemoryStale, askJiraAdmin, rememberAdmin, requireAdmin } from '../app/permissions';
import { cycleOf, requireSite, retryOnConflict } from '../app/session';
import type { CycleState, DepartmentInput, SiteRecord, SyncState } from '../storage/records';
import { importOrg, importProgressView, loadImportRecord } from '../app/import-org';
import { defineResolver } from './define';

export const CONNECTION_CODE_TTL_SECONDS = 15 * 60;

function teamsOf(site: SiteRecord, nowMs: number): TeamsConnection {
  const t = site.teams;
  if (t.status === 'connected') return { status: 'connected', eventsHost: new URL(t.eventsUrl).host, tenantId: t.tenantId, connectedAt: t.connectedAt };
  if (t.status === 'pending' && Date.parse(t.expiresAt) > nowMs) return { status: 'pending', expiresAt: t.expiresAt };
  return { status: 'not-connected' };
}

function settingsView(site: SiteRecord, sync: SyncState, configured: boolean, isAdmin: boolean, nowMs: number): SettingsView {
  return {
    configured,
    isAdmin,
    company: site.company,
    departments: site.departments,
    people: site.people,
    cycles: site.cycles,
    currentCycle: site.currentCycle,
    thresholds: site.settings.thresholds,
    statusWeights: site.settings.statusWeights,
    dueSoonDays: site.settings.dueSoonDays,
    jira: site.jira,
    teams: teamsOf(site, nowMs),
    sync: { lastReconcile: sync.lastReconcile, lastFullSweep: sync.lastFullSweep, lastDeliveryError: sync.lastDeliveryError },
  };
}

export function settingsResolvers(deps: AppDeps) {
  return {
    getSettings: defineResolver(deps, 'getSettings', async ({ session: s, accountId }) => {
      const isAdmin = accountId !== undefined && (await askJiraAdmin(deps.jira.asUser));
      // Jira just answered: remember it, so the panels show (or stop showing) edit controls on their next load.
      const site = await retryOnConflict(async () => {
        const loaded = await s.repo.loadSite();
        if (!loaded || accountId === undefined || !adminMemoryStale(loaded, accountId, isAdmin, s.nowMs)) return loaded;
        const remembered = rememberAdmin(loaded, accountId, isAdmin, s.nowMs);
        await s.repo.commit({ site: remembered });
        return remembered;
      });
      return settingsView(site ?? emptySite(), await s.repo.loadSync(), site !== null, isAdmin, s.nowMs);
    }),

    saveSettings: defineResolver(deps, 'saveSettings', async ({ payload, session: s, accountId }) => {
      const admin = await requireAdmin(deps.jira.asUser, accountId);
      const input = payload.settings;
      if (!input.cycles.some((c) => c.id === input.currentCycle)) throw new AppFailure('invalid-payload', `expected currentCycle to be one of the cycles (${input.cycles.map((c) => c.id).join(', ')}), got "${input.currentCycle}"`);
      const stored = await retryOnConflict(async () => {
        const before = (await s.repo.loadSite()) ?? emptySite();
        let site: SiteRecord = {
          ...before,
          company: input.company,
          departments: input.departments,
          people: input.people,
          cycles: input.cycles,
          currentCycle: input.currentCycle,
          jira: input.jira,
          settings: { ...before.settings, thresholds: input.thresholds, ...(input.statusWeights ? { statusWeights: input.statusWeights } : {}), ...(input.dueSoonDays !== undefined ? { dueSoonDays: input.dueSoonDays } : {}) },
          index: Object.fromEntries(Object.entries(before.index).filter(([c]) => input.cycles.some((x) => x.id === c))),
        };
        site = rememberAdmin(site, admin, true, s.nowMs);
        const change = { cycles: [] as CycleState[], departments: [] as DepartmentInput[], dropDepartments: [] as { cycle: string; department: string }[] };
        for (const cycle of input.cycles) {
          const state = await s.repo.loadCycle(cycle.id);
          const org = validateOrg(assembleOrg(site, cycle.id, state?.parts ?? { objectives: [], dependencies: [], checkIns: [], reviews: [] }));
          const plan = planCycleWrite(site, state, org, state?.metrics ?? emptyMetrics(), s.at);
          site = plan.nextSite;
          change.cycles.push(...plan.cycles);
          change.departments.push(...(plan.departments ?? []));
          change.dropDepartments.push(...(plan.dropDepartments ?? []));
        }
        await s.repo.commit({ ...change, site });
        return site;
      });
      return settingsView(stored, await s.repo.loadSync(), true, true, s.nowMs);
    }),

    importOrg: defineResolver(deps, 'importOrg', async ({ payload, session: s, accountId }) => {
      const admin = await requireAdmin(deps.jira.asUser, accountId);
      const org = parseOrg(payload.text, 'org.yaml');
      const epics = new Set(org.objectives.flatMap((o) => o.keyResults.flatMap((k) => (k.kind === 'jira' ? k.epics : []))));
      const counts = {
        departments: org.departments.length,
        objectives: org.objectives.length,
        keyResults: org.objectives.reduce((n, o) => n + o.keyResults.length, 0),
        dependencies: org.dependencies.length,
        epics: epics.size,
      };
      if (payload.dryRun) return { cycle: org.cycle.id, dryRun: true, counts };
      return importOrg(deps, s, admin, org, counts);
    }),

    // One small KVS read and no Jira call: the settings page asks it every few seconds while an import runs.
    getImportProgress: defineResolver(deps, 'getImportProgress', async ({ session: s }) => importProgressView(await loadImportRecord(deps.kvs), s.nowMs)),

    exportOrg: defineResolver(deps, 'exportOrg', async ({ payload, session: s }) => {
      const site = await requireSite(s);
      const cycle = cycleOf(site, payload.cycle);
      const state = await s.repo.loadCycle(cycle);
      const org = assembleOrg(site, cycle, state?.parts ?? { objectives: [], dependencies: [], checkIns: [], reviews: [] });
      return { fileName: `okrs-${cycle}.yaml`, text: stringify(org, { lineWidth: 0 }) };
    }),

    createConnectionCode: defineResolver(deps, 'createConnectionCode', async ({ session: s, accountId }) => {
      const admin = await requireAdmin(deps.jira.asUser, accountId);
      const site = rememberAdmin(await requireSite(s), admin, true, s.nowMs);
      const connection = deps.ids.id();
      const secret = deps.ids.secret();
      const expiresAt = new Date(s.nowMs + CONNECTION_CODE_TTL_SECONDS * 1000).toISOString();
      const url = await deps.webTriggerUrl();
      await createKvsBridgeStore(deps.kvs).savePending(connection, secret, expiresAt, CONNECTION_CODE_TTL_SECONDS);
      await s.repo.commit({ site: { ...site, teams: site.teams.status === 'connected' ? site.teams : { status: 'pending', connection, expiresAt } } });
      const code = encodeConnectionCode({ v: 1, url, connection, secret, site: site.jira.baseUrl ?? site.company.name, expiresAt });
      return { code, expiresAt, webTriggerUrl: url };
    }),

    createTeamsLinkCode: defineResolver(deps, 'createTeamsLinkCode', async ({ session: s, accountId }) => createTeamsLinkCode(deps, await requireSite(s), accountId, s.nowMs)),
    getTeamsLinks: defineResolver(deps, 'getTeamsLinks', async ({ session: s, accountId }) => teamsLinksOf(deps, await requireSite(s), accountId)),
    unlinkTeams: defineResolver(deps, 'unlinkTeams', async ({ payload, session: s, accountId }) => unlinkTeamsAccount(deps, await requireSite(s), accountId, payload.aadObjectId)),

    disconnectTeams: defineResolver(deps, 'disconnectTeams', async ({ session: s, accountId }) => {
      const admin = await requireAdmin(deps.jira.asUser, accountId);
      const site = rememberAdmin(await requireSite(s), admin, true, s.nowMs);
      if (site.teams.status !== 'not-connected') await createKvsBridgeStore(deps.kvs).deleteConnection(site.teams.connection);
      await s.repo.commit({ site: { ...site, teams: { status: 'not-connected' } } });
      return { status: 'not-connected' };
    }),
  };
}
