import { plotPoint } from './sparkline-geometry';

describe('plotPoint', () => {
  it('puts the cycle start at the left bottom and 100% at the end at the right top, inside a 2 px pad', () => {
    expect(plotPoint({ at: '2026-10-01', progress: 0 }, '2026-10-01', '2026-12-31', 120, 32)).toEqual({ x: 2, y: 30 });
    expect(plotPoint({ at: '2026-12-31', progress: 1 }, '2026-10-01', '2026-12-31', 120, 32)).toEqual({ x: 118, y: 2 });
  });

  it('places an instant by its share of the cycle and clamps what falls outside', () => {
    // 2026-11-15T12:00Z is 45.5 of 91 days in.
    expect(plotPoint({ at: '2026-11-15T12:00:00Z', progress: 0.5 }, '2026-10-01', '2026-12-31', 120, 32)).toEqual({ x: 60, y: 16 });
    expect(plotPoint({ at: '2027-02-01', progress: 1.4 }, '2026-10-01', '2026-12-31', 120, 32)).toEqual({ x: 118, y: 2 });
  });
});
