/**
 * The OKR repository contract: every adapter of `OkrRepository` passes this suite (run by
 * `memory-okr-repository.test.ts` and `adapters/kvs-okr-repository.test.ts`).
 */
import { buildEpicMetrics, emptyMetrics, type IssueFacts } from '@okr-bridge/core';
import { planCycleWrite } from '../domain/rebuild';
import { emptySite } from '../domain/org-assembly';
import { loadAcme } from '../testing/test-deps';
import type { OkrRepository } from './okr-repository';
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

export function describeOkrRepositoryContract(name: string, create: () => OkrRepository): void {
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
  });
}
