import { addDays, clamp01, fromDay, isIsoDate, toDay } from './dates';

describe('dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('2026-11-15T10:00:00Z')).toBe(false);
  });

  it('turns dates and instants into day numbers in UTC', () => {
    expect(toDay('1970-01-02')).toBe(1);
    expect(toDay('1970-01-01T12:00:00Z')).toBe(0.5);
    expect(toDay('1970-01-01T12:00:00.000+02:00')).toBeCloseTo(10 / 24, 10);
    expect(Number.isNaN(toDay('soon'))).toBe(true);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(fromDay(toDay('2026-11-15T23:59:00Z'))).toBe('2026-11-15');
  });

  it('clamps to [0, 1] and maps NaN to 0', () => {
    expect(clamp01(-0.2)).toBe(0);
    expect(clamp01(1.5)).toBe(1);
    expect(clamp01(0.25)).toBe(0.25);
    expect(clamp01(Number.NaN)).toBe(0);
  });
});
