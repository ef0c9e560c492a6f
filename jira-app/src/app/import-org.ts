/**
 * Importing an org file into a cycle. The whole file is parsed and validated in the resolver
 * first: a located error before anything is written. A file of at most
 * `INLINE_IMPORT_MAX_DEPARTMENTS` departments is then stored in that invocation, in one commit.
 * A larger one goes on through the queue: the resolver stages the validated org (with the
 * metrics stored at that moment) in a chunked record, records the import's progress and pushes
 * a job; the consumer writes the department records in batches into a new generation that no
 * reader sees, recording progress after each batch and pushing itself again from its
 * checkpoint when its budget runs out, then switches the cycle to the new generation in the one
 * commit that stores the cycle and the site (so readers see the previous org whole until then,
 * and the new one whole after), and drops the previous generation's records. One import runs
 * at a time: each claims a lock first (atomically), which a queued import holds to its end.
 *
 * What it does not do: stop a concurrent edit of the cycle during the import (the switch
 * replaces the cycle's org, as an inline import does; metrics that moved meanwhile come back
 * with the full reconcile queued after the switch); delete the staged records of an import that
 * failed (no generation points at them, so no reader sees them).
 */
import { emptyMetrics, type EpicMetrics, type Org } from '@okr-bridge/core';
import { z } from 'zod';
import type { Imported, ImportProgressView } from '../contract';
import { chunkKey, encodeRecord, readRecord, writeChunks } from '../adapters/kvs-records';
import type { KvsLike } from '../adapters/kvs-port';
import { buildDepartmentInputs } from '../domain/department-inputs';
import { emptySite } from '../domain/org-assembly';
import { planCycleWrite } from '../domain/rebuild';
import { generationOf, type SiteRecord } from '../storage/records';
import type { AppDeps } from './deps';
import { AppFailure } from './failure';
import { rememberAdmin } from './permissions';
import { openSession, retryOnConflict, type Session } from './session';

/**
 * The most departments an import stores within the resolver's invocation (Forge stops a
 * resolver at 25 s). Measured with bench/org.ts on the local Forge host: storing 2,000 flat
 * departments in the resolver's call took 3.7 s (1,000: under 2 s), and a loaded machine made
 * imports 2.7× slower; with the parse and validation in the same call, 1,000 departments keep
 * it several times inside 25 s. The cost grows with departments (one record each, written 25
 * to a KVS transaction), so larger files go on in the queue, where a consumer has 900 s.
 */
export const INLINE_IMPORT_MAX_DEPARTMENTS = 1000;
/** Department records per commit of a queued import (about 8 KVS transactions), progress recorded after each. */
export const IMPORT_BATCH_DEPARTMENTS = 200;
/** A running import whose progress has not moved for this long was cut off (Forge stops a consumer at 900 s): another may start. */
export const IMPORT_STALE_MS = 20 * 60_000;
/** The consumer's budget for one continuation (Forge: 900 s with `timeoutSeconds`; a margin for the switch). */
export const IMPORT_BUDGET_MS = 600_000;

export const IMPORT_PROGRESS_KEY = 'import-progress';
/**
 * Held while an import is stored (claimed atomically, so two imports started at the same moment
 * cannot both run), refreshed after each batch; its TTL frees it when a consumer was cut off.
 */
export const IMPORT_LOCK_KEY = 'import-lock';
const LOCK_TTL = { value: IMPORT_STALE_MS / 60_000, unit: 'MINUTES' } as const;
const stagedKey = (id: string) => `import-org:${id}`;

