/**
 * The Key-Value Store service behind `@forge/kvs`, as the bundle reaches it: `@forge/kvs` posts
 * JSON to `/api/v1/<operation>` through the runtime's `__forge_fetch__({ type: 'kvs' }, …)` and
 * reads `{ code, message }` bodies as `ForgeKvsAPIError`s. This answers those calls from a JSON
 * file (`<data>/kvs.json`, rewritten through a rename after every write), enforcing KVS's
 * documented limits: keys (1–500 characters of `A-Za-z0-9:._-#` and spaces), values (240 KiB as
 * JSON, nested at most 32 deep), query pages (at most 20, key prefix only) and transactions (at
 * most 25 operations, 4 MB, each key once). Reads and writes are counted per call, as KVS bills them.
 *
 * Not served: custom entities and batch operations (the app uses neither); they answer 501
 * naming the operation, so a new use shows up here before it ships.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const KVS_LIMITS = {
  maxKeyLength: 500,
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/,
  maxValueBytes: 240 * 1024,
  maxDepth: 32,
  defaultQueryLimit: 10,
  maxQueryLimit: 20,
  maxTransactionOps: 25,
  maxTransactionBytes: 4 * 1024 * 1024,
} as const;

export interface KvsCounts {
  /** `get`, `getSecret` and each query page. */
  reads: number;
  /** `set`, `delete`, their secret forms, and each transaction. */
  writes: number;
  keysWritten: number;
  queries: number;
  transactions: number;
}

export interface KvsAnswer {
  readonly status: number;
  readonly body?: unknown;
}

interface Entry {
  readonly json: string;
  readonly expiresAt: number | null;
  readonly createdAt?: number;
  readonly updatedAt?: number;
}

const entrySchema = z.object({ json: z.string(), expiresAt: z.number().nullable(), createdAt: z.number().optional(), updatedAt: z.number().optional() });
const fileSchema = z.object({ version: z.literal(1), values: z.record(z.string(), entrySchema), secrets: z.record(z.string(), entrySchema) });
const TTL_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

const ttlSchema = z.object({ value: z.number().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const setOptionsSchema = z.object({ ttl: ttlSchema.optional(), keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(), returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(), returnMetadataFields: z.array(z.string()).optional() }).optional();
const keyBody = z.object({ key: z.string(), options: z.object({ metadataFields: z.array(z.string()).optional() }).optional() });
const setBody = z.object({ key: z.string(), value: z.unknown(), options: setOptionsSchema });
const queryBody = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.tuple([z.union([z.string(), z.number()])]) })).max(1).optional(),
  options: z.object({ metadataFields: z.array(z.string()).optional() }).optional(),
});
const transactBody = z.object({
  set: z.array(z.object({ key: z.string(), value: z.unknown(), entityName: z.undefined().optional(), conditions: z.undefined().optional(), options: setOptionsSchema })).optional(),
  delete: z.array(z.object({ key: z.string(), entityName: z.undefined().optional(), conditions: z.undefined().optional() })).optional(),
  check: z.array(z.unknown()).max(0, 'transaction checks apply to custom entities, which the app does not use').optional(),
});

class KvsFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function depthOf(value: unknown, depth = 0): number {
  if (typeof value !== 'object' || value === null) return depth;
  let max = depth + 1;
  for (const v of Object.values(value)) max = Math.max(max, depthOf(v, depth + 1));
  return max;
}

function checkKey(key: string): void {
  if (key.length < 1) throw new KvsFault(400, 'KEY_TOO_SHORT', 'expected a key of at least one character');
  if (key.length > KVS_LIMITS.maxKeyLength) throw new KvsFault(400, 'KEY_TOO_LONG', `expected a key of at most ${KVS_LIMITS.maxKeyLength} characters, got ${key.length}`);
  if (!KVS_LIMITS.keyPattern.test(key)) throw new KvsFault(400, 'INVALID_KEY', `expected a key matching ${String(KVS_LIMITS.keyPattern)}, got "${key}"`);
}

