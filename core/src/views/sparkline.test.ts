import { computeSparkline, describeSparkline, plotPoint } from './sparkline';
import { describePace } from './status-text';

describe('plotPoint', () => {
  it('puts the cycle start at the bottom left and its end at the top right, inside the margin', () => {
    expect(plotPoint({ at: '2026-10-01', progress: 0 }, '2026-10-01', '2026-12-31', 120, 32)).toEqual({ x: 2, y: 30 });
    expect(plotPoint({ at: '2026-12-31', progress: 1 }, '2026-10-01', '2026-12-31', 120, 32)).toEqual({ x: 118, y: 2 });
  });

  it('places an instant by its time and clamps what lies outside the cycle or 0..1', () => {
    expect(plotPoint({ at: '2026-11-15T12:00:00Z', progress: 0.5 }, '2026-10-01', '2026-12-31', 120, 32)).toEqual({ x: 60, y: 16 });
    expect(plotPoint({ at: '2027-02-01', progress: 1.4 }, '2026-10-01', '2026-12-31', 120, 32)).toEqual({ x: 118, y: 2 });
  });
});

describe('computeSparkline', () => {
  const base = { start: '2026-10-01', end: '2026-12-31', width: 96, height: 24 };

  it('draws the expected line from the bottom left to the top right', () => {
    expect(computeSparkline({ ...base, points: [] }).expected).toBe('M2,22L94,2');
  });

  it('starts observed progress at 0 on the cycle start and ends on the latest point', () => {
    // 2026-11-15 is day 45 of a 91-day span: x = 2 + 45/91 * 92 = 47.5; 50% → y = 22 - 0.5 * 20 = 12.
    const g = computeSparkline({ ...base, points: [{ day: '2026-11-15', progress: 0.5 }] });
    expect(g.actual).toBe('M2,22L47.5,12');
    expect(g.last).toEqual({ x: 47.5, y: 12 });
  });

  it('clamps progress and days outside the cycle, and has no dot without an observation', () => {
    expect(computeSparkline({ ...base, points: [{ day: '2027-02-01', progress: 1.4 }] }).last).toEqual({ x: 94, y: 2 });
    expect(computeSparkline({ ...base, points: [] }).last).toBeNull();
  });
});

describe('the words of a trend', () => {
  it('read the same pace line the page headers show, with "today" for a trend read now', () => {
    expect(describeSparkline('Close 12 deals', '45%', '49%')).toBe('Trend of Close 12 deals: 45% done, 49% expected by today');
    expect(describePace({ progressLabel: '47%', expectedLabel: '49%' }, '15 Nov 2026')).toBe('47% done, 49% expected by 15 Nov 2026');
  });
});
