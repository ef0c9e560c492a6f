/**
 * The OKR repository over Forge's Key-Value Store. Keys (see jira-app/README.md):
 * `site#…`, `cycle:<cycle>#…`, `dept:<cycle>:<department>#…` (`dept:<cycle>:<generation>:<department>#…`
 * once an import through the queue gave the cycle a new generation), `sync#…`, each a chunked
 * record (`kvs-records.ts`) read with one query. A commit writes every record it changes in
 * one `kvs.transact()` when that fits KVS's limits, else the records it did not load first
 * and the ones it loaded last, together, guarded by their revisions (`kvs-revisions.ts`): a
 * record this repository loaded is written only if no one wrote it since. The KVS object
 * comes in as an argument. A commit that changes what a view shows also rewrites the small
 * `stamp` record with it (a hash of the revisions it wrote and the time), which open panels
 * poll (`loadStamp`).
 */
import { touchesViews, type OkrRepository, type RepositoryChange } from '../storage/okr-repository';
import { EMPTY_SYNC, generationOf, type CycleState, type DepartmentInput, type SiteRecord, type SyncState } from '../storage/records';
import type { KvsLike } from './kvs-port';
import { encodeRecord, readRecord, revisionOf, type ChunkWrite } from './kvs-records';
import { commitGuarded, type GuardedRecord } from './kvs-revisions';

export const KVS_KEYS = {
  site: 'site',
  sync: 'sync',
  stamp: 'stamp',
  cycle: (cycle: string) => `cycle:${cycle}`,
  /** Ids never hold ":", so a generation's keys never meet another department's. */
  department: (cycle: string, department: string, generation?: string) => (generation === undefined ? `dept:${cycle}:${department}` : `dept:${cycle}:${generation}:${department}`),
} as const;

function checkVersion<T extends { version: unknown }>(base: string, value: T | undefined): T | null {
  if (value === undefined) return null;
  if (value.version !== 1) throw new Error(`broken invariant: the record ${base} has version ${String(value.version)}, expected 1`);
  return value;
}

interface StampRecord {
  readonly version: 1;
  readonly stamp: string;
}

/** Creates the KVS-backed repository. One instance per invocation: it remembers the chunk counts and revisions it read. */
export function createKvsOkrRepository(kvs: KvsLike, nowMs: () => number = Date.now): OkrRepository {
  const counts = new Map<string, number>();
  /** Base key → the revision loaded (null: absent). */
  const seen = new Map<string, string | null>();

  async function load<T extends { version: unknown }>(base: string): Promise<T | null> {
    const found = await readRecord<T>(kvs, base);
    if (found) counts.set(base, found.count);
    seen.set(base, found?.rev ?? null);
    return checkVersion(base, found?.value);
  }

  /** The site as this repository last loaded or committed it (undefined: not yet loaded). */
  let site: SiteRecord | null | undefined;
  const currentSite = async () => (site === undefined ? (site = await load<SiteRecord>(KVS_KEYS.site)) : site);

  const others: ChunkWrite[] = [];
  const guarded: GuardedRecord[] = [];

  /** Queues the chunks of one record: guarded by its revision when loaded, else written as given. */
  function write(base: string, value: unknown): void {
    const writes = encodeRecord(base, value, counts.get(base) ?? 0);
    counts.set(base, writes.filter((w) => w.value !== null).length);
    // Chunk 0 (written last) carries the revision encodeRecord computed.
    guarded.push({ guard: { base, expected: seen.get(base), next: writes[writes.length - 1]!.value!.rev }, writes });
  }

  return {
    loadSite: async () => (site = await load<SiteRecord>(KVS_KEYS.site)),
    loadCycle: (cycle) => load<CycleState>(KVS_KEYS.cycle(cycle)),
    loadDepartment: async (cycle, department) => load<DepartmentInput>(KVS_KEYS.department(cycle, department, generationOf(await currentSite(), cycle))),
    async loadSync(): Promise<SyncState> {
      return (await load<SyncState>(KVS_KEYS.sync)) ?? EMPTY_SYNC;
    },
    async loadStamp(): Promise<string | null> {
      const found = await readRecord<StampRecord>(kvs, KVS_KEYS.stamp);
      if (found) counts.set(KVS_KEYS.stamp, found.count);
      return checkVersion(KVS_KEYS.stamp, found?.value)?.stamp ?? null;
    },
    async commit(change: RepositoryChange): Promise<void> {
      others.length = 0;
      guarded.length = 0;
      const target = change.site ?? (change.departments?.length || change.dropDepartments?.length ? await currentSite() : null);
      // Department records are derived from their cycle (written in the same commit): written as given.
      const plain = (base: string, d: DepartmentInput) => {
        const writes = encodeRecord(base, d, counts.get(base) ?? 0);
        counts.set(base, writes.filter((w) => w.value !== null).length);
        others.push(...writes);
      };
      for (const d of change.departments ?? []) plain(KVS_KEYS.department(d.cycle, d.department, generationOf(target, d.cycle)), d);
      for (const d of change.stage?.departments ?? []) plain(KVS_KEYS.department(d.cycle, d.department, change.stage!.generation), d);
      for (const d of change.dropDepartments ?? []) {
        const base = KVS_KEYS.department(d.cycle, d.department, d.generation === undefined ? generationOf(target, d.cycle) : (d.generation ?? undefined));
        const known = counts.get(base) ?? 1;
        for (let i = known - 1; i >= 0; i--) others.push({ key: `${base}#${String(i).padStart(3, '0')}`, value: null });
        counts.delete(base);
      }
      for (const c of change.cycles ?? []) write(KVS_KEYS.cycle(c.cycle), c);
      if (change.site) write(KVS_KEYS.site, change.site);
      if (change.sync) write(KVS_KEYS.sync, change.sync);
      if (others.length + guarded.length === 0) return;
      if (touchesViews(change)) {
        // Not guarded: the stamp only tells open pages that something moved, whoever wrote last.
        const wrote = [...others, ...guarded.flatMap((g) => g.writes)].map((w) => (w.value === null ? `-${w.key}` : `${w.key}@${w.value.rev}`));
        const stamp: StampRecord = { version: 1, stamp: `${revisionOf(wrote)}.${nowMs().toString(36)}` };
        const writes = encodeRecord(KVS_KEYS.stamp, stamp, counts.get(KVS_KEYS.stamp) ?? 0);
        counts.set(KVS_KEYS.stamp, writes.filter((w) => w.value !== null).length);
        others.push(...writes);
      }
      await commitGuarded(kvs, others, guarded);
      for (const { guard } of guarded) seen.set(guard.base, guard.next);
      if (change.site) site = change.site;
    },
  };
}
