import { buildIssueIndex, compileJql, computeProgressHistory, type KrContext } from '@okr-bridge/core';
import { loadAcme, reconciledMetrics } from '../testing/test-deps';
import { buildDepartmentInputs } from './department-inputs';
import { departmentViewOf } from './read-views';
import { computeDepartmentTrend, TREND_POINTS } from './trend';

const AT = '2026-11-15T12:00:00.000Z';

describe('department trend', () => {
  const { org, issues } = loadAcme();
  const inputs = buildDepartmentInputs(org, reconciledMetrics(org, issues, AT), AT);
  const index = buildIssueIndex(issues);
  // Core over the full snapshot, every JQL evaluated over every issue: what the stored facts must reproduce.
  const snapshot: KrContext = {
    cycle: org.cycle,
    at: AT,
    index,
    checkIns: org.checkIns,
    statusWeights: org.settings.statusWeights,
    jqlIssues: (jql) => issues.filter((i) => compileJql(jql, { now: AT }).test(i)),
  };

  it.each(org.departments.map((d) => d.id))('draws department %s from the stored facts as core does from the snapshot, ending on the progress shown', (id) => {
    const input = inputs.find((i) => i.department === id)!;
    const trend = computeDepartmentTrend(input, AT);
    const view = departmentViewOf(input, AT)!;
    expect(Object.keys(trend.objectives)).toEqual(view.objectives.map((o) => o.id));
    for (const o of view.objectives) {
      expect(trend.objectives[o.id]).toHaveLength(TREND_POINTS);
      expect(trend.objectives[o.id]!.at(-1)!.progress).toBeCloseTo(o.progress, 12);
      for (const kr of o.keyResults) {
        const series = trend.keyResults[kr.id]!;
        expect(series.at(-1)!.progress).toBeCloseTo(kr.progress, 12);
        const def = org.objectives.flatMap((x) => x.keyResults).find((k) => k.id === kr.id)!;
        if (def.kind !== 'rollup') expect(series).toEqual(computeProgressHistory(def, snapshot, TREND_POINTS));
      }
    }
  });

  it('moves the JQL key result from 1 of the 8 bugs open at the cycle start to 11 of 18 now', () => {
    // Created by 2026-10-01: CS-80, 87, 88, 89, 90, 94, 95, 96; only CS-90 (resolved 2026-09-26) was done by then.
    const series = computeDepartmentTrend(inputs.find((i) => i.department === 'cs')!, AT).keyResults['cs-o2-kr1']!;
    expect(series[0]).toEqual({ date: '2026-10-01', progress: 1 / 8, expected: 0 });
    expect(series.at(-1)!.progress).toBeCloseTo(11 / 18, 12);
    expect(new Set(series.map((p) => p.progress.toFixed(4))).size).toBeGreaterThan(3);
  });

  it('rolls a roll-up key result up from the objectives aligned to it, day by day', () => {
    const eng = computeDepartmentTrend(inputs.find((i) => i.department === 'eng')!, AT);
    const plat = computeDepartmentTrend(inputs.find((i) => i.department === 'plat')!, AT);
    const aligned = org.objectives.filter((o) => o.alignedTo.some((a) => a.kr === 'eng-o2-kr1'));
    expect(aligned.length).toBeGreaterThan(0);
    const weights = aligned.map((o) => o.alignedTo.find((a) => a.kr === 'eng-o2-kr1')!.weight);
    const total = weights.reduce((a, b) => a + b, 0);
    const own = { ...eng.objectives, ...plat.objectives };
    eng.keyResults['eng-o2-kr1']!.forEach((p, i) => {
      const mean = aligned.reduce((sum, o, j) => sum + weights[j]! * own[o.id]![i]!.progress, 0) / total;
      expect(p.progress).toBeCloseTo(mean, 12);
    });
  });
});
