/**
 * The OKR repository contract: every adapter of `OkrRepository` passes this suite (run by
 * `memory-okr-repository.test.ts` and `adapters/kvs-okr-repository.test.ts`). `createStore`
 * makes an empty store and answers how to open a repository over it, as each invocation does;
 * two repositories over one store are two concurrent invocations.
 */
import { buildEpicMetrics, emptyMetrics, type IssueFacts } from '@okr-bridge/core';
import { planCycleWrite } from '../domain/rebuild';
import { emptySite } from '../domain/org-assembly';
import { loadAcme } from '../testing/test-deps';
import { RevisionConflict, type OkrRepository } from './okr-repository';
import { EMPTY_SYNC, type CycleState } from './records';

const AT = '2026-11-15T09:00:00.000Z';

function acmeChange() {
  const { org, issues } = loadAcme();
  return planCycleWrite(emptySite(), null, org, buildEpicMetrics(['ENG-101'], issues), AT);
}

/** A cycle state well over one KVS value (about 3,000 issues of metrics). */
function bigCycle(): CycleState {
  const issues: IssueFacts[] = [];
  for (let i = 1; i <= 3000; i++) {
    issues.push({ id: String(50000 + i), key: `BIG-${i}`, project: 'BIG', summary: '', type: 'Task', subtask: false, parent: `EP-${i % 40}`, status: i % 3 === 0 ? 'Done' : 'In Progress', category: i % 3 === 0 ? 'done' : 'indeterminate', points: i % 5, flagged: false, links: [], due: null, created: '2026-10-02T10:00:00.000+0000', updated: null, resolved: null, assignee: null });
  }
  const metrics = buildEpicMetrics(Array.from({ length: 40 }, (_, i) => `EP-${i}`), issues);
  return { version: 1, cycle: 'big', parts: { objectives: [], dependencies: [], checkIns: [], reviews: [] }, metrics, views: {} };
}

