/**
 * The OKR repository in memory: the reference the KVS adapter is held to by the shared
 * contract suite, and a store for unit tests of the functions. Values are copied in and out,
 * so callers never share objects with the store.
 */
import { touchesViews, type OkrRepository, type RepositoryChange } from './okr-repository';
import { EMPTY_SYNC, type CycleState, type DepartmentInput, type SiteRecord, type SyncState } from './records';

export function createMemoryOkrRepository(): OkrRepository & { readonly commits: number } {
  let site: SiteRecord | null = null;
  let sync: SyncState = EMPTY_SYNC;
  const cycles = new Map<string, CycleState>();
  const departments = new Map<string, DepartmentInput>();
  const copy = <T>(v: T): T => structuredClone(v);
  const state = { commits: 0 };
  let stamp: string | null = null;
  return {
    get commits() {
      return state.commits;
    },
    loadSite: async () => (site ? copy(site) : null),
    loadCycle: async (cycle) => copy(cycles.get(cycle) ?? null),
    loadDepartment: async (cycle, department) => copy(departments.get(`${cycle}\n${department}`) ?? null),
    loadSync: async () => copy(sync),
    loadStamp: async () => stamp,
    async commit(change: RepositoryChange) {
      state.commits += 1;
      if (change.site) site = copy(change.site);
      for (const c of change.cycles ?? []) cycles.set(c.cycle, copy(c));
      for (const d of change.departments ?? []) departments.set(`${d.cycle}\n${d.department}`, copy(d));
      for (const d of change.dropDepartments ?? []) departments.delete(`${d.cycle}\n${d.department}`);
      if (change.sync) sync = copy(change.sync);
      if (touchesViews(change)) stamp = `commit-${state.commits}`;
    },
  };
}
