import type { CheckIn } from '../model/org';
import { buildKrContext, buildMetricKr, buildMilestoneKr, buildObjective, buildOrg, findLeafKr } from '../testing';
import type { KeyResultInput } from '../testing';
import { computeKrProgress } from './kr-progress';

const AT = '2026-11-15';

function progressOf(kr: KeyResultInput, checkIns: Partial<CheckIn>[] = [], at = AT) {
  const org = buildOrg({ objectives: [buildObjective('O1', 'acme', [kr])], checkIns: checkIns.map((c) => ({ kr: kr.id, date: '2026-10-15', ...c })) });
  return computeKrProgress(findLeafKr(org, kr.id), buildKrContext(org, kr.id, at));
}

describe('metric key results', () => {
  it('measures (current − start) / (target − start) from the file value before any check-in', () => {
    const { progress, explain } = progressOf(buildMetricKr('M', { start: 10, target: 110, current: 35, unit: 'ms' }));
    expect(progress).toBe(0.25);
    expect(explain).toEqual({
      kind: 'metric',
      value: { start: 10, target: 110, current: 35, source: 'file', unit: 'ms' },
      numerator: 25,
      denominator: 100,
      rule: '(current − start) / (target − start) = (35 − 10) / (110 − 10) = 25 / 100, current from the org file',
    });
  });

  it('takes current from the latest check-in dated on or before `at`, over the file value', () => {
    const checkIns = [{ date: '2026-10-10', value: 50 }, { date: '2026-11-01', value: 60 }, { date: '2026-10-20', value: 55 }];
    const { progress, explain } = progressOf(buildMetricKr('M', { start: 10, target: 110, current: 35 }), checkIns);
    expect(progress).toBe(0.5);
    expect(explain.value).toEqual({ start: 10, target: 110, current: 60, source: 'check-in' });
    expect(explain.rule).toBe('(current − start) / (target − start) = (60 − 10) / (110 − 10) = 50 / 100, current from the check-in of 2026-11-01');
  });

  it('ignores check-ins dated after `at`, and counts one dated on the day of an instant `at`', () => {
    const checkIns = [{ date: '2026-11-01', value: 60 }, { date: '2026-11-15', value: 70 }, { date: '2026-11-20', value: 100 }];
    const kr = buildMetricKr('M', { start: 10, target: 110 });
    expect(progressOf(kr, checkIns, '2026-11-14').progress).toBe(0.5);
    expect(progressOf(kr, checkIns, '2026-11-15T09:30:00Z').progress).toBe(0.6);
  });

  it('lets the later of two check-ins on the same date win', () => {
    const checkIns = [{ date: '2026-11-01', value: 60 }, { date: '2026-11-01', value: 30 }];
    expect(progressOf(buildMetricKr('M', { start: 10, target: 110 }), checkIns).progress).toBe(0.2);
  });

  it('skips check-ins that carry no value', () => {
    const checkIns = [{ date: '2026-11-01', value: 60 }, { date: '2026-11-10', note: 'no news' }];
    expect(progressOf(buildMetricKr('M', { start: 10, target: 110 }), checkIns).explain.value?.current).toBe(60);
  });

  it('falls back to start when there is neither a check-in nor a file value', () => {
    const { progress, explain } = progressOf(buildMetricKr('M', { start: 10, target: 110 }));
    expect(progress).toBe(0);
    expect(explain.value).toEqual({ start: 10, target: 110, current: 10, source: 'start' });
    expect(explain.rule).toBe('(current − start) / (target − start) = (10 − 10) / (110 − 10) = 0 / 100, no value reported yet');
  });

  it('measures a decreasing target the same way', () => {
    const kr = (current: number) => buildMetricKr('M', { start: 200, target: 100, current });
    expect(progressOf(kr(150)).progress).toBe(0.5);
    expect(progressOf(kr(150)).explain.rule).toBe('(current − start) / (target − start) = (150 − 200) / (100 − 200) = -50 / -100, current from the org file');
    expect(progressOf(kr(90)).progress).toBe(1);
    expect(progressOf(kr(250)).progress).toBe(0);
  });

  it('clamps progress to [0, 1] and says so', () => {
    expect(progressOf(buildMetricKr('M', { start: 0, target: 100, current: 120 })).explain.rule).toBe(
      '(current − start) / (target − start) = (120 − 0) / (100 − 0) = 120 / 100, capped at 1, current from the org file',
    );
    expect(progressOf(buildMetricKr('M', { start: 0, target: 100, current: -5 })).explain.rule).toBe(
      '(current − start) / (target − start) = (-5 − 0) / (100 − 0) = -5 / 100, floored at 0, current from the org file',
    );
  });

  it('gives 0 without a target, and says there is none', () => {
    const { progress, explain } = progressOf(buildMetricKr('M', { start: 0, target: undefined, current: 40 }));
    expect(progress).toBe(0);
    expect(explain).toEqual({
      kind: 'metric',
      value: { start: 0, target: null, current: 40, source: 'file' },
      numerator: 0,
      denominator: 0,
      rule: 'no target set, so progress is 0 until the key result names one, current from the org file',
    });
  });

  it('gives 1 when the target equals start and current has reached it, else 0 (a key result stored before the schema refused that)', () => {
    const stored = (current: number) => {
      const org = buildOrg({ objectives: [buildObjective('O1', 'acme', [buildMetricKr('M', { start: 5, target: 6, current })])] });
      return computeKrProgress({ ...findLeafKr(org, 'M'), target: 5 } as ReturnType<typeof findLeafKr>, buildKrContext(org, 'M', AT));
    };
    expect(stored(5).progress).toBe(1);
    expect(stored(6).progress).toBe(1);
    expect(stored(5).explain.rule).toBe('target equals start (5) and current 5 has reached it, so progress is 1, current from the org file');
    expect(stored(4).progress).toBe(0);
    expect(stored(4).explain.rule).toBe('target equals start (5) and current 4 has not reached it, so progress is 0, current from the org file');
  });

  it('reads only its own check-ins from a whole list', () => {
    const org = buildOrg({
      objectives: [buildObjective('O1', 'acme', [buildMetricKr('A', { start: 0, target: 10 }), buildMetricKr('B', { start: 0, target: 10 })])],
      checkIns: [{ kr: 'A', date: '2026-11-01', value: 3 }, { kr: 'B', date: '2026-11-02', value: 9 }],
    });
    const ctx = { ...buildKrContext(org, 'A', AT), checkIns: org.checkIns };
    expect(computeKrProgress(findLeafKr(org, 'A'), ctx).progress).toBe(0.3);
  });
});

