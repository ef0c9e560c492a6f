import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KvsDouble } from './kvs-double';
import { openFileKvs } from './kvs-file-double';

describe('KVS double', () => {
  it('refuses keys KVS refuses: empty, longer than 500 characters, or with other characters', async () => {
    const kvs = new KvsDouble();
    await expect(kvs.set('', 1)).rejects.toThrow('KEY_TOO_SHORT');
    await expect(kvs.set('k'.repeat(501), 1)).rejects.toThrow('KEY_TOO_LONG: expected a key of at most 500 characters, got 501');
    await expect(kvs.set('a/b', 1)).rejects.toThrow('INVALID_KEY');
    await kvs.set('site:a_b-c.d#000', 1);
    expect(kvs.keys()).toEqual(['site:a_b-c.d#000']);
  });

  it('refuses values over 240 KiB and deeper than 32 levels', async () => {
    const kvs = new KvsDouble();
    await expect(kvs.set('big', 'x'.repeat(240 * 1024))).rejects.toThrow('MAX_SIZE: expected a value of at most 245760 bytes, got 245762');
    let deep: unknown = 1;
    for (let i = 0; i < 33; i++) deep = { d: deep };
    await expect(kvs.set('deep', deep)).rejects.toThrow('MAX_DEPTH');
    expect(kvs.counts.writes).toBe(0);
  });

  it('pages queries at most 20 results at a time with a cursor, and counts each page as a read', async () => {
    const kvs = new KvsDouble();
    for (let i = 0; i < 25; i++) await kvs.set(`p:${String(i).padStart(2, '0')}`, i);
    await kvs.set('q:other', 0);
    expect(() => kvs.query().limit(21)).toThrow('INVALID_LIMIT');
    kvs.resetCounts();
    const first = await kvs.query().where('key', { condition: 'BEGINS_WITH', values: ['p:'] }).limit(20).getMany<number>();
    expect(first.results.map((r) => r.value)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const second = await kvs.query().where('key', { condition: 'BEGINS_WITH', values: ['p:'] }).limit(20).cursor(first.nextCursor!).getMany<number>();
    expect(second.results.map((r) => r.value)).toEqual([20, 21, 22, 23, 24]);
    expect(second.nextCursor).toBeUndefined();
    expect(kvs.counts.reads).toBe(2);
  });

  it('applies a transaction whole or not at all, and refuses more than 25 operations', async () => {
    const kvs = new KvsDouble();
    let tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx = tx.set(`t:${i}`, i);
    await expect(tx.execute()).rejects.toThrow('TOO_MANY_OPERATIONS: expected at most 25 operations in a transaction, got 26');
    expect(kvs.keys()).toEqual([]);
    await kvs.transact().set('a:1', 1).set('a:2', 2).delete('a:3').execute();
    expect(kvs.keys()).toEqual(['a:1', 'a:2']);
    expect(kvs.counts).toMatchObject({ transactions: 1, keysWritten: 3 });
  });

  it('forgets values when their TTL has passed', async () => {
    let now = 1_000_000;
    const kvs = new KvsDouble({ clock: () => now });
    await kvs.set('r:1', 1, { ttl: { value: 10, unit: 'MINUTES' } });
    now += 9 * 60_000;
    expect(await kvs.get('r:1')).toBe(1);
    now += 2 * 60_000;
    expect(await kvs.get('r:1')).toBeUndefined();
  });

  it('keeps its data in a file when file-backed', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kvs-')), 'kvs.json');
    const a = openFileKvs(path);
    await a.set('site#000', { hello: 'world' });
    await a.setSecret('s:1', { secret: 'x' });
    await a.transact().set('site', { rev: 'r1' }, { entityName: 'record-revision' }).execute();
    const b = openFileKvs(path);
    expect(await b.get('site#000')).toEqual({ hello: 'world' });
    expect(await b.entity('record-revision').get('site')).toEqual({ rev: 'r1' });
    expect(await b.getSecret('s:1')).toEqual({ secret: 'x' });
  });
});
