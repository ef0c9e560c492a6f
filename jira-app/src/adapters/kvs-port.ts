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

export interface KvsTransactionBuilder {
  set<T>(key: string, value: T, entity?: undefined, options?: KvsSetOptions): KvsTransactionBuilder;
  delete(key: string): KvsTransactionBuilder;
  execute(): Promise<void>;
}

export interface KvsLike {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: KvsSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  query(): KvsQueryBuilder;
  transact(): KvsTransactionBuilder;
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

/** What the app writes into one record: well under `maxValueBytes`, room for the envelope. */
export const RECORD_CHUNK_BYTES = 200 * 1024;
