/**
 * A stand-in for Forge's Key-Value Store, for tests and the local Forge host: KVS cannot run
 * outside Atlassian's cloud. It enforces the documented limits the app must live within (key
 * length and characters, value size and depth, query page size and cursors, operations and
 * payload of a transaction, unique keys in a transaction, TTL expiry), the custom entities the
 * manifest declares (attributes and types) and the conditions of transaction operations on
 * them, and counts reads and writes, so tests can assert what a panel load or an issue event
 * costs. Values are stored as JSON text, so callers never share objects with the store. With
 * `pause`, every storage call first yields, so concurrent invocations interleave as they would
 * against the real store.
 */
import { DoubleQuery, DoubleTransaction, type DoubleStore, type TransactionOp } from './kvs-double-builders';
import { checkKey, encodeValue, KvsDoubleError, meetsConditions, type EntitySchemas } from './kvs-double-checks';
import { KVS_ENTITIES, KVS_LIMITS, type KvsEntityStore, type KvsLike, type KvsListResult, type KvsQueryBuilder, type KvsSetOptions, type KvsTransactionBuilder, type KvsTtl } from './kvs-port';

export { checkKey, encodeValue, KvsDoubleError };

export interface KvsCounts {
  /** `get`, `getSecret` and each query page. */
  reads: number;
  /** `set`, `delete`, their secret forms, and each transaction (one write, as KVS bills it). */
  writes: number;
  /** Keys written or deleted, transactions included. */
  keysWritten: number;
  queries: number;
  transactions: number;
}

interface Entry {
  readonly json: string;
  readonly expiresAt: number | null;
}

const TTL_MS: Record<KvsTtl['unit'], number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

export interface KvsDoubleOptions {
  /** The clock TTLs are measured with; the real clock by default. */
  readonly clock?: () => number;
  /** Entries to start with (key → JSON text and expiry), e.g. loaded from a file. */
  readonly initial?: { readonly values: Record<string, Entry>; readonly secrets: Record<string, Entry>; readonly entities?: Record<string, Entry> };
  /** The custom entities the manifest declares; the app's by default. */
  readonly entities?: EntitySchemas;
  /** Awaited before every storage call: lets tests interleave concurrent invocations. */
  readonly pause?: () => Promise<void>;
}

/** Where an entity item lives in the double (`/` cannot occur in a key). */
const entityKey = (entityName: string, key: string) => `${entityName}/${key}`;

export class KvsDouble implements KvsLike, DoubleStore {
  readonly counts: KvsCounts = { reads: 0, writes: 0, keysWritten: 0, queries: 0, transactions: 0 };
  protected readonly values = new Map<string, Entry>();
  protected readonly secrets = new Map<string, Entry>();
  protected readonly entityItems = new Map<string, Entry>();
  readonly entitySchemas: EntitySchemas;
  private readonly clock: () => number;
  private readonly pauseFn: (() => Promise<void>) | undefined;
  /** Set to make the next write (or transaction) fail, for atomicity tests. */
  failNextWrite: string | null = null;

  constructor(options: KvsDoubleOptions = {}) {
    this.clock = options.clock ?? (() => Date.now());
    this.entitySchemas = options.entities ?? KVS_ENTITIES;
    this.pauseFn = options.pause;
    for (const [k, v] of Object.entries(options.initial?.values ?? {})) this.values.set(k, v);
    for (const [k, v] of Object.entries(options.initial?.secrets ?? {})) this.secrets.set(k, v);
    for (const [k, v] of Object.entries(options.initial?.entities ?? {})) this.entityItems.set(k, v);
  }

  async pause(): Promise<void> {
    if (this.pauseFn) await this.pauseFn();
  }

  resetCounts(): void {
    Object.assign(this.counts, { reads: 0, writes: 0, keysWritten: 0, queries: 0, transactions: 0 });
  }

  /** Every live key, sorted (for tests). */
  keys(): string[] {
    return [...this.values.keys()].filter((k) => this.live(this.values, k) !== undefined).sort();
  }

  protected afterWrite(): void {
    // The file-backed double persists here.
  }

  private live(map: Map<string, Entry>, key: string): Entry | undefined {
    const entry = map.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.clock()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  private entry(json: string, options?: KvsSetOptions): Entry {
    if (options?.ttl && !(options.ttl.value > 0)) throw new KvsDoubleError('INVALID_TTL', 'expected a positive ttl');
    return { json, expiresAt: options?.ttl ? this.clock() + options.ttl.value * TTL_MS[options.ttl.unit] : null };
  }

  private failIfAsked(): void {
    if (this.failNextWrite === null) return;
    const message = this.failNextWrite;
    this.failNextWrite = null;
    throw new KvsDoubleError('INTERNAL_SERVER_ERROR', message);
  }

  async get<T>(key: string): Promise<T | undefined> {
    checkKey(key);
    await this.pause();
    this.counts.reads += 1;
    const e = this.live(this.values, key);
    return e ? (JSON.parse(e.json) as T) : undefined;
  }

  async set<T>(key: string, value: T, options?: KvsSetOptions): Promise<void> {
    checkKey(key);
    const json = encodeValue(value);
    await this.pause();
    this.failIfAsked();
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && this.live(this.values, key) !== undefined) throw new KvsDoubleError('KEY_ALREADY_EXISTS', 'the key already exists');
    this.counts.writes += 1;
    this.counts.keysWritten += 1;
    this.values.set(key, this.entry(json, options));
    this.afterWrite();
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.pause();
    this.failIfAsked();
    this.counts.writes += 1;
    this.counts.keysWritten += 1;
    this.values.delete(key);
    this.afterWrite();
  }

