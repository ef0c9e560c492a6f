/**
 * The OKR repository over Forge's Key-Value Store. Keys (see jira-app/README.md):
 * `site#…`, `cycle:<cycle>#…`, `dept:<cycle>:<department>#…`, `sync#…`, each a chunked
 * record (`kvs-records.ts`) read with one query. A commit writes every record it changes in
 * one `kvs.transact()` when that fits KVS's limits, else in order (departments, cycles, site,
 * sync). A commit that changes what a view shows also rewrites the small `stamp` record in
 * the same transaction (a hash of what it wrote and the time), which open panels poll. The KVS
 * object (and the clock) come in as arguments.
 */
import { touchesViews, type OkrRepository, type RepositoryChange } from '../storage/okr-repository';
import { EMPTY_SYNC, type CycleState, type DepartmentInput, type SiteRecord, type SyncState } from '../storage/records';
import type { KvsLike } from './kvs-port';
import { encodeRecord, readRecord, writeChunks, type ChunkWrite } from './kvs-records';

export const KVS_KEYS = {
  site: 'site',
  sync: 'sync',
  stamp: 'stamp',
  cycle: (cycle: string) => `cycle:${cycle}`,
  department: (cycle: string, department: string) => `dept:${cycle}:${department}`,
} as const;

function checkVersion<T extends { version: unknown }>(base: string, value: T | undefined): T | null {
  if (value === undefined) return null;
  if (value.version !== 1) throw new Error(`broken invariant: the record ${base} has version ${String(value.version)}, expected 1`);
  return value;
}

/** FNV-1a over the written chunks: which content a stamp stands for. */
function fingerprint(writes: readonly ChunkWrite[]): string {
  let h = 0x811c9dc5;
  for (const w of writes) {
    const text = `${w.key}=${w.value === null ? '' : JSON.stringify(w.value)}`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(36);
}

interface StampRecord {
  readonly version: 1;
  readonly stamp: string;
}

/** Creates the KVS-backed repository. One instance per invocation: it remembers chunk counts it read. */
export function createKvsOkrRepository(kvs: KvsLike, nowMs: () => number = Date.now): OkrRepository {
  const counts = new Map<string, number>();

  async function load<T extends { version: unknown }>(base: string): Promise<T | null> {
    const found = await readRecord<T>(kvs, base);
    if (found) counts.set(base, found.count);
    return checkVersion(base, found?.value);
  }

  function write(base: string, value: unknown): ChunkWrite[] {
    const writes = encodeRecord(base, value, counts.get(base) ?? 0);
    counts.set(base, writes.filter((w) => w.value !== null).length);
    return writes;
  }

  return {
    loadSite: () => load<SiteRecord>(KVS_KEYS.site),
    loadCycle: (cycle) => load<CycleState>(KVS_KEYS.cycle(cycle)),
    loadDepartment: (cycle, department) => load<DepartmentInput>(KVS_KEYS.department(cycle, department)),
    async loadSync(): Promise<SyncState> {
      return (await load<SyncState>(KVS_KEYS.sync)) ?? EMPTY_SYNC;
    },
    async loadStamp(): Promise<string | null> {
      return (await load<StampRecord>(KVS_KEYS.stamp))?.stamp ?? null;
    },
    async commit(change: RepositoryChange): Promise<void> {
      const writes: ChunkWrite[] = [];
      for (const d of change.departments ?? []) writes.push(...write(KVS_KEYS.department(d.cycle, d.department), d));
      for (const d of change.dropDepartments ?? []) {
        const base = KVS_KEYS.department(d.cycle, d.department);
        const known = counts.get(base) ?? 1;
        for (let i = known - 1; i >= 0; i--) writes.push({ key: `${base}#${String(i).padStart(3, '0')}`, value: null });
        counts.delete(base);
      }
      for (const c of change.cycles ?? []) writes.push(...write(KVS_KEYS.cycle(c.cycle), c));
      if (change.site) writes.push(...write(KVS_KEYS.site, change.site));
      if (change.sync) writes.push(...write(KVS_KEYS.sync, change.sync));
      if (touchesViews(change)) writes.push(...write(KVS_KEYS.stamp, { version: 1, stamp: `${fingerprint(writes)}.${nowMs().toString(36)}` } satisfies StampRecord));
      if (writes.length > 0) await writeChunks(kvs, writes);
    },
  };
}
