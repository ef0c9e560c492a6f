/**
 * The OKR repository in memory: the reference the KVS adapter is held to by the shared
 * contract suite, and a store for unit tests of the functions. Values are copied in and out,
 * so callers never share objects with the store. Several repositories opened over one store
 * behave like concurrent invocations: each checks the revisions of the records it loaded.
 */
import { RevisionConflict, touchesViews, type OkrRepository, type RepositoryChange } from './okr-repository';
import { EMPTY_SYNC, generationOf, type CycleState, type DepartmentInput, type SiteRecord, type SyncState } from './records';

export interface MemoryOkrStore {
  readonly records: Map<string, { readonly rev: number; readonly value: unknown }>;
  commits: number;
  /** The last revision given out: revisions only grow, whichever repository writes. */
  rev: number;
}

export function createMemoryOkrStore(): MemoryOkrStore {
  return { records: new Map(), commits: 0, rev: 0 };
}

const copy = <T>(v: T): T => structuredClone(v);
const cycleKey = (cycle: string) => `cycle\n${cycle}`;
const deptKey = (cycle: string, department: string, generation?: string) => (generation === undefined ? `dept\n${cycle}\n${department}` : `dept\n${cycle}\n${generation}\n${department}`);

/** A repository over `store` (a new, empty store by default), as one invocation would open it. */
export function createMemoryOkrRepository(store: MemoryOkrStore = createMemoryOkrStore()): OkrRepository & { readonly commits: number } {
  /** Record key → the revision this repository loaded (0: it was absent). */
  const seen = new Map<string, number>();

  function load<T>(key: string): T | null {
    const found = store.records.get(key);
    seen.set(key, found?.rev ?? 0);
    return found ? copy(found.value as T) : null;
  }

  /** The site as this repository last loaded or committed it (undefined: not yet loaded). */
  let site: SiteRecord | null | undefined;
  const currentSite = () => (site === undefined ? (site = load<SiteRecord>('site')) : site);

  return {
    get commits() {
      return store.commits;
    },
    loadSite: async () => (site = load<SiteRecord>('site')),
    loadCycle: async (cycle) => load<CycleState>(cycleKey(cycle)),
    loadDepartment: async (cycle, department) => load<DepartmentInput>(deptKey(cycle, department, generationOf(currentSite(), cycle))),
    loadSync: async () => load<SyncState>('sync') ?? copy(EMPTY_SYNC),
    // Not a record a commit is checked against: it only tells open pages that something moved.
    loadStamp: async () => (store.records.get('stamp')?.value as string | undefined) ?? null,
    async commit(change: RepositoryChange) {
      const writes = new Map<string, unknown>();
      if (change.site) writes.set('site', change.site);
      for (const c of change.cycles ?? []) writes.set(cycleKey(c.cycle), c);
      const target = change.site ?? (change.departments?.length || change.dropDepartments?.length ? currentSite() : null);
      for (const d of change.departments ?? []) writes.set(deptKey(d.cycle, d.department, generationOf(target, d.cycle)), d);
      for (const d of change.dropDepartments ?? []) writes.set(deptKey(d.cycle, d.department, d.generation === undefined ? generationOf(target, d.cycle) : (d.generation ?? undefined)), null);
      for (const d of change.stage?.departments ?? []) writes.set(deptKey(d.cycle, d.department, change.stage!.generation), d);
      if (change.sync) writes.set('sync', change.sync);
      const changed = [...writes.keys()].filter((k) => seen.has(k) && seen.get(k) !== (store.records.get(k)?.rev ?? 0));
      if (changed.length > 0) throw new RevisionConflict(changed.map((k) => k.replaceAll('\n', ':')));
      store.commits += 1;
      for (const [key, value] of writes) {
        if (value === null) {
          store.records.delete(key);
          seen.set(key, 0);
          continue;
        }
        store.rev += 1;
        store.records.set(key, { rev: store.rev, value: copy(value) });
        seen.set(key, store.rev);
      }
      if (change.site) site = copy(change.site);
      if (touchesViews(change)) store.records.set('stamp', { rev: store.rev, value: `rev-${store.rev}-${store.commits}` });
    },
  };
}
