import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OkrError } from '../../core/src/model/errors';
import { loadSnapshotFile } from './load';
import { Site, siteFromSnapshot } from './site';
import { rawIssue } from './testing';

describe('Site', () => {
  const make = () =>
    new Site([
      rawIssue(10001, 'ENG-1', { type: 'Epic' }),
      rawIssue(10002, 'ENG-2', { parent: 'ENG-1', points: 2 }),
      rawIssue(10009, 'ENG-7', { parent: 'ENG-1' }),
      rawIssue(10003, 'OPS-3', { parent: 'ENG-1' }),
    ]);

  it('finds issues by key in any case and by id', () => {
    const site = make();
    expect(site.get('eng-2')?.id).toBe('10002');
    expect(site.get('10003')?.key).toBe('OPS-3');
    expect(site.get('ENG-9')).toBeUndefined();
  });

  it('finds candidates by parent key or id, key, and project, without duplicates', () => {
    const site = make();
    const keys = (b: Parameters<Site['candidates']>[0]) => site.candidates(b).map((r) => r.key).sort();
    expect(keys([{ field: 'parent', values: ['eng-1'] }])).toEqual(['ENG-2', 'ENG-7', 'OPS-3']);
    expect(keys([{ field: 'parent', values: ['10001'] }])).toEqual(['ENG-2', 'ENG-7', 'OPS-3']);
    expect(keys([{ field: 'project', values: ['OPS'] }, { field: 'key', values: ['OPS-3', '10001'] }])).toEqual(['ENG-1', 'OPS-3']);
  });

  it('recomputes the facts of an issue after it changes, and only then', () => {
    const site = make();
    const raw = site.get('ENG-2')!;
    const before = site.factsOf(raw);
    expect(site.factsOf(raw)).toBe(before);
    const version = site.version;
    site.update(raw, (r) => {
      (r.fields as Record<string, unknown>).customfield_10016 = 5;
      delete r.fields.parent;
    });
    expect(site.version).toBe(version + 1);
    expect([site.factsOf(raw).points, site.factsOf(raw).parent]).toEqual([5, null]);
    expect(site.childrenOf('ENG-1').map((r) => r.key)).toEqual(['ENG-7', 'OPS-3']);
  });

  it('continues ids and key numbers after the loaded ones', () => {
    const site = make();
    expect(site.allocate('eng')).toEqual({ id: '10010', key: 'ENG-8' });
    expect(site.allocate('OPS')).toEqual({ id: '10011', key: 'OPS-4' });
  });

  it('refuses a second issue with the same key', () => {
    expect(() => new Site([rawIssue(1, 'ENG-1'), rawIssue(2, 'ENG-1')])).toThrow('issue ENG-1: expected a new issue, got a second ENG-1 (id 2)');
  });

  it('reads a snapshot file and names the file and the issue when one is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jira-emulator-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ issues: [rawIssue(10001, 'ENG-1'), rawIssue(10002, 'ENG-2', { parent: 'ENG-1' })] }));
    expect(loadSnapshotFile(good).childrenOf('ENG-1').map((r) => r.key)).toEqual(['ENG-2']);
    const bad = { issues: [rawIssue(10001, 'ENG-1'), { id: '10002', key: 'ENG-2', fields: { created: '2026-01-01' } }] };
    try {
      siteFromSnapshot(bad, {}, 'bad.json');
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(OkrError);
      expect((e as OkrError).issues).toEqual([{ where: 'bad.json issues[1].fields.status', message: 'Invalid input: expected object, received undefined' }]);
    }
  });
});
