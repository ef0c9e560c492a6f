/** The KVS double's query and transaction builders (see `kvs-double.ts`). */
import { KVS_LIMITS, type KvsEntityConditions, type KvsListResult, type KvsQueryBuilder, type KvsTransactionBuilder, type KvsTransactionSetOptions } from './kvs-port';
import { checkConditions, checkEntityValue, checkKey, encodeValue, KvsDoubleError, type EntitySchemas, type ParsedConditions } from './kvs-double-checks';

/** One operation of a transaction, checked and encoded when it was added. */
export interface TransactionOp {
  readonly kind: 'set' | 'delete' | 'check';
  readonly key: string;
  /** The encoded value of a `set`; null otherwise. */
  readonly json: string | null;
  /** Set on custom entity operations. */
  readonly entity?: { readonly name: string; readonly conditions: ParsedConditions | null };
  readonly options?: KvsTransactionSetOptions;
}

/** What the builders need of the store. */
export interface DoubleStore {
  readonly entitySchemas: EntitySchemas;
  /** Lets other invocations run between two storage calls (interleaving tests). */
  pause(): Promise<void>;
  page<T>(prefix: string | null, after: string | null, limit: number): KvsListResult<T>;
  commit(ops: readonly TransactionOp[]): void;
}

export class DoubleQuery implements KvsQueryBuilder {
  constructor(
    private readonly store: DoubleStore,
    private readonly state: { prefix: string | null; cursor: string | null; limit: number },
  ) {}

  where(property: 'key', condition: { condition: 'BEGINS_WITH'; values: [string | number] }): KvsQueryBuilder {
    if (property !== 'key' || condition.condition !== 'BEGINS_WITH') throw new KvsDoubleError('INVALID_QUERY', 'expected where("key", beginsWith(…)): KVS queries only filter keys by prefix');
    if (this.state.prefix !== null) throw new KvsDoubleError('INVALID_QUERY', 'expected a single where condition');
    return new DoubleQuery(this.store, { ...this.state, prefix: String(condition.values[0]) });
  }

  cursor(cursor: string): KvsQueryBuilder {
    return new DoubleQuery(this.store, { ...this.state, cursor });
  }

  limit(limit: number): KvsQueryBuilder {
    if (!Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
      throw new KvsDoubleError('INVALID_LIMIT', `expected a query limit from 1 to ${KVS_LIMITS.maxQueryLimit}, got ${limit}`);
    }
    return new DoubleQuery(this.store, { ...this.state, limit });
  }

  async getMany<T>(): Promise<KvsListResult<T>> {
    let after: string | null = null;
    if (this.state.cursor !== null) {
      after = Buffer.from(this.state.cursor, 'base64url').toString('utf8');
      if (after === '') throw new KvsDoubleError('INVALID_CURSOR', 'expected a cursor returned by a previous page');
    }
    await this.store.pause();
    return this.store.page<T>(this.state.prefix, after, this.state.limit);
  }
}

export class DoubleTransaction implements KvsTransactionBuilder {
  private readonly ops: TransactionOp[] = [];

  constructor(private readonly store: DoubleStore) {}

  private entityOf(key: string, entity: KvsEntityConditions | undefined, required: boolean): TransactionOp['entity'] {
    if (!entity) {
      if (required) throw new KvsDoubleError('INVALID_TRANSACTION', `expected an entity name and conditions to check ${key}: checks exist only for custom entities`);
      return undefined;
    }
    const schema = this.store.entitySchemas[entity.entityName];
    if (!schema) throw new KvsDoubleError('INVALID_ENTITY', `expected an entity declared in the manifest, got "${entity.entityName}"`);
    const conditions = entity.conditions ? checkConditions(entity.entityName, schema, entity.conditions) : null;
    if (required && conditions === null) throw new KvsDoubleError('INVALID_TRANSACTION', `expected conditions to check ${key}`);
    return { name: entity.entityName, conditions };
  }

  set<T>(key: string, value: T, entity?: KvsEntityConditions, options?: KvsTransactionSetOptions): KvsTransactionBuilder {
    checkKey(key);
    const e = this.entityOf(key, entity, false);
    if (e) checkEntityValue(e.name, this.store.entitySchemas[e.name]!, value);
    this.ops.push({ kind: 'set', key, json: encodeValue(value), ...(e ? { entity: e } : {}), ...(options ? { options } : {}) });
    return this;
  }

  delete(key: string, entity?: KvsEntityConditions): KvsTransactionBuilder {
    checkKey(key);
    const e = this.entityOf(key, entity, false);
    this.ops.push({ kind: 'delete', key, json: null, ...(e ? { entity: e } : {}) });
    return this;
  }

  check(key: string, entity: Required<KvsEntityConditions>): KvsTransactionBuilder {
    checkKey(key);
    this.ops.push({ kind: 'check', key, json: null, entity: this.entityOf(key, entity, true)! });
    return this;
  }

  async execute(): Promise<void> {
    await this.store.pause();
    this.store.commit(this.ops);
  }
}