export function describeOkrRepositoryContract(name: string, createStore: () => () => OkrRepository): void {
  const create = () => createStore()();
  describe(`${name} (OkrRepository contract)`, () => {
    it('starts empty: no site, no cycle, no department, the empty sync state', async () => {
      const repo = create();
      expect(await repo.loadSite()).toBeNull();
      expect(await repo.loadCycle('2026-Q4')).toBeNull();
      expect(await repo.loadDepartment('2026-Q4', 'eng')).toBeNull();
      expect(await repo.loadSync()).toEqual(EMPTY_SYNC);
    });

    it('reads back exactly what one commit stored: site, cycle, every department, sync', async () => {
      const repo = create();
      const { nextSite, ...change } = acmeChange();
      const sync = { ...EMPTY_SYNC, watermark: AT };
      await repo.commit({ ...change, sync });
      expect(await repo.loadSite()).toEqual(nextSite);
      expect(await repo.loadCycle('2026-Q4')).toEqual(change.cycles[0]);
      for (const d of change.departments ?? []) expect(await repo.loadDepartment('2026-Q4', d.department)).toEqual(d);
      expect((change.departments ?? []).map((d) => d.department)).toEqual(['eng', 'plat', 'prod', 'mkt', 'sales', 'cs', 'fin']);
      expect(await repo.loadSync()).toEqual(sync);
    });

    it('changes its stamp with every commit a view can see, and not with the sync state alone', async () => {
      const repo = create();
      expect(await repo.loadStamp()).toBeNull();
      const { nextSite, ...change } = acmeChange();
      await repo.commit({ ...change, site: nextSite });
      const first = await repo.loadStamp();
      expect(first).toEqual(expect.any(String));
      await repo.commit({ sync: { ...EMPTY_SYNC, watermark: AT } });
      expect(await repo.loadStamp()).toBe(first);
      await repo.commit({ departments: [{ ...change.departments![0]!, lint: [] }] });
      const second = await repo.loadStamp();
      expect(second).not.toBe(first);
      await repo.commit({ dropDepartments: [{ cycle: '2026-Q4', department: 'fin' }] });
      expect(await repo.loadStamp()).not.toBe(second);
    });

    it('stores a cycle larger than one KVS value and reads it back whole', async () => {
      const repo = create();
      const big = bigCycle();
      expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(240 * 1024);
      await repo.commit({ cycles: [big] });
      expect(await repo.loadCycle('big')).toEqual(big);
    });

    it('replaces a large record by a small one without leftovers showing', async () => {
      const repo = create();
      await repo.commit({ cycles: [bigCycle()] });
      const small: CycleState = { version: 1, cycle: 'big', parts: { objectives: [], dependencies: [], checkIns: [], reviews: [] }, metrics: emptyMetrics(), views: {} };
      await repo.commit({ cycles: [small] });
      expect(await repo.loadCycle('big')).toEqual(small);
    });

    it('drops a department record', async () => {
      const repo = create();
      const { nextSite: _s, ...change } = acmeChange();
      await repo.commit(change);
      await repo.commit({ dropDepartments: [{ cycle: '2026-Q4', department: 'plat' }] });
      expect(await repo.loadDepartment('2026-Q4', 'plat')).toBeNull();
      expect((await repo.loadDepartment('2026-Q4', 'eng'))?.department).toBe('eng');
    });

    it('keeps staged department records out of sight until the site switches the cycle to their generation', async () => {
      const open = createStore();
      const { nextSite, ...change } = acmeChange();
      await open().commit({ ...change, site: nextSite });
      const stamp = await open().loadStamp();
      const eng = change.departments!.find((d) => d.department === 'eng')!;
      const staged = { ...eng, lint: [] };
      await open().commit({ stage: { generation: 'g2', departments: [staged] } });
      expect(await open().loadStamp()).toBe(stamp);
      expect(await open().loadDepartment('2026-Q4', 'eng')).toEqual(eng);

      const switched = { ...nextSite, index: { ...nextSite.index, '2026-Q4': { ...nextSite.index['2026-Q4']!, generation: 'g2' } } };
      const writer = open();
      await writer.loadSite();
      await writer.commit({ site: switched });
      expect(await open().loadDepartment('2026-Q4', 'eng')).toEqual(staged);
      expect(await open().loadDepartment('2026-Q4', 'plat')).toBeNull();

      // Writers that loaded the switched site write its generation; the first one is dropped by name.
      await open().commit({ departments: [{ ...staged, lint: eng.lint }], dropDepartments: [{ cycle: '2026-Q4', department: 'eng', generation: null }] });
      expect(await open().loadDepartment('2026-Q4', 'eng')).toEqual(eng);
      const back = open();
      await back.loadSite();
      await back.commit({ site: nextSite });
      expect(await open().loadDepartment('2026-Q4', 'eng')).toBeNull();
      expect((await open().loadDepartment('2026-Q4', 'plat'))?.department).toBe('plat');
    });

    it('keeps departments whose ids share a prefix apart', async () => {
      const repo = create();
      const { departments = [] } = acmeChange();
      const eng = departments.find((d) => d.department === 'eng')!;
      await repo.commit({ departments: [eng, { ...eng, department: 'eng-2' }] });
      expect((await repo.loadDepartment('2026-Q4', 'eng'))?.department).toBe('eng');
      expect((await repo.loadDepartment('2026-Q4', 'eng-2'))?.department).toBe('eng-2');
    });

    it('hands out copies: changing a loaded value changes nothing stored', async () => {
      const repo = create();
      await repo.commit({ sync: { ...EMPTY_SYNC, watermark: AT } });
      const loaded = (await repo.loadSync()) as { watermark: string | null };
      loaded.watermark = 'changed';
      expect((await repo.loadSync()).watermark).toBe(AT);
    });

    describe('revision check', () => {
      const acme = () => acmeChange();
      const withTitle = (site: NonNullable<ReturnType<typeof acmeChange>['nextSite']>, name: string) => ({ ...site, company: { ...site.company, name } });

      it('refuses a commit of a record someone else wrote since it was loaded, and writes none of that commit', async () => {
        const open = createStore();
        const { nextSite, ...change } = acme();
        await open().commit({ ...change, site: nextSite });
        const [a, b] = [open(), open()];
        const [siteA, siteB] = [(await a.loadSite())!, (await b.loadSite())!];
        const cycleB = (await b.loadCycle('2026-Q4'))!;
        await a.commit({ site: withTitle(siteA, 'Written by A') });
        const engB = { ...change.departments!.find((d) => d.department === 'eng')!, lint: [] };
        const attempt = b.commit({ site: withTitle(siteB, 'Written by B'), cycles: [{ ...cycleB, views: {} }], departments: [engB] });
        await expect(attempt).rejects.toThrow(RevisionConflict);
        await expect(attempt).rejects.toThrow('expected site unchanged since loaded, but another writer changed it; load again and re-apply the change');
        const reader = open();
        expect((await reader.loadSite())!.company.name).toBe('Written by A');
        expect((await reader.loadCycle('2026-Q4'))!.views).toEqual(change.cycles[0]!.views);
        expect((await reader.loadDepartment('2026-Q4', 'eng'))!.lint).toEqual(change.departments!.find((d) => d.department === 'eng')!.lint);
      });

      it('accepts the commit once the writer loaded the record again', async () => {
        const open = createStore();
        const { nextSite } = acme();
        await open().commit({ site: nextSite });
        const [a, b] = [open(), open()];
        await b.loadSite();
        await a.commit({ site: withTitle((await a.loadSite())!, 'A') });
        await expect(b.commit({ site: withTitle(nextSite, 'B') })).rejects.toThrow(RevisionConflict);
        const fresh = (await b.loadSite())!;
        expect(fresh.company.name).toBe('A');
        await b.commit({ site: withTitle(fresh, 'A then B') });
        expect((await open().loadSite())!.company.name).toBe('A then B');
      });

      it('lets one of two writers that both found a record absent create it', async () => {
        const open = createStore();
        const [a, b] = [open(), open()];
        expect(await a.loadSync()).toEqual(EMPTY_SYNC);
        expect(await b.loadSync()).toEqual(EMPTY_SYNC);
        await a.commit({ sync: { ...EMPTY_SYNC, watermark: 'A' } });
        await expect(b.commit({ sync: { ...EMPTY_SYNC, watermark: 'B' } })).rejects.toThrow(RevisionConflict);
        expect((await open().loadSync()).watermark).toBe('A');
      });

      it('refuses the second of two writers even when the first stored the very same content', async () => {
        const open = createStore();
        await open().commit({ sync: { ...EMPTY_SYNC, watermark: 'start' } });
        const [a, b] = [open(), open()];
        await a.loadSync();
        await b.loadSync();
        const same = { ...EMPTY_SYNC, watermark: 'same' };
        await a.commit({ sync: same });
        await expect(b.commit({ sync: same })).rejects.toThrow(RevisionConflict);
      });

      it('lets a writer commit again after its own commit, without loading', async () => {
        const open = createStore();
        const repo = open();
        await repo.loadSync();
        await repo.commit({ sync: { ...EMPTY_SYNC, watermark: 'one' } });
        await repo.commit({ sync: { ...EMPTY_SYNC, watermark: 'two' } });
        expect((await open().loadSync()).watermark).toBe('two');
      });

      it('writes a record it never loaded as given (a blind write replaces whatever is there)', async () => {
        const open = createStore();
        await open().commit({ sync: { ...EMPTY_SYNC, watermark: 'first' } });
        await open().commit({ sync: { ...EMPTY_SYNC, watermark: 'second' } });
        expect((await open().loadSync()).watermark).toBe('second');
      });

      it('lets exactly one of eight writers that loaded the same cycle commit, when they commit at once', async () => {
        const open = createStore();
        const { nextSite: _s, ...change } = acme();
        await open().commit(change);
        const writers = Array.from({ length: 8 }, () => open());
        const loaded = await Promise.all(writers.map((w) => w.loadCycle('2026-Q4')));
        const results = await Promise.allSettled(writers.map((w, i) => w.commit({ cycles: [{ ...loaded[i]!, views: { writer: String(i) } }] })));
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
        expect(won).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(RevisionConflict);
        expect((await open().loadCycle('2026-Q4'))!.views).toEqual({ writer: String(won[0]) });
      });
    });
  });
}
