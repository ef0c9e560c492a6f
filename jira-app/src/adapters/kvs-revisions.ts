/**
 * Commits guarded by revisions. Plain KVS keys take no conditions, so each guarded record has
 * an item of the custom entity `record-revision` (declared in `manifest.yml`) under its base
 * key, holding the revision of its chunks, and is written in the same transaction as them. A
 * commit conditions that item on the revision the writer loaded (or on its absence for a
 * record that was absent, or written before revisions existed): if another writer got there
 * first, KVS writes nothing and the commit throws `RevisionConflict`. Writes that do not fit
 * the guarded transaction go first, each transaction checking the same conditions, so a writer
 * that is already behind writes nothing at all.
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
    const unchanged = g.expected === null ? rev === undefined : rev === undefined || rev === g.expected;
    if (!unchanged) stale.push(g.base);
  }
  return stale;
}

/**
 * Writes `guarded` (the chunks of the guarded records) with their revision items in one
 * transaction, and `others` before it in as few transactions as the limits allow (in one with
 * the guarded ones when everything fits). Throws `RevisionConflict` when a guard fails.
 */
export async function commitGuarded(kvs: KvsLike, others: readonly ChunkWrite[], guarded: readonly ChunkWrite[], guards: readonly RevisionGuard[]): Promise<void> {
  const last: Op[] = [...guarded.map((write) => ({ kind: 'chunk' as const, write })), ...guards.map((guard) => ({ kind: 'revision' as const, guard }))];
  const rest: Op[] = others.map((write) => ({ kind: 'chunk' as const, write }));
  if (!fits(last)) {
    throw new Error(`broken invariant: the records ${guards.map((g) => g.base).join(', ')} need more than one transaction (${KVS_LIMITS.maxTransactionOps} operations, ${KVS_LIMITS.maxTransactionBytes} bytes) and cannot be written whole`);
  }
  const checks: Op[] = guards.filter((g): g is RevisionGuard & { expected: string | null } => g.expected !== undefined).map((guard) => ({ kind: 'check' as const, guard }));
  const groups: Op[][] = [];
  if (fits([...rest, ...last])) groups.push([...rest, ...last]);
  else {
    let group: Op[] = [...checks];
    for (const op of rest) {
      if (!fits([...group, op])) {
        groups.push(group);
        group = [...checks];
      }
      group.push(op);
    }
    if (group.length > checks.length) groups.push(group);
    if (last.length > 0) groups.push(last);
  }
  try {
    for (const group of groups) await execute(kvs, group);
  } catch (e) {
    const stale = await staleRecords(kvs, guards);
    if (stale.length > 0) throw new RevisionConflict(stale);
    throw e;
  }
}
