import { isOkrError } from '../model/errors';
import { computeExpected, toCycleSpan } from './expected';

const cycle = { start: '2026-10-01', end: '2026-12-31' };

describe('computeExpected', () => {
  it('counts the end date as a whole day: 92 days from 2026-10-01 to 2026-12-31', () => {
    expect(toCycleSpan(cycle).end - toCycleSpan(cycle).start).toBe(92);
  });

  it('gives the share of the cycle elapsed at a date', () => {
    expect(computeExpected(cycle, '2026-11-15')).toBe(45 / 92);
  });

  it('is 0 at the start and before it', () => {
    expect(computeExpected(cycle, '2026-10-01')).toBe(0);
    expect(computeExpected(cycle, '2026-09-01')).toBe(0);
  });

  it('reaches 1 only at 00:00 the day after the end date, and stays there', () => {
    expect(computeExpected(cycle, '2026-12-31')).toBe(91 / 92);
    expect(computeExpected(cycle, '2027-01-01')).toBe(1);
    expect(computeExpected(cycle, '2027-06-30')).toBe(1);
  });

  it('reads an instant to the hour, in UTC', () => {
    expect(computeExpected(cycle, '2026-10-01T12:00:00Z')).toBe(0.5 / 92);
    // 00:00 at +02:00 is 22:00 UTC the day before.
    expect(computeExpected(cycle, '2026-10-02T00:00:00+02:00')).toBeCloseTo(22 / 24 / 92, 12);
  });

  it('refuses an `at` that is neither a date nor an instant', () => {
    let error: unknown;
    try {
      computeExpected(cycle, 'yesterday');
    } catch (e) {
      error = e;
    }
    expect(isOkrError(error) && error.code).toBe('invalid-argument');
    expect((error as Error).message).toBe('at: expected a date written YYYY-MM-DD or an ISO instant, got "yesterday"');
  });
});
