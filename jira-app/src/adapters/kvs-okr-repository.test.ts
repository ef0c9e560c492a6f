import { buildEpicMetrics, emptyMetrics } from '@okr-bridge/core';
import { describeOkrRepositoryContract } from '../storage/okr-repository.contract';
import { RevisionConflict } from '../storage/okr-repository';
import { KvsDouble } from './kvs-double';
import { createKvsOkrRepository } from './kvs-okr-repository';

describeOkrRepositoryContract('KVS repository over the KVS double', () => {
  const kvs = new KvsDouble();
  return () => createKvsOkrRepository(kvs);
});

describeOkrRepositoryContract('KVS repository over the KVS double, invocations interleaved', () => {
  const kvs = new KvsDouble({ pause: () => new Promise((resolve) => setImmediate(resolve)) });
  return () => createKvsOkrRepository(kvs);
});

describe('KVS repository layout', () => {
  const state = (n: number) => {
    const issues = Array.from({ length: n }, (_, i) => ({ id: String(i + 1), key: `BIG-${i + 1}`, project: 'BIG', summary: '', type: 'Task', subtask: false, parent: 'EP-1', status: 'To Do', category: 'new' as const, points: null, flagged: false, links: [], due: null, created: '2026-10-02T10:00:00.000+0000', updated: null, resolved: null, assignee: null }));
    return { version: 1 as const, cycle: 'c1', parts: { objectives: [], dependencies: [], checkIns: [], reviews: [] }, metrics: buildEpicMetrics(['EP-1'], issues), views: {} };
  };

  it('reads a record split into chunks with one query, and writes it in one transaction', async () => {
    const kvs = new KvsDouble();
    await createKvsOkrRepository(kvs).commit({ cycles: [state(4000)] });
    expect(kvs.counts.transactions).toBe(1);
    expect(kvs.keys().filter((k) => k.startsWith('cycle:c1#')).length).toBeGreaterThan(2);
    kvs.resetCounts();
    expect((await createKvsOkrRepository(kvs).loadCycle('c1'))?.metrics.epics['EP-1']?.issues.length).toBe(4000);
    expect(kvs.counts.reads).toBe(1);
  });

  it('leaves the stored record whole when its transaction fails', async () => {
    const kvs = new KvsDouble();
    const repo = createKvsOkrRepository(kvs);
    await repo.commit({ cycles: [state(10)] });
    kvs.failNextWrite = 'simulated outage';
    await expect(repo.commit({ cycles: [{ ...state(10), metrics: emptyMetrics() }] })).rejects.toThrow('simulated outage');
    expect((await repo.loadCycle('c1'))?.metrics.epics['EP-1']?.issues.length).toBe(10);
  });

  it('splits a change over more than 25 records into several transactions, each within the limit', async () => {
    const kvs = new KvsDouble();
    const departments = Array.from({ length: 30 }, (_, i) => ({ version: 1 as const, cycle: 'c1', department: `d${i}`, org: {} as never, metrics: emptyMetrics(), lint: [] }));
    await createKvsOkrRepository(kvs).commit({ departments });
    expect(kvs.counts.transactions).toBe(2);
    expect(kvs.keys().filter((k) => k.startsWith('dept:c1:')).length).toBe(30);
  });

  it('commits more loaded records than one transaction holds in several, each checking the guards still to come, and a stale writer writes none of them', async () => {
    const kvs = new KvsDouble();
    const cycles = Array.from({ length: 30 }, (_, i) => ({ ...state(1), cycle: `c${i}` }));
    await createKvsOkrRepository(kvs).commit({ cycles });
    const [a, b] = [createKvsOkrRepository(kvs), createKvsOkrRepository(kvs)];
    for (const c of cycles) {
      await a.loadCycle(c.cycle);
      await b.loadCycle(c.cycle);
    }
    kvs.resetCounts();
    await a.commit({ cycles: cycles.map((c) => ({ ...c, views: { by: 'a' } })) });
    expect(kvs.counts.transactions).toBeGreaterThan(2);
    kvs.resetCounts();
    await expect(b.commit({ cycles: cycles.map((c) => ({ ...c, views: { by: 'b' } })) })).rejects.toThrow(RevisionConflict);
    expect(kvs.counts.transactions).toBe(0);
    const reader = createKvsOkrRepository(kvs);
    for (const c of cycles) expect((await reader.loadCycle(c.cycle))?.views).toEqual({ by: 'a' });
  });
});