function encodeValue(value: unknown): string {
  if (value === undefined) throw new KvsFault(400, 'INVALID_VALUE', 'expected a value, got undefined');
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > KVS_LIMITS.maxValueBytes) throw new KvsFault(413, 'MAX_SIZE', `expected a value of at most ${KVS_LIMITS.maxValueBytes} bytes, got ${bytes}`);
  if (depthOf(value) > KVS_LIMITS.maxDepth) throw new KvsFault(400, 'MAX_DEPTH', `expected a value nested at most ${KVS_LIMITS.maxDepth} deep`);
  return json;
}

function parse<T>(schema: z.ZodType<T>, body: unknown, operation: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new KvsFault(400, 'BAD_REQUEST', `${operation}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export class KvsService {
  readonly counts: KvsCounts = { reads: 0, writes: 0, keysWritten: 0, queries: 0, transactions: 0 };
  private readonly values = new Map<string, Entry>();
  private readonly secrets = new Map<string, Entry>();

  constructor(
    private readonly path: string | null,
    private readonly clock: () => number = () => Date.now(),
  ) {
    if (path && existsSync(path)) {
      const data = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      for (const [k, v] of Object.entries(data.values)) this.values.set(k, v);
      for (const [k, v] of Object.entries(data.secrets)) this.secrets.set(k, v);
    }
  }

  resetCounts(): void {
    Object.assign(this.counts, { reads: 0, writes: 0, keysWritten: 0, queries: 0, transactions: 0 });
  }

  /** Every live key, sorted. */
  keys(): string[] {
    return [...this.values.keys()].filter((k) => this.live(this.values, k) !== undefined).sort();
  }

  /** Answers one `@forge/kvs` call: `path` is `/api/v1/<operation>`, `body` its parsed JSON. */
  handle(path: string, body: unknown): KvsAnswer {
    try {
      return this.dispatch(path, body);
    } catch (e) {
      if (e instanceof KvsFault) return { status: e.status, body: { code: e.code, message: e.message } };
      throw e;
    }
  }

  private dispatch(path: string, body: unknown): KvsAnswer {
    switch (path) {
      case '/api/v1/get':
        return this.get(this.values, parse(keyBody, body, 'get'));
      case '/api/v1/secret/get':
        return this.get(this.secrets, parse(keyBody, body, 'secret/get'));
      case '/api/v1/set':
        return this.set(this.values, parse(setBody, body, 'set'));
      case '/api/v1/secret/set':
        return this.set(this.secrets, parse(setBody, body, 'secret/set'));
      case '/api/v1/delete':
        return this.remove(this.values, parse(keyBody, body, 'delete').key);
      case '/api/v1/secret/delete':
        return this.remove(this.secrets, parse(keyBody, body, 'secret/delete').key);
      case '/api/v1/query':
        return this.query(parse(queryBody, body, 'query'));
      case '/api/v1/transaction':
        return this.transact(parse(transactBody, body, 'transaction'));
      default:
        throw new KvsFault(501, 'NOT_SERVED', `the local Forge host does not serve KVS operation ${path} (custom entities and batch operations are not used by the app)`);
    }
  }

  private persist(): void {
    if (!this.path) return;
    const data = { version: 1, values: Object.fromEntries(this.values), secrets: Object.fromEntries(this.secrets) };
    writeFileSync(`${this.path}.tmp`, JSON.stringify(data));
    renameSync(`${this.path}.tmp`, this.path);
  }

  private live(map: Map<string, Entry>, key: string): Entry | undefined {
    const entry = map.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.clock()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  private entry(json: string, previous: Entry | undefined, ttl?: z.infer<typeof ttlSchema>): Entry {
    const now = this.clock();
    return { json, expiresAt: ttl ? now + ttl.value * TTL_MS[ttl.unit] : null, createdAt: previous?.createdAt ?? now, updatedAt: now };
  }

  private view(key: string, e: Entry): Record<string, unknown> {
    return { key, value: JSON.parse(e.json) as unknown, createdAt: e.createdAt, updatedAt: e.updatedAt, ...(e.expiresAt !== null ? { expireTime: new Date(e.expiresAt).toISOString() } : {}) };
  }

  private get(map: Map<string, Entry>, { key }: z.infer<typeof keyBody>): KvsAnswer {
    checkKey(key);
    this.counts.reads += 1;
    const e = this.live(map, key);
    if (!e) throw new KvsFault(404, 'KEY_NOT_FOUND', `no value for key "${key}"`);
    return { status: 200, body: this.view(key, e) };
  }

  private set(map: Map<string, Entry>, { key, value, options }: z.infer<typeof setBody>): KvsAnswer {
    checkKey(key);
    const json = encodeValue(value);
    const previous = this.live(map, key);
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous) throw new KvsFault(409, 'KEY_ALREADY_EXISTS', `key "${key}" already exists`);
    this.counts.writes += 1;
    this.counts.keysWritten += 1;
    const next = this.entry(json, previous, options?.ttl);
    map.set(key, next);
    this.persist();
    if (options?.keyPolicy === 'OVERRIDE' && options.returnValue) {
      const shown = options.returnValue === 'PREVIOUS' ? previous : next;
      return { status: 200, body: shown ? this.view(key, shown) : null };
    }
    return { status: 204 };
  }

  private remove(map: Map<string, Entry>, key: string): KvsAnswer {
    checkKey(key);
    this.counts.writes += 1;
    this.counts.keysWritten += 1;
    map.delete(key);
    this.persist();
    return { status: 204 };
  }

  private query(q: z.infer<typeof queryBody>): KvsAnswer {
    const limit = q.limit ?? KVS_LIMITS.defaultQueryLimit;
    if (limit < 1 || limit > KVS_LIMITS.maxQueryLimit) throw new KvsFault(400, 'INVALID_LIMIT', `expected a query limit from 1 to ${KVS_LIMITS.maxQueryLimit}, got ${limit}`);
    let after: string | null = null;
    if (q.after !== undefined) {
      after = Buffer.from(q.after, 'base64url').toString('utf8');
      if (after === '') throw new KvsFault(400, 'INVALID_CURSOR', 'expected a cursor returned by a previous page');
    }
    const prefix = q.where?.[0] ? String(q.where[0].values[0]) : null;
    this.counts.reads += 1;
    this.counts.queries += 1;
    const keys = this.keys().filter((k) => (prefix === null || k.startsWith(prefix)) && (after === null || k > after));
    const taken = keys.slice(0, limit);
    const data = taken.map((key) => ({ key, value: JSON.parse(this.values.get(key)!.json) as unknown }));
    const last = taken[taken.length - 1];
    return { status: 200, body: { data, ...(keys.length > limit && last !== undefined ? { cursor: Buffer.from(last, 'utf8').toString('base64url') } : {}) } };
  }

  private transact(t: z.infer<typeof transactBody>): KvsAnswer {
    const ops = [...(t.set ?? []).map((s) => ({ key: s.key, json: (checkKey(s.key), encodeValue(s.value)), ttl: s.options?.ttl })), ...(t.delete ?? []).map((d) => ({ key: (checkKey(d.key), d.key), json: null, ttl: undefined }))];
    if (ops.length === 0) throw new KvsFault(400, 'EMPTY_TRANSACTION', 'expected at least one operation in the transaction');
    if (ops.length > KVS_LIMITS.maxTransactionOps) throw new KvsFault(400, 'TOO_MANY_OPERATIONS', `expected at most ${KVS_LIMITS.maxTransactionOps} operations in a transaction, got ${ops.length}`);
    if (new Set(ops.map((o) => o.key)).size !== ops.length) throw new KvsFault(400, 'DUPLICATE_KEY', 'expected each key at most once in a transaction');
    const bytes = ops.reduce((n, o) => n + Buffer.byteLength(o.json ?? '', 'utf8') + o.key.length, 0);
    if (bytes > KVS_LIMITS.maxTransactionBytes) throw new KvsFault(413, 'MAX_SIZE', `expected a transaction of at most ${KVS_LIMITS.maxTransactionBytes} bytes, got ${bytes}`);
    this.counts.writes += 1;
    this.counts.transactions += 1;
    this.counts.keysWritten += ops.length;
    for (const op of ops) {
      if (op.json === null) this.values.delete(op.key);
      else this.values.set(op.key, this.entry(op.json, this.live(this.values, op.key), op.ttl));
    }
    this.persist();
    return { status: 204 };
  }
}