describe('milestone key results', () => {
  it('is 0 until done and 1 when the file says done', () => {
    expect(progressOf(buildMilestoneKr('L')).progress).toBe(0);
    expect(progressOf(buildMilestoneKr('L')).explain).toEqual({ kind: 'milestone', numerator: 0, denominator: 1, rule: 'milestone not done per the org file, so progress is 0' });
    expect(progressOf(buildMilestoneKr('L', { done: true })).explain).toEqual({ kind: 'milestone', numerator: 1, denominator: 1, rule: 'milestone done per the org file, so progress is 1' });
  });

  it('lets the latest check-in with `done` dated on or before `at` win over the file', () => {
    const done = progressOf(buildMilestoneKr('L'), [{ date: '2026-11-02', done: true }]);
    expect(done.progress).toBe(1);
    expect(done.explain.rule).toBe('milestone done per the check-in of 2026-11-02, so progress is 1');
    const undone = progressOf(buildMilestoneKr('L', { done: true }), [{ date: '2026-10-10', done: true }, { date: '2026-11-02', done: false }]);
    expect(undone.progress).toBe(0);
    expect(undone.explain.rule).toBe('milestone not done per the check-in of 2026-11-02, so progress is 0');
  });

  it('ignores a done check-in dated after `at` and check-ins without `done`', () => {
    expect(progressOf(buildMilestoneKr('L'), [{ date: '2026-11-20', done: true }]).progress).toBe(0);
    expect(progressOf(buildMilestoneKr('L', { done: true }), [{ date: '2026-11-02', note: 'slipping' }]).progress).toBe(1);
  });
});
