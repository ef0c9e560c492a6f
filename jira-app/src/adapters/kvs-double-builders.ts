/** The KVS double's query and transaction builders (see `kvs-double.ts`). */
import { KVS_LIMITS, type KvsListResult, type KvsQueryBuilder, type KvsSetOptions, type KvsTransactionBuilder } from './kvs-port';
import { checkKey, encodeValue, KvsDoubleError } from './kvs-double-checks';

/** What the builders need of the store. */
export interface DoubleStore {
  page<T>(prefix: string | null, after: string | null, limit: number): KvsListResult<T>;
  commit(ops: readonly { key: string; json: string | null; options?: KvsSetOptions }[]): void;
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
    return this.store.page<T>(this.state.prefix, after, this.state.limit);
  }
}

export class DoubleTransaction implements KvsTransactionBuilder {
  private readonly ops: { key: string; json: string | null; options?: KvsSetOptions }[] = [];

  constructor(private readonly store: DoubleStore) {}

  set<T>(key: string, value: T, _entity?: undefined, options?: KvsSetOptions): KvsTransactionBuilder {
    checkKey(key);
    this.ops.push({ key, json: encodeValue(value), ...(options ? { options } : {}) });
    return this;
  }

  delete(key: string): KvsTransactionBuilder {
    checkKey(key);
    this.ops.push({ key, json: null });
    return this;
  }

  async execute(): Promise<void> {
    this.store.commit(this.ops);
  }
}
