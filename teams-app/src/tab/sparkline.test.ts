import { computeSparkline } from './sparkline';

describe('computeSparkline', () => {
  const base = { start: '2026-10-01', end: '2026-12-31', width: 96, height: 24 };

  test('the expected line runs from the bottom left to the top right', () => {
    expect(computeSparkline({ ...base, points: [] }).expected).toBe('M2,22L94,2');
  });

  test('observed progress starts at 0 on the cycle start and ends on the latest point', () => {
    // 2026-11-15 is day 45 of a 91-day span: x = 2 + 45/91 * 92 = 47.5; 50% → y = 22 - 0.5 * 20 = 12.
    const g = computeSparkline({ ...base, points: [{ day: '2026-11-15', progress: 0.5 }] });
    expect(g.actual).toBe('M2,22L47.5,12');
    expect(g.last).toEqual({ x: 47.5, y: 12 });
  });

  test('clamps progress and days outside the cycle', () => {
    const g = computeSparkline({ ...base, points: [{ day: '2027-02-01', progress: 1.4 }] });
    expect(g.last).toEqual({ x: 94, y: 2 });
  });

  test('with no observation there is no dot', () => {
    expect(computeSparkline({ ...base, points: [] }).last).toBeNull();
  });
});
