/**
 * The revision guard as KVS sees it: the conditions the repository builds, serialized by the
 * real `@forge/kvs` (over a captured request, the same body Forge's storage API receives), and
 * the custom entity the guard writes, declared in `manifest.yml` as the double enforces it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kvs as realKvs } from '@forge/kvs';
import { parse } from 'yaml';
import { KvsDouble } from './kvs-double';
import { KVS_ENTITIES } from './kvs-port';
import { REVISION_ENTITY, revisionConditions } from './kvs-revisions';

const root = join(__dirname, '..', '..', '..');

describe('revision guard', () => {
  it('is serialized by the real @forge/kvs as a documented conditional entity set and check', async () => {
    const sent: { path: string; body: unknown }[] = [];
    const g = globalThis as unknown as { __forge_fetch__?: unknown };
    g.__forge_fetch__ = async (_ctx: unknown, path: string, options: { body: string }) => {
      sent.push({ path, body: JSON.parse(options.body) });
      return new Response('', { status: 200 });
    };
    try {
      await realKvs
        .transact()
        .set('cycle:2026-Q4#000', { rev: 'b', i: 0, n: 1, data: {} })
        .set('cycle:2026-Q4', { rev: 'b' }, { entityName: REVISION_ENTITY, conditions: revisionConditions('a') as never })
        .check('site', { entityName: REVISION_ENTITY, conditions: revisionConditions(null) as never })
        .execute();
    } finally {
      delete g.__forge_fetch__;
    }
    expect(sent).toEqual([
      {
        path: '/api/v1/transaction',
        body: {
          set: [
            { key: 'cycle:2026-Q4#000', value: { rev: 'b', i: 0, n: 1, data: {} } },
            {
              key: 'cycle:2026-Q4',
              value: { rev: 'b' },
              entityName: REVISION_ENTITY,
              conditions: { or: [{ property: 'rev', condition: 'EQUAL_TO', values: ['a'] }, { property: 'rev', condition: 'NOT_EXISTS', values: [true] }] },
            },
          ],
          check: [{ key: 'site', entityName: REVISION_ENTITY, conditions: { and: [{ property: 'rev', condition: 'NOT_EXISTS', values: [true] }] } }],
        },
      },
    ]);
  });

  it('uses only custom entities the manifest declares, with the same attributes', () => {
    const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { app: { storage?: { entities?: { name: string; attributes: Record<string, { type: string }> }[] } } };
    const declared = Object.fromEntries((manifest.app.storage?.entities ?? []).map((e) => [e.name, Object.fromEntries(Object.entries(e.attributes).map(([k, v]) => [k, v.type]))]));
    expect(declared).toEqual(KVS_ENTITIES);
  });
});

describe('KVS double: custom entities in transactions', () => {
  const rev = (expected: string | null) => ({ entityName: REVISION_ENTITY, conditions: revisionConditions(expected) });

  it('writes nothing of a transaction whose condition is not met', async () => {
    const kvs = new KvsDouble();
    await kvs.transact().set('a#000', 1).set('a', { rev: 'r1' }, rev(null)).execute();
    await expect(kvs.transact().set('a#000', 2).set('a', { rev: 'r2' }, rev(null)).execute()).rejects.toThrow('CONDITION_NOT_MET');
    await expect(kvs.transact().set('b#000', 2).check('a', rev('r0')).execute()).rejects.toThrow('CONDITION_NOT_MET');
    expect(await kvs.get('a#000')).toBe(1);
    expect(await kvs.get('b#000')).toBeUndefined();
    expect(await kvs.entity(REVISION_ENTITY).get('a')).toEqual({ rev: 'r1' });
    await kvs.transact().set('a#000', 3).set('a', { rev: 'r3' }, rev('r1')).execute();
    expect(await kvs.get('a#000')).toBe(3);
  });

  it('reads a missing item as having no attributes: NOT_EXISTS holds, EQUAL_TO fails', async () => {
    const kvs = new KvsDouble();
    const equal = { entityName: REVISION_ENTITY, conditions: { filters: () => [{ property: 'rev', condition: 'EQUAL_TO', values: ['x'] }], operator: () => 'and' as const } };
    await expect(kvs.transact().check('nothing', equal).execute()).rejects.toThrow('CONDITION_NOT_MET');
    await kvs.transact().set('k', 1).check('nothing', rev(null)).execute();
    expect(await kvs.get('k')).toBe(1);
  });

  it('refuses undeclared entities, undeclared or mistyped attributes, checks without conditions, a key twice, and counts checks among the 25 operations', async () => {
    const kvs = new KvsDouble();
    expect(() => kvs.transact().set('k', { rev: 'x' }, { entityName: 'other' })).toThrow('INVALID_ENTITY: expected an entity declared in the manifest, got "other"');
    expect(() => kvs.entity('other')).toThrow('INVALID_ENTITY');
    expect(() => kvs.transact().set('k', { rev: 1 }, { entityName: REVISION_ENTITY })).toThrow('INVALID_VALUE: expected attribute rev of entity record-revision to be of type string');
    expect(() => kvs.transact().set('k', { rev: 'x', extra: 1 }, { entityName: REVISION_ENTITY })).toThrow('INVALID_VALUE');
    expect(() => kvs.transact().check('k', { entityName: REVISION_ENTITY } as never)).toThrow('INVALID_TRANSACTION');
    await expect(kvs.transact().set('k', 1).check('k', rev(null)).execute()).rejects.toThrow('DUPLICATE_KEY');
    let tx = kvs.transact();
    for (let i = 0; i < 24; i++) tx = tx.set(`t:${i}`, i);
    await expect(tx.check('c', rev(null)).check('d', rev(null)).execute()).rejects.toThrow('TOO_MANY_OPERATIONS: expected at most 25 operations in a transaction, got 26');
    expect(kvs.keys()).toEqual([]);
  });
});
