/**
 * The Key-Value Store service behind `@forge/kvs`, as the bundle reaches it: `@forge/kvs` posts
 * JSON to `/api/v1/<operation>` through the runtime's `__forge_fetch__({ type: 'kvs' }, …)` and
 * reads `{ code, message }` bodies as `ForgeKvsAPIError`s. This answers those calls from a JSON
 * file (`<data>/kvs.json`, rewritten through a rename after every write), enforcing KVS's
 * documented limits: keys (1–500 characters of `A-Za-z0-9:._-#` and spaces), values (240 KiB as
 * JSON, nested at most 32 deep), query pages (at most 20, key prefix only) and transactions (at
 * most 25 operations, 4 MB, each key once). Reads and writes are counted per call, as KVS bills them.
 *
 * Custom entities: the entities `manifest.yml` declares (`app.storage.entities`) are served by
 * key (`entity/get`, `entity/set`, `entity/delete`), their items checked against the declared
 * attributes and types, and transactions may set, delete and `check` them under conditions
 * (`{ and | or: [{ property, condition, values }] }`, as `@forge/kvs` serializes a `Filter`):
 * one unmet condition and nothing in the transaction is written. An item that does not exist
 * has no attributes, so `EXISTS` and `EQUAL_TO` fail on it and `NOT_EXISTS` holds.
 *
 * Not served: entity queries (indexes) and batch operations (the app uses neither); they answer
 * 501 naming the operation, so a new use shows up here before it ships.
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
const fileSchema = z.object({ version: z.literal(1), values: z.record(z.string(), entrySchema), secrets: z.record(z.string(), entrySchema), entities: z.record(z.string(), entrySchema).optional() });
const TTL_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

const ttlSchema = z.object({ value: z.number().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const setOptionsSchema = z.object({ ttl: ttlSchema.optional(), keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(), returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(), returnMetadataFields: z.array(z.string()).optional() }).optional();
const keyBody = z.object({ key: z.string(), options: z.object({ metadataFields: z.array(z.string()).optional() }).optional() });
const setBody = z.object({ key: z.string(), value: z.unknown(), options: setOptionsSchema });
const entityKeyBody = keyBody.extend({ entityName: z.string() });
const entitySetBody = setBody.extend({ entityName: z.string() });
const conditionItem = z.object({ property: z.string(), condition: z.string(), values: z.array(z.unknown()) });
const conditionsSchema = z.union([z.object({ and: z.array(conditionItem).min(1) }).strict(), z.object({ or: z.array(conditionItem).min(1) }).strict()]);
const queryBody = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.tuple([z.union([z.string(), z.number()])]) })).max(1).optional(),
  options: z.object({ metadataFields: z.array(z.string()).optional() }).optional(),
});
const transactBody = z.object({
  set: z.array(z.object({ key: z.string(), value: z.unknown(), entityName: z.string().optional(), conditions: conditionsSchema.optional(), options: setOptionsSchema })).optional(),
  delete: z.array(z.object({ key: z.string(), entityName: z.string().optional(), conditions: conditionsSchema.optional() })).optional(),
  check: z.array(z.object({ key: z.string(), entityName: z.string(), conditions: conditionsSchema })).optional(),
});

/** The attribute types a custom entity may declare, as the manifest reference lists them. */
export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';
/** Entity name → attribute name → type, as `app.storage.entities` declares them. */
export type EntitySchemas = Readonly<Record<string, Readonly<Record<string, AttributeType>>>>;
type Conditions = z.infer<typeof conditionsSchema>;

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