  async getSecret<T>(key: string): Promise<T | undefined> {
    checkKey(key);
    await this.pause();
    this.counts.reads += 1;
    const e = this.live(this.secrets, key);
    return e ? (JSON.parse(e.json) as T) : undefined;
  }

  async setSecret<T>(key: string, value: T, options?: KvsSetOptions): Promise<void> {
    checkKey(key);
    const json = encodeValue(value);
    await this.pause();
    this.failIfAsked();
    this.counts.writes += 1;
    this.counts.keysWritten += 1;
    this.secrets.set(key, this.entry(json, options));
    this.afterWrite();
  }

  async deleteSecret(key: string): Promise<void> {
    checkKey(key);
    await this.pause();
    this.failIfAsked();
    this.counts.writes += 1;
    this.counts.keysWritten += 1;
    this.secrets.delete(key);
    this.afterWrite();
  }

  query(): KvsQueryBuilder {
    return new DoubleQuery(this, { prefix: null, cursor: null, limit: 10 });
  }

  /** One query page (used by the query builder). */
  page<T>(prefix: string | null, after: string | null, limit: number): KvsListResult<T> {
    this.counts.reads += 1;
    this.counts.queries += 1;
    const keys = this.keys().filter((k) => (prefix === null || k.startsWith(prefix)) && (after === null || k > after));
    const taken = keys.slice(0, limit);
    const results = taken.map((key) => ({ key, value: JSON.parse(this.values.get(key)!.json) as T }));
    const last = taken[taken.length - 1];
    return keys.length > limit && last !== undefined ? { results, nextCursor: Buffer.from(last, 'utf8').toString('base64url') } : { results };
  }

  transact(): KvsTransactionBuilder {
    return new DoubleTransaction(this);
  }

  entity<T>(entityName: string): KvsEntityStore<T> {
    if (!this.entitySchemas[entityName]) throw new KvsDoubleError('INVALID_ENTITY', `expected an entity declared in the manifest, got "${entityName}"`);
    return {
      get: async (key: string) => {
        checkKey(key);
        await this.pause();
        this.counts.reads += 1;
        const e = this.live(this.entityItems, entityKey(entityName, key));
        return e ? (JSON.parse(e.json) as T) : undefined;
      },
    };
  }

  /**
   * Applies a transaction's operations all at once, after checking every limit and every
   * condition: one unmet condition and nothing is written.
   */
  commit(ops: readonly TransactionOp[]): void {
    if (ops.length === 0) throw new KvsDoubleError('EMPTY_TRANSACTION', 'expected at least one operation in the transaction');
    if (ops.length > KVS_LIMITS.maxTransactionOps) throw new KvsDoubleError('TOO_MANY_OPERATIONS', `expected at most ${KVS_LIMITS.maxTransactionOps} operations in a transaction, got ${ops.length}`);
    const keys = new Set(ops.map((o) => o.key));
    if (keys.size !== ops.length) throw new KvsDoubleError('DUPLICATE_KEY', 'expected each key at most once in a transaction');
    const bytes = ops.reduce((n, o) => n + Buffer.byteLength(o.json ?? '', 'utf8') + o.key.length, 0);
    if (bytes > KVS_LIMITS.maxTransactionBytes) throw new KvsDoubleError('MAX_SIZE', `expected a transaction of at most ${KVS_LIMITS.maxTransactionBytes} bytes, got ${bytes}`);
    this.failIfAsked();
    for (const op of ops) {
      if (!op.entity?.conditions) continue;
      const stored = this.live(this.entityItems, entityKey(op.entity.name, op.key));
      if (!meetsConditions(stored ? (JSON.parse(stored.json) as Record<string, unknown>) : undefined, op.entity.conditions)) {
        throw new KvsDoubleError('CONDITION_NOT_MET', `the conditions on ${op.entity.name} ${op.key} are not met; nothing in the transaction was written`);
      }
    }
    const writes = ops.filter((o) => o.kind !== 'check');
    this.counts.writes += 1;
    this.counts.transactions += 1;
    this.counts.keysWritten += writes.length;
    for (const op of writes) {
      const map = op.entity ? this.entityItems : this.values;
      const key = op.entity ? entityKey(op.entity.name, op.key) : op.key;
      if (op.json === null) map.delete(key);
      else map.set(key, this.entry(op.json, op.options));
    }
    this.afterWrite();
  }
}
