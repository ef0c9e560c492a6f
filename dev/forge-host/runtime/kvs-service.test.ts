/**
 * The KVS service answers the real `@forge/kvs` package as Forge's KVS does: the package runs
 * unchanged here, its calls reaching the service through the runtime's `__forge_fetch__` (as in
 * the sandbox), so what the app sees — values, `undefined` for a missing key, cursors, and
 * `ForgeKvsAPIError`s with KVS's codes — is what the wire contract gives.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KvsService, KVS_LIMITS } from './kvs-service';
import { createPlatform } from './platform';
import type { JiraAccess } from '../jira-access';

type Kvs = typeof import('@forge/kvs').kvs;

let dir: string;
let service: KvsService;
let kvs: Kvs;
let now = Date.parse('2026-11-15T12:00:00Z');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kvs-service-'));
  service = new KvsService(join(dir, 'kvs.json'), () => now, { 'record-revision': { rev: 'string' } });
  const platform = createPlatform({ kvs: service, jira: {} as JiraAccess, webTriggerUrl: () => '', push: () => undefined });
  const invocation = { id: 'test', functionKey: 'resolver', accountId: undefined };
  (globalThis as Record<string, unknown>).__forge_fetch__ = async (target: { type: string }, path: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
    const a = await platform(target, path, { method: init.method, headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) }, invocation);
    return new Response(a.status === 204 ? null : (a.body ?? null), { status: a.status, headers: a.headers ?? {} });
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  kvs = (require('@forge/kvs') as typeof import('@forge/kvs')).kvs;
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).__forge_fetch__;
  rmSync(dir, { recursive: true, force: true });
});

const codeOf = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code);

describe('values', () => {
  it('stores, reads back and deletes a value; a missing key reads as undefined', async () => {
    await kvs.set('site', { name: 'Acme', departments: ['eng'] });
    expect(await kvs.get('site')).toEqual({ name: 'Acme', departments: ['eng'] });
    await kvs.delete('site');
    expect(await kvs.get('site')).toBeUndefined();
  });

  it('keeps values in the data file, which a new service reads', async () => {
    await kvs.set('kept', 42);
    expect(JSON.parse(readFileSync(join(dir, 'kvs.json'), 'utf8')).values.kept.json).toBe('42');
    expect(new KvsService(join(dir, 'kvs.json')).keys()).toContain('kept');
  });

  it('keeps the writes of one function call in the data file once, when the call ends, while the call reads them at once', async () => {
    const fileHas = (key: string) => Object.hasOwn(JSON.parse(readFileSync(join(dir, 'kvs.json'), 'utf8')).values, key);
    await service.persistOnceAfter(async () => {
      await kvs.set('batch-1', 1);
      await kvs.set('batch-2', 2);
      expect(await kvs.get('batch-2')).toBe(2);
      expect([fileHas('batch-1'), fileHas('batch-2')]).toEqual([false, false]);
    });
    expect([fileHas('batch-1'), fileHas('batch-2')]).toEqual([true, true]);
    await expect(service.persistOnceAfter(async () => {
      await kvs.set('batch-3', 3);
      throw new Error('the function failed');
    })).rejects.toThrow('the function failed');
    expect(fileHas('batch-3')).toBe(true);
  });

  it('refuses keys and values past the documented limits, with KVS error codes, and stores nothing', async () => {
    const before = service.counts.writes;
    expect(await codeOf(kvs.set('x'.repeat(KVS_LIMITS.maxKeyLength + 1), 1))).toBe('KEY_TOO_LONG');
    expect(await codeOf(kvs.set('bad/key', 1))).toBe('INVALID_KEY');
    expect(await codeOf(kvs.set('big', 'x'.repeat(KVS_LIMITS.maxValueBytes)))).toBe('MAX_SIZE');
    let deep: unknown = 1;
    for (let i = 0; i < KVS_LIMITS.maxDepth + 1; i++) deep = { d: deep };
    expect(await codeOf(kvs.set('deep', deep))).toBe('MAX_DEPTH');
    expect(service.counts.writes).toBe(before);
    expect(await kvs.get('big')).toBeUndefined();
  });

  it('honours FAIL_IF_EXISTS and expires values at their TTL', async () => {
    await kvs.set('once', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await codeOf(kvs.set('once', 2, { keyPolicy: 'FAIL_IF_EXISTS' }))).toBe('KEY_ALREADY_EXISTS');
    expect(await kvs.get('once')).toBe(1);
    await kvs.setSecret('code', 'abc', { ttl: { value: 15, unit: 'MINUTES' } });
    expect(await kvs.getSecret('code')).toBe('abc');
    now += 15 * 60_000;
    expect(await kvs.getSecret('code')).toBeUndefined();
  });
});

describe('queries', () => {
  it('pages by key prefix, at most 20 a page, with a cursor to the next', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`rec#${String(i).padStart(3, '0')}`, i);
    const first = await kvs.query().where('key', { condition: 'BEGINS_WITH', values: ['rec#'] }).limit(20).getMany<number>();
    expect(first.results.map((r) => r.value)).toEqual([...Array(20).keys()]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await kvs.query().where('key', { condition: 'BEGINS_WITH', values: ['rec#'] }).limit(20).cursor(first.nextCursor!).getMany<number>();
    expect(rest.results.map((r) => r.value)).toEqual([20, 21, 22, 23, 24]);
    expect(rest.nextCursor).toBeUndefined();
    expect(await codeOf(kvs.query().limit(21).getMany())).toBe('INVALID_LIMIT');
  });
});

describe('transactions', () => {
  it('applies sets and deletes together, as one write', async () => {
    await kvs.set('t:old', 1);
    const writes = service.counts.writes;
    await kvs.transact().set('t:a', 'a').set('t:b', 'b').delete('t:old').execute();
    expect(service.counts.writes - writes).toBe(1);
    expect([await kvs.get('t:a'), await kvs.get('t:b'), await kvs.get('t:old')]).toEqual(['a', 'b', undefined]);
  });

  it('refuses more than 25 operations, or one key twice, and applies none of them', async () => {
    let tx = kvs.transact();
    for (let i = 0; i < KVS_LIMITS.maxTransactionOps + 1; i++) tx = tx.set(`many:${i}`, i);
    expect(await codeOf(tx.execute())).toBe('TOO_MANY_OPERATIONS');
    expect(await kvs.get('many:0')).toBeUndefined();
    expect(await codeOf(kvs.transact().set('dup', 1).delete('dup').execute())).toBe('DUPLICATE_KEY');
    expect(await kvs.get('dup')).toBeUndefined();
  });
});

describe('custom entities', () => {
  type KvsModule = typeof import('@forge/kvs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Filter, FilterConditions } = require('@forge/kvs') as KvsModule;
  const revIs = (rev: string) => new Filter<{ rev: string }>().or('rev', FilterConditions.equalTo(rev)).or('rev', FilterConditions.notExists());
  const absent = () => new Filter<{ rev: string }>().and('rev', FilterConditions.notExists());

  it('stores, reads back and deletes an item of a declared entity, kept in the data file', async () => {
    const revisions = kvs.entity<{ rev: string }>('record-revision');
    expect(await revisions.get('org')).toBeUndefined();
    await revisions.set('org', { rev: 'r1' });
    expect(await revisions.get('org')).toEqual({ rev: 'r1' });
    expect(new KvsService(join(dir, 'kvs.json'), () => now, { 'record-revision': { rev: 'string' } }).handle('/api/v1/entity/get', { entityName: 'record-revision', key: 'org' })).toMatchObject({ status: 200, body: { value: { rev: 'r1' } } });
    await revisions.delete('org');
    expect(await revisions.get('org')).toBeUndefined();
  });

  it('refuses an undeclared entity, an undeclared attribute or a wrongly typed one', async () => {
    expect(await codeOf(kvs.entity('employee').set('e1', { rev: 'x' }))).toBe('INVALID_ENTITY');
    expect(await codeOf(kvs.entity('record-revision').set('e1', { other: 'x' }))).toBe('INVALID_VALUE');
    expect(await codeOf(kvs.entity('record-revision').set('e1', { rev: 3 }))).toBe('INVALID_VALUE');
    expect(await kvs.entity('record-revision').get('e1')).toBeUndefined();
  });

  it('writes a transaction whose conditions hold, plain keys and entity items together', async () => {
    await kvs.transact().set('doc:1', { v: 1 }).set('doc', { rev: 'a' }, { entityName: 'record-revision', conditions: absent() }).execute();
    await kvs.transact().set('doc:1', { v: 2 }).set('doc', { rev: 'b' }, { entityName: 'record-revision', conditions: revIs('a') }).execute();
    expect(await kvs.get('doc:1')).toEqual({ v: 2 });
    expect(await kvs.entity('record-revision').get('doc')).toEqual({ rev: 'b' });
  });

  it('writes nothing when a set or a check fails its conditions', async () => {
    const writes = service.counts.writes;
    // A writer that loaded revision "a" comes second: its set is refused, and so is everything with it.
    expect(await codeOf(kvs.transact().set('doc:1', { v: 3 }).set('doc', { rev: 'c' }, { entityName: 'record-revision', conditions: revIs('a') }).execute())).toBe('CONDITION_NOT_MET');
    expect(await codeOf(kvs.transact().set('doc:2', { v: 1 }).check('doc', { entityName: 'record-revision', conditions: absent() }).execute())).toBe('CONDITION_NOT_MET');
    expect(service.counts.writes).toBe(writes);
    expect(await kvs.get('doc:1')).toEqual({ v: 2 });
    expect(await kvs.get('doc:2')).toBeUndefined();
    expect(await kvs.entity('record-revision').get('doc')).toEqual({ rev: 'b' });
    // A check that holds writes the rest.
    await kvs.transact().set('doc:2', { v: 1 }).check('doc', { entityName: 'record-revision', conditions: revIs('b') }).execute();
    expect(await kvs.get('doc:2')).toEqual({ v: 1 });
  });
});
