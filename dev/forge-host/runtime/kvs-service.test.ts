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
  service = new KvsService(join(dir, 'kvs.json'), () => now);
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