const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };
function fitsType(type: AttributeType, v: unknown): boolean {
  if (type === 'string') return typeof v === 'string';
  if (type === 'boolean') return typeof v === 'boolean';
  if (type === 'integer') return typeof v === 'number' && Number.isInteger(v) && v >= INT32.min && v <= INT32.max;
  if (type === 'float') return typeof v === 'number' && Number.isFinite(v);
  return true;
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
  /** Custom entity items, keyed `<entity>/<key>` (`/` cannot occur in a key). */
  private readonly entityItems = new Map<string, Entry>();

  constructor(
    private readonly path: string | null,
    private readonly clock: () => number = () => Date.now(),
    private readonly entities: EntitySchemas = {},
  ) {
    if (path && existsSync(path)) {
      const data = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      for (const [k, v] of Object.entries(data.values)) this.values.set(k, v);
      for (const [k, v] of Object.entries(data.secrets)) this.secrets.set(k, v);
      for (const [k, v] of Object.entries(data.entities ?? {})) this.entityItems.set(k, v);
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
      case '/api/v1/entity/get': {
        const b = parse(entityKeyBody, body, 'entity/get');
        return this.get(this.entityItems, { key: this.itemKey(b.entityName, b.key) }, b.key);
      }
      case '/api/v1/entity/set': {
        const b = parse(entitySetBody, body, 'entity/set');
        this.checkItem(b.entityName, b.value);
        return this.set(this.entityItems, { ...b, key: this.itemKey(b.entityName, b.key) }, b.key);
      }
      case '/api/v1/entity/delete': {
        const b = parse(entityKeyBody, body, 'entity/delete');
        return this.remove(this.entityItems, this.itemKey(b.entityName, b.key));
      }
      case '/api/v1/query':
        return this.query(parse(queryBody, body, 'query'));
      case '/api/v1/transaction':
        return this.transact(parse(transactBody, body, 'transaction'));
      default:
        throw new KvsFault(501, 'NOT_SERVED', `the local Forge host does not serve KVS operation ${path} (entity queries and batch operations are not used by the app)`);
    }
  }

  /** Calls under way in `persistOnceAfter`; their writes reach the file when the last ends. */
  private deferring = 0;
  private dirty = false;

  /**
   * Runs one function call, keeping its writes to the file once, when it ends, instead of at
   * each write: the host runs one call at a time, and a call that writes thousands of records
   * would otherwise rewrite the whole file thousands of times (Forge's KVS has no such cost).
   * What the functions read and write is the same either way; only the file lags until the call ends.
   */
  async persistOnceAfter<T>(call: () => Promise<T>): Promise<T> {
    this.deferring += 1;
    try {
      return await call();
    } finally {
      this.deferring -= 1;
      if (this.deferring === 0 && this.dirty) {
        this.dirty = false;
        this.persist();
      }
    }
  }

  private persist(): void {
    if (!this.path) return;
    if (this.deferring > 0) {
      this.dirty = true;
      return;
    }
    const data = { version: 1, values: Object.fromEntries(this.values), secrets: Object.fromEntries(this.secrets), entities: Object.fromEntries(this.entityItems) };
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

  /** The map key of an entity item: the entity must be declared, the key valid. */
  private itemKey(entityName: string, key: string): string {
    if (!this.entities[entityName]) throw new KvsFault(400, 'INVALID_ENTITY', `expected an entity declared in manifest.yml (${Object.keys(this.entities).join(', ') || 'none'}), got "${entityName}"`);
    checkKey(key);
    return `${entityName}/${key}`;
  }

  /** An entity item is an object of the entity's declared attributes, each of its type. */
  private checkItem(entityName: string, value: unknown): void {
    const schema = this.entities[entityName];
    if (!schema) throw new KvsFault(400, 'INVALID_ENTITY', `expected an entity declared in manifest.yml, got "${entityName}"`);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KvsFault(400, 'INVALID_VALUE', `expected an object of attributes for entity ${entityName}`);
    for (const [name, v] of Object.entries(value)) {
      const type = schema[name];
      if (!type) throw new KvsFault(400, 'INVALID_VALUE', `expected only the declared attributes of entity ${entityName} (${Object.keys(schema).join(', ')}), got "${name}"`);
      if (!fitsType(type, v)) throw new KvsFault(400, 'INVALID_VALUE', `expected attribute ${name} of entity ${entityName} to be of type ${type}`);
    }
  }

  /** Whether the stored item meets the conditions (each on a declared attribute). */
  private meets(entityName: string, itemKey: string, conditions: Conditions): boolean {
    const schema = this.entities[entityName]!;
    const items = 'and' in conditions ? conditions.and : conditions.or;
    const stored = this.live(this.entityItems, itemKey);
    const item = stored ? (JSON.parse(stored.json) as Record<string, unknown>) : undefined;
    const holds = (c: z.infer<typeof conditionItem>): boolean => {
      if (!schema[c.property]) throw new KvsFault(400, 'INVALID_CONDITIONS', `expected a condition on a declared attribute of entity ${entityName}, got "${c.property}"`);
      const v = item?.[c.property];
      if (c.condition === 'EXISTS') return v !== undefined;
      if (c.condition === 'NOT_EXISTS') return v === undefined;
      if (c.condition === 'EQUAL_TO') return v !== undefined && v === c.values[0];
      if (c.condition === 'NOT_EQUAL_TO') return v !== c.values[0];
      throw new KvsFault(501, 'NOT_SERVED', `the local Forge host does not serve the condition ${c.condition} (the app does not use it)`);
    };
    return 'and' in conditions ? items.every(holds) : items.some(holds);
  }

  private get(map: Map<string, Entry>, { key }: { key: string }, shownKey = key): KvsAnswer {
    if (map !== this.entityItems) checkKey(key);
    this.counts.reads += 1;
    const e = this.live(map, key);
    if (!e) throw new KvsFault(404, 'KEY_NOT_FOUND', `no value for key "${shownKey}"`);
    return { status: 200, body: this.view(shownKey, e) };
  }

  private set(map: Map<string, Entry>, { key, value, options }: z.infer<typeof setBody>, shownKey = key): KvsAnswer {
    if (map !== this.entityItems) checkKey(key);
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
      return { status: 200, body: shown ? this.view(shownKey, shown) : null };
    }
    return { status: 204 };
  }

  private remove(map: Map<string, Entry>, key: string): KvsAnswer {
    if (map !== this.entityItems) checkKey(key);
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
    const target = (key: string, entityName: string | undefined) => (entityName === undefined ? (checkKey(key), key) : this.itemKey(entityName, key));
    const ops = [
      ...(t.set ?? []).map((s) => {
        if (s.entityName !== undefined) this.checkItem(s.entityName, s.value);
        else if (s.conditions) throw new KvsFault(400, 'INVALID_CONDITIONS', `conditions apply to custom entity items; "${s.key}" names no entity`);
        return { key: s.key, at: target(s.key, s.entityName), entityName: s.entityName, conditions: s.conditions, json: encodeValue(s.value) as string | null, ttl: s.options?.ttl };
      }),
      ...(t.delete ?? []).map((d) => {
        if (d.entityName === undefined && d.conditions) throw new KvsFault(400, 'INVALID_CONDITIONS', `conditions apply to custom entity items; "${d.key}" names no entity`);
        return { key: d.key, at: target(d.key, d.entityName), entityName: d.entityName, conditions: d.conditions, json: null, ttl: undefined };
      }),
    ];
    const checks = (t.check ?? []).map((c) => ({ key: c.key, at: this.itemKey(c.entityName, c.key), entityName: c.entityName, conditions: c.conditions }));
    const count = ops.length + checks.length;
    if (count === 0) throw new KvsFault(400, 'EMPTY_TRANSACTION', 'expected at least one operation in the transaction');
    if (count > KVS_LIMITS.maxTransactionOps) throw new KvsFault(400, 'TOO_MANY_OPERATIONS', `expected at most ${KVS_LIMITS.maxTransactionOps} operations in a transaction, got ${count}`);
    const targets = [...ops, ...checks].map((o) => o.at);
    if (new Set(targets).size !== targets.length) throw new KvsFault(400, 'DUPLICATE_KEY', 'expected each key at most once in a transaction');
    const bytes = ops.reduce((n, o) => n + Buffer.byteLength(o.json ?? '', 'utf8') + o.key.length, 0);
    if (bytes > KVS_LIMITS.maxTransactionBytes) throw new KvsFault(413, 'MAX_SIZE', `expected a transaction of at most ${KVS_LIMITS.maxTransactionBytes} bytes, got ${bytes}`);
    for (const o of [...ops, ...checks]) {
      if (o.entityName !== undefined && o.conditions && !this.meets(o.entityName, o.at, o.conditions)) {
        throw new KvsFault(409, 'CONDITION_NOT_MET', `the conditions on ${o.entityName} "${o.key}" are not met; nothing in the transaction was written`);
      }
    }
    this.counts.writes += 1;
    this.counts.transactions += 1;
    this.counts.keysWritten += ops.length;
    for (const op of ops) {
      const map = op.entityName === undefined ? this.values : this.entityItems;
      if (op.json === null) map.delete(op.at);
      else map.set(op.at, this.entry(op.json, this.live(map, op.at), op.ttl));
    }
    this.persist();
    return { status: 204 };
  }
}
