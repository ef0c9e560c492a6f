/**
 * Commits guarded by revisions. Plain KVS keys take no conditions, so each guarded record has
 * an item of the custom entity `record-revision` (declared in `manifest.yml`) under its base
 * key, holding the revision of its chunks, and is written in the same transaction as them. A
 * commit conditions that item on the revision the writer loaded (or on its absence for a
 * record that was absent, or written before revisions existed): if another writer got there
 * first, KVS writes nothing and the commit throws `RevisionConflict`. A change too large for
 * one transaction is split, each transaction checking the guards of the records still to come
 * (as many as it holds): only then can a writer that falls behind between two of its
 * transactions leave part of its change written.
 */
import { RevisionConflict } from '../storage/okr-repository';
import { KVS_LIMITS, type KvsEntityConditions, type KvsFilter, type KvsFilterItem, type KvsLike } from './kvs-port';
import { bytes, type ChunkWrite } from './kvs-records';

export const REVISION_ENTITY = 'record-revision';

export interface RevisionGuard {
  readonly base: string;
  /** The revision loaded; null: the record was absent; undefined: not loaded (written as given). */
  readonly expected: string | null | undefined;
  readonly next: string;
}

function filter(operator: 'and' | 'or', items: KvsFilterItem[]): KvsFilter {
  return { filters: () => items, operator: () => operator };
}

/** The conditions a guarded write puts on the stored revision item. */
export function revisionConditions(expected: string | null): KvsFilter {
  const absent: KvsFilterItem = { property: 'rev', condition: 'NOT_EXISTS', values: [true] };
  return expected === null ? filter('and', [absent]) : filter('or', [{ property: 'rev', condition: 'EQUAL_TO', values: [expected] }, absent]);
}

type Op = { readonly kind: 'chunk'; readonly write: ChunkWrite } | { readonly kind: 'revision'; readonly guard: RevisionGuard } | { readonly kind: 'check'; readonly guard: RevisionGuard & { expected: string | null } };

const sizes = new WeakMap<Op, number>();
function sizeOf(op: Op): number {
  let size = sizes.get(op);
  if (size === undefined) {
    size = op.kind === 'chunk' ? op.write.key.length + (op.write.value === null ? 0 : bytes(op.write.value)) : op.guard.base.length + 40;
    sizes.set(op, size);
  }
  return size;
}
const fits = (ops: readonly Op[]) => ops.length <= KVS_LIMITS.maxTransactionOps && ops.reduce((n, o) => n + sizeOf(o), 0) <= KVS_LIMITS.maxTransactionBytes;

async function execute(kvs: KvsLike, ops: readonly Op[]): Promise<void> {
  let tx = kvs.transact();
  for (const op of ops) {
    if (op.kind === 'chunk') tx = op.write.value === null ? tx.delete(op.write.key) : tx.set(op.write.key, op.write.value);
    else if (op.kind === 'check') tx = tx.check(op.guard.base, { entityName: REVISION_ENTITY, conditions: revisionConditions(op.guard.expected) });
    else {
      const entity: KvsEntityConditions = op.guard.expected === undefined ? { entityName: REVISION_ENTITY } : { entityName: REVISION_ENTITY, conditions: revisionConditions(op.guard.expected) };
      tx = tx.set(op.guard.base, { rev: op.guard.next }, entity);
    }
  }
  await tx.execute();
}

/** Which guarded records another writer changed since they were loaded (reads each revision item). */
async function staleRecords(kvs: KvsLike, guards: readonly RevisionGuard[]): Promise<string[]> {
  const stale: string[] = [];
  for (const g of guards) {
    if (g.expected === undefined) continue;
    const rev = (await kvs.entity<{ rev?: string }>(REVISION_ENTITY).get(g.base))?.rev;
    // Revisions are content hashes: another writer storing the very content this one meant to
    // store is still a change since the load, so `next` proves nothing here.
    const unchanged = g.expected === null ? rev === undefined : rev === undefined || rev === g.expected;
    if (!unchanged) stale.push(g.base);
  }
  return stale;
}

/** One record to write under its revision guard: its chunk writes (chunk 0 last) and its guard. */
export interface GuardedRecord {
  readonly guard: RevisionGuard;
  readonly writes: readonly ChunkWrite[];
}

/**
 * Packs the writes into as few transactions as KVS allows, in order: `others` first, then each
 * guarded record's chunks and its revision item after them. Every transaction also checks the
 * guards of the records it does not finish, so a writer that is already behind writes nothing;
 * a change that fits one transaction (the common case) is applied whole or not at all.
 */
function pack(others: readonly ChunkWrite[], records: readonly GuardedRecord[]): Op[][] {
  const ops: Op[] = [...others.map((write) => ({ kind: 'chunk' as const, write }))];
  for (const r of records) ops.push(...r.writes.map((write) => ({ kind: 'chunk' as const, write })), { kind: 'revision', guard: r.guard });
  const checkOf = (guard: RevisionGuard): Op[] => (guard.expected === undefined ? [] : [{ kind: 'check', guard: guard as RevisionGuard & { expected: string | null } }]);
  const groups: Op[][] = [];
  let at = 0;
  while (at < ops.length) {
    const group: Op[] = [];
    const checksAfter = (end: number) => records.filter((r) => ops.findIndex((o) => o.kind === 'revision' && o.guard === r.guard) >= end).flatMap((r) => checkOf(r.guard));
    while (at < ops.length && fits([...group, ops[at]!, ...checksAfter(at + 1)])) group.push(ops[at++]!);
    // More records than one transaction can check: write one operation, checking the nearest guards.
    if (group.length === 0) group.push(ops[at++]!);
    if (!fits(group)) throw new Error(`broken invariant: one write of ${group[0]!.kind === 'chunk' ? (group[0] as { write: ChunkWrite }).write.key : 'a revision'} does not fit a KVS transaction`);
    for (const check of checksAfter(at)) if (fits([...group, check])) group.push(check);
    groups.push(group);
  }
  return groups;
}

/** Writes `others` as given and `records` under their revision guards; throws `RevisionConflict` when a guard fails. */
export async function commitGuarded(kvs: KvsLike, others: readonly ChunkWrite[], records: readonly GuardedRecord[]): Promise<void> {
  try {
    for (const group of pack(others, records)) await execute(kvs, group);
  } catch (e) {
    const stale = await staleRecords(
      kvs,
      records.map((r) => r.guard),
    );
    if (stale.length > 0) throw new RevisionConflict(stale);
    throw e;
  }
}