export const importJobSchema = z.strictObject({
  kind: z.literal('import'),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** Departments already written to the new generation. */
  offset: z.number().int().min(0),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** The progress record of the last import through the queue (one at a time per site). */
export interface ImportRecord {
  readonly version: 1;
  readonly id: string;
  readonly cycle: string;
  readonly generation: string;
  /** The Jira admin who asked for it (remembered as admin when the import switches). */
  readonly admin: string;
  readonly status: 'running' | 'finished' | 'failed';
  readonly done: number;
  readonly total: number;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly finishedAt?: string;
  readonly message?: string;
}

interface Staged {
  readonly org: Org;
  readonly metrics: EpicMetrics;
}

export async function loadImportRecord(kvs: KvsLike): Promise<ImportRecord | null> {
  return (await kvs.get<ImportRecord>(IMPORT_PROGRESS_KEY)) ?? null;
}

/** What the settings page shows of the last import through the queue (at `nowMs`: one that stopped moving long ago was cut off). */
export function importProgressView(record: ImportRecord | null, nowMs: number): ImportProgressView {
  if (!record) return { status: 'none' };
  const { cycle, done, total, startedAt } = record;
  if (record.status === 'running' && nowMs - Date.parse(record.updatedAt) > IMPORT_STALE_MS) {
    const message = `The import stopped after ${done} of ${total} departments without finishing; the previous OKRs of cycle ${cycle} are still the current ones. Import the file again.`;
    return { cycle, status: 'failed', done, total, startedAt, message };
  }
  const { status } = record;
  return { cycle, status, done, total, startedAt, ...(record.finishedAt ? { finishedAt: record.finishedAt } : {}), ...(record.message ? { message: record.message } : {}) };
}

/** Claims the import lock for `id`, or refuses with what is running. */
async function claimImport(kvs: KvsLike, id: string): Promise<void> {
  try {
    await kvs.set(IMPORT_LOCK_KEY, { id }, { keyPolicy: 'FAIL_IF_EXISTS', ttl: LOCK_TTL });
    return;
  } catch (e) {
    // KVS refuses an existing key with an error; any other failure is passed on.
    if ((await kvs.get(IMPORT_LOCK_KEY)) === undefined) throw e;
  }
  const record = await loadImportRecord(kvs);
  if (record?.status === 'running') throw new AppFailure('conflict', `An import of cycle ${record.cycle} is running (${record.done} of ${record.total} departments written, started ${record.startedAt}); wait for it to finish, then import again.`);
  throw new AppFailure('conflict', 'Another import is being stored at this moment; wait for it to finish, then import again.');
}

async function releaseImport(kvs: KvsLike, id: string): Promise<void> {
  if ((await kvs.get<{ id: string }>(IMPORT_LOCK_KEY))?.id === id) await kvs.delete(IMPORT_LOCK_KEY);
}

const fullReconcile = (s: Session, cycle: string) => ({ body: { kind: 'reconcile', mode: 'full', startedAt: s.at, cycles: [cycle], cycleIndex: 0, queryIndex: 0 } });

/** Stores the validated `org` for `admin`: in this invocation when small, else through the queue. */
export async function importOrg(deps: AppDeps, s: Session, admin: string, org: Org, counts: Imported['counts']): Promise<Imported> {
  const id = deps.ids.id().replace(/[^A-Za-z0-9_-]/g, '');
  await claimImport(deps.kvs, id);
  let queued = false;
  try {
    const site = (await s.repo.loadSite()) ?? emptySite();
    const state = await s.repo.loadCycle(org.cycle.id);
    const metrics = state?.metrics ?? emptyMetrics();
    if (org.departments.length <= INLINE_IMPORT_MAX_DEPARTMENTS) {
      const { nextSite: _next, ...change } = planCycleWrite(site, state, org, metrics, s.at, { site: (x) => rememberAdmin(x, admin, true, s.nowMs) });
      await s.repo.commit(change);
      // The epics' issues come with a full reconcile, queued: an import may link thousands.
      await deps.queue.push([fullReconcile(s, org.cycle.id)]);
      return { cycle: org.cycle.id, dryRun: false, counts };
    }
    await writeChunks(deps.kvs, encodeRecord(stagedKey(id), { org, metrics } satisfies Staged));
    const record: ImportRecord = { version: 1, id, cycle: org.cycle.id, generation: `g${id}`, admin, status: 'running', done: 0, total: org.departments.length, startedAt: s.at, updatedAt: s.at };
    await deps.kvs.set(IMPORT_PROGRESS_KEY, record);
    await deps.queue.push([{ body: { kind: 'import', id, offset: 0 } satisfies ImportJob }]);
    queued = true;
    return { cycle: org.cycle.id, dryRun: false, counts, queued: true };
  } finally {
    // A queued import keeps the lock until its consumer ends it.
    if (!queued) await releaseImport(deps.kvs, id);
  }
}

export type ImportReport = { readonly kind: 'continued'; readonly offset: number } | { readonly kind: 'finished' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'skipped'; readonly reason: string };

/** The site with cycle `cycle` switched to `generation` and `admin` remembered. */
function switched(site: SiteRecord, cycle: string, generation: string, admin: string, nowMs: number): SiteRecord {
  const index = site.index[cycle]!;
  return rememberAdmin({ ...site, index: { ...site.index, [cycle]: { ...index, generation } } }, admin, true, nowMs);
}

/** Runs (or resumes) a queued import within `budgetMs`, pushing itself again from its checkpoint when time runs out. */
export async function runImportJob(deps: AppDeps, job: ImportJob, budgetMs: number): Promise<ImportReport> {
  const s = openSession(deps);
  const deadline = s.nowMs + budgetMs;
  let record = await loadImportRecord(deps.kvs);
  if (!record || record.id !== job.id || record.status !== 'running') return { kind: 'skipped', reason: `import ${job.id} is not running` };
  const save = async (next: ImportRecord) => {
    record = next;
    await deps.kvs.set(IMPORT_PROGRESS_KEY, next);
    if (next.status === 'running') await deps.kvs.set(IMPORT_LOCK_KEY, { id: job.id }, { ttl: LOCK_TTL });
    else await releaseImport(deps.kvs, job.id);
  };
  try {
    const staged = await readRecord<Staged>(deps.kvs, stagedKey(job.id));
    if (!staged) throw new AppFailure('not-found', 'the staged org file is gone');
    const { org, metrics } = staged.value;
    // Built from the staged org and metrics at the import's start: the same in every continuation.
    const inputs = buildDepartmentInputs(org, metrics, record.startedAt);
    for (let at = job.offset; at < inputs.length; at += IMPORT_BATCH_DEPARTMENTS) {
      if (at > job.offset && deps.clock() >= deadline) {
        await deps.queue.push([{ body: { ...job, offset: at } satisfies ImportJob }]);
        return { kind: 'continued', offset: at };
      }
      await s.repo.commit({ stage: { generation: record.generation, departments: inputs.slice(at, at + IMPORT_BATCH_DEPARTMENTS) } });
      await save({ ...record, done: Math.min(at + IMPORT_BATCH_DEPARTMENTS, inputs.length), updatedAt: new Date(deps.clock()).toISOString() });
    }
    const { generation, admin } = record;
    const previous = await retryOnConflict(async () => {
      const repo = openSession(deps).repo;
      const site = (await repo.loadSite()) ?? emptySite();
      const state = await repo.loadCycle(org.cycle.id);
      const plan = planCycleWrite(site, state, org, metrics, record!.startedAt, { inputs, site: (x) => switched(x, org.cycle.id, generation, admin, deps.clock()) });
      await repo.commit({ site: plan.nextSite, cycles: plan.cycles });
      return { generation: generationOf(site, org.cycle.id) ?? null, departments: Object.keys(state?.views ?? {}) };
    });
    // The previous generation: no reader finds it any more.
    const old = previous.departments.map((department) => ({ cycle: org.cycle.id, department, generation: previous.generation }));
    for (let at = 0; at < old.length; at += 500) await s.repo.commit({ dropDepartments: old.slice(at, at + 500) });
    const chunks = Array.from({ length: staged.count }, (_, i) => ({ key: chunkKey(stagedKey(job.id), staged.count - 1 - i), value: null }));
    await writeChunks(deps.kvs, chunks);
    await deps.queue.push([fullReconcile(s, org.cycle.id)]);
    const now = new Date(deps.clock()).toISOString();
    await save({ ...record, status: 'finished', done: inputs.length, updatedAt: now, finishedAt: now });
    return { kind: 'finished' };
  } catch (e) {
    deps.log?.(`import ${job.id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    const now = new Date(deps.clock()).toISOString();
    const why = e instanceof AppFailure ? e.message : 'a storage error';
    const message = `The import stopped after ${record.done} of ${record.total} departments (${why}); the previous OKRs of cycle ${record.cycle} are still the current ones. Import the file again.`;
    await save({ ...record, status: 'failed', updatedAt: now, finishedAt: now, message });
    return { kind: 'failed', message };
  }
}
