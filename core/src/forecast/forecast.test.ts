import type { IssueFacts } from '../model/issue';
import type { Org } from '../model/org';
import { buildIssue, buildJiraKr, buildKrContext, buildMetricKr, buildMilestoneKr, buildObjective, buildOrg, findLeafKr } from '../testing';
import type { KeyResultInput } from '../testing';
import { computeProgressHistory, forecastAtCycleEnd } from './forecast';
import type { HistoryPoint } from './forecast';

const cycle = { start: '2026-10-01', end: '2026-12-31' };

function orgWith(kr: KeyResultInput, checkIns: { date: string; value?: number; done?: boolean }[] = []): Org {
  return buildOrg({ objectives: [buildObjective('O1', 'acme', [kr])], checkIns: checkIns.map((c) => ({ kr: kr.id, ...c })) });
}

function historyOf(org: Org, id: string, at: string, points: number, issues: readonly IssueFacts[] = []) {
  return computeProgressHistory(findLeafKr(org, id), buildKrContext(org, id, at, issues), points);
}

describe('computeProgressHistory', () => {
  const issues = [
    buildIssue('ENG-10', { parent: 'ENG-1', category: 'done', points: 2, resolved: '2026-10-10T12:00:00.000+0000' }),
    buildIssue('ENG-11', { parent: 'ENG-1', category: 'done', points: 3, resolved: '2026-10-20T12:00:00.000+0000' }),
    buildIssue('ENG-12', { parent: 'ENG-1', category: 'indeterminate', points: 5 }),
    buildIssue('ENG-13', { parent: 'ENG-1', points: 5, created: '2026-10-20T09:00:00.000+0000' }),
    buildIssue('ENG-14', { parent: 'ENG-12', subtask: true, category: 'done', resolved: '2026-10-05T12:00:00.000+0000' }),
  ];

  it('spreads the points evenly over whole days from the cycle start to `at`, with the expected line', () => {
    const org = orgWith(buildJiraKr('J', { epics: ['ENG-1'], measure: 'issues' }));
    expect(historyOf(org, 'J', '2026-11-15', 4, issues)).toEqual([
      { date: '2026-10-01', progress: 0, expected: 0 },
      { date: '2026-10-16', progress: 1 / 3, expected: 15 / 92 },
      { date: '2026-10-31', progress: 2 / 4, expected: 30 / 92 },
      { date: '2026-11-15', progress: 2 / 4, expected: 45 / 92 },
    ]);
  });

  it('counts story points resolved by each date over story points created by then', () => {
    const org = orgWith(buildJiraKr('J', { epics: ['ENG-1'], measure: 'points' }));
    expect(historyOf(org, 'J', '2026-11-15', 4, issues).map((p) => p.progress)).toEqual([0, 2 / 10, 5 / 15, 5 / 15]);
  });

  it('counts a done issue without a resolution date from its last update', () => {
    const list = [buildIssue('ENG-10', { parent: 'ENG-1', category: 'done', resolved: null, updated: '2026-10-12T08:00:00.000+0000' }), buildIssue('ENG-11', { parent: 'ENG-1' })];
    const org = orgWith(buildJiraKr('J', { epics: ['ENG-1'], measure: 'issues' }));
    expect(historyOf(org, 'J', '2026-10-21', 3, list).map((p) => [p.date, p.progress])).toEqual([
      ['2026-10-01', 0],
      ['2026-10-11', 0],
      ['2026-10-21', 0.5],
    ]);
  });

  it('ends on the key result’s current progress, in-progress weight included', () => {
    const org = orgWith(buildJiraKr('J', { epics: ['ENG-1'], measure: 'weighted' }));
    const series = historyOf(org, 'J', '2026-11-15', 2, issues);
    expect(series.map((p) => p.progress)).toEqual([0, 2.5 / 4]);
  });

  it('follows a metric’s check-ins, ignoring those after `at`', () => {
    const org = orgWith(buildMetricKr('M', { start: 0, target: 100 }), [
      { date: '2026-10-05', value: 10 },
      { date: '2026-10-25', value: 30 },
      { date: '2026-11-20', value: 90 },
    ]);
    expect(historyOf(org, 'M', '2026-11-15', 4).map((p) => p.progress)).toEqual([0, 0.1, 0.3, 0.3]);
  });

  it('steps a milestone up on its done check-in', () => {
    const org = orgWith(buildMilestoneKr('L'), [{ date: '2026-10-20', done: true }]);
    expect(historyOf(org, 'L', '2026-11-15', 4).map((p) => p.progress)).toEqual([0, 0, 1, 1]);
  });

  it('never repeats a day when asked for more points than days', () => {
    const org = orgWith(buildMilestoneKr('L'));
    expect(historyOf(org, 'L', '2026-10-04', 10).map((p) => p.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(historyOf(org, 'L', '2026-10-04T18:00:00Z', 3).map((p) => p.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-04']);
  });

  it('gives the single point at `at` when `at` is not after the cycle start or one point is asked', () => {
    const org = orgWith(buildMilestoneKr('L', { done: true }));
    expect(historyOf(org, 'L', '2026-09-20', 10)).toEqual([{ date: '2026-09-20', progress: 1, expected: 0 }]);
    expect(historyOf(org, 'L', '2026-11-15', 1)).toEqual([{ date: '2026-11-15', progress: 1, expected: 45 / 92 }]);
  });
});

const point = (date: string, progress: number): HistoryPoint => ({ date, progress, expected: 0 });

describe('forecastAtCycleEnd', () => {
  it('projects the least-squares line of the last 4 weeks to the cycle end', () => {
    // 1% a day over the last four weeks; the early flat start is outside the window.
    const series = [point('2026-10-01', 0), point('2026-10-16', 0), point('2026-10-31', 0.3), point('2026-11-07', 0.37), point('2026-11-15', 0.45)];
    const forecast = forecastAtCycleEnd(series, cycle);
    expect(forecast.projected).toBeCloseTo(0.92, 12);
    expect(forecast.method).toBe('linear trend of the last 4 weeks (3 points, least squares) projected to the cycle end 2026-12-31');
  });

  it('reads all of a history shorter than 4 weeks', () => {
    const forecast = forecastAtCycleEnd([point('2026-10-01', 0), point('2026-10-11', 0.1), point('2026-10-21', 0.2)], cycle);
    expect(forecast.projected).toBeCloseTo(0.92, 12);
    expect(forecast.method).toBe('linear trend of all 20 days of history (3 points, least squares) projected to the cycle end 2026-12-31');
  });

  it('fits a line through scattered points', () => {
    // Days 0, 10, 20 with 0, 0.3, 0.2: slope 0.01 a day through the mean (10, 1/6).
    const forecast = forecastAtCycleEnd([point('2026-10-01', 0), point('2026-10-11', 0.3), point('2026-10-21', 0.2)], cycle);
    expect(forecast.projected).toBeCloseTo(1 / 6 + 0.01 * 82, 12);
  });

  it('uses the last two points when fewer than two fall in the window', () => {
    const forecast = forecastAtCycleEnd([point('2026-10-01', 0), point('2026-10-11', 0.5), point('2026-11-30', 0.6)], cycle);
    expect(forecast.projected).toBeCloseTo(0.6 + (0.1 / 50) * 32, 12);
    expect(forecast.method).toBe('linear trend of the last 50 days (2 points, least squares; fewer than 2 in the last 4 weeks) projected to the cycle end 2026-12-31');
  });

  it('clamps the projection to [0, 1]', () => {
    expect(forecastAtCycleEnd([point('2026-10-01', 0), point('2026-10-11', 0.5)], cycle).projected).toBe(1);
    expect(forecastAtCycleEnd([point('2026-10-01', 0.5), point('2026-10-11', 0.4)], cycle).projected).toBe(0);
  });

  it('projects the current value from fewer than two points, and 0 from none', () => {
    expect(forecastAtCycleEnd([point('2026-11-15', 0.4)], cycle)).toEqual({ projected: 0.4, method: 'the current value (fewer than 2 points of history)' });
    expect(forecastAtCycleEnd([], cycle)).toEqual({ projected: 0, method: 'no history, so nothing to project: 0' });
  });

  it('keeps the current value once the cycle is over', () => {
    expect(forecastAtCycleEnd([point('2026-12-01', 0.5), point('2027-01-05', 0.7)], cycle)).toEqual({ projected: 0.7, method: 'the current value (the cycle is over)' });
  });
});
