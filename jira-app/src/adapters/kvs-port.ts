/**
 * The part of `@forge/kvs` the app uses, as an interface: the real `kvs` export satisfies it
 * (checked in `index.ts`), and so do the KVS doubles that tests and the local Forge host run.
 * Adapters take it as an argument; nothing imports `@forge/kvs` except the Forge entry.
 */

export interface KvsTtl {
  readonly value: number;
  readonly unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';
}

export interface KvsSetOptions {
  readonly ttl?: KvsTtl;
  /** `FAIL_IF_EXISTS` makes the write atomic: it throws when the key is already there. */
  readonly keyPolicy?: 'OVERRIDE' | 'FAIL_IF_EXISTS';
}

export interface KvsListResult<T> {
  readonly results: { readonly key: string; readonly value: T }[];
  readonly nextCursor?: string;
}

export interface KvsQueryBuilder {
  where(property: 'key', condition: { condition: 'BEGINS_WITH'; values: [string | number] }): KvsQueryBuilder;
  cursor(cursor: string): KvsQueryBuilder;
  limit(limit: number): KvsQueryBuilder;
  getMany<T>(): Promise<KvsListResult<T>>;
}

/**
 * One condition on an attribute of a Custom Entity Store item, as `@forge/kvs`'s `Filter`
 * holds it (`FilterConditions.equalTo(x)` on `rev` is `{ property: 'rev', condition:
 * 'EQUAL_TO', values: [x] }`). Typed loosely so that the real `Filter` fits.
 */
export interface KvsFilterItem {
  readonly property: PropertyKey;
  readonly condition: string;
  readonly values: readonly unknown[];
}

/** The public face of `@forge/kvs`'s `Filter`: its conditions, joined by `and` or `or`. */
export interface KvsFilter {
  filters(): readonly KvsFilterItem[];
  operator(): 'and' | 'or';
}

/** A transaction operation on a custom entity, with the conditions the stored item must meet. */
export interface KvsEntityConditions {
  readonly entityName: string;
  readonly conditions?: KvsFilter;
}

/** What a transaction's `set` takes: KVS documents only a TTL there (no key policy). */
export interface KvsTransactionSetOptions {
  readonly ttl?: KvsTtl;
}

/**
 * `kvs.transact()`: plain keys and custom entity items together, all or nothing. Conditions
 * exist only on custom entity items (KVS documents none for plain keys); `check` asserts them
 * without writing.
 */
export interface KvsTransactionBuilder {
  set<T>(key: string, value: T, entity?: KvsEntityConditions, options?: KvsTransactionSetOptions): KvsTransactionBuilder;
  delete(key: string, entity?: KvsEntityConditions): KvsTransactionBuilder;
  check(key: string, entity: Required<KvsEntityConditions>): KvsTransactionBuilder;
  execute(): Promise<void>;
}

/** `kvs.entity(name)`: the one read of the Custom Entity Store the app makes. */
export interface KvsEntityStore<T> {
  get(key: string): Promise<T | undefined>;
}

export interface KvsLike {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: KvsSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  query(): KvsQueryBuilder;
  transact(): KvsTransactionBuilder;
  entity<T>(entityName: string): KvsEntityStore<T>;
  getSecret<T>(key: string): Promise<T | undefined>;
  setSecret<T>(key: string, value: T, options?: KvsSetOptions): Promise<void>;
  deleteSecret(key: string): Promise<void>;
}

/** KVS's documented limits, enforced by the double and respected by the adapter. */
export const KVS_LIMITS = {
  /** Keys are 1–500 characters of letters, digits, `:._-#` and spaces, not only spaces. */
  maxKeyLength: 500,
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/,
  /** A value is at most 240 KiB once serialized as JSON. */
  maxValueBytes: 240 * 1024,
  /** Objects nest at most 32 deep. */
  maxDepth: 32,
  /** A query answers at most 20 results a page; more come by cursor. */
  maxQueryLimit: 20,
  /** Operations in one `kvs.transact()`. */
  maxTransactionOps: 25,
  /** A transaction's total payload. */
  maxTransactionBytes: 4 * 1024 * 1024,
} as const;

/**
 * The custom entities the app declares in `manifest.yml` (`app.storage.entities`), attribute
 * by attribute; KVS refuses items of undeclared entities. `record-revision` holds, per guarded
 * record, the revision last committed (see `kvs-okr-repository.ts`).
 */
export const KVS_ENTITIES = {
  'record-revision': { rev: 'string' },
} as const satisfies Record<string, Record<string, 'string' | 'integer' | 'float' | 'boolean' | 'any'>>;

/** What the app writes into one record: well under `maxValueBytes`, room for the envelope. */
export const RECORD_CHUNK_BYTES = 200 * 1024;
