import { isTimeZone, nextWeeklyOccurrence } from './reminder-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('nextWeeklyOccurrence', () => {
  it('finds next Monday 09:00 in UTC from a Sunday', () => {
    expect(iso(nextWeeklyOccurrence(Date.parse('2026-11-15T12:00:00Z'), 1, '09:00', 'UTC'))).toBe('2026-11-16T09:00:00.000Z');
  });

  it('skips to the following week once this Monday 09:00 has passed', () => {
    expect(iso(nextWeeklyOccurrence(Date.parse('2026-11-16T09:00:00Z'), 1, '09:00', 'UTC'))).toBe('2026-11-23T09:00:00.000Z');
    expect(iso(nextWeeklyOccurrence(Date.parse('2026-11-16T08:59:00Z'), 1, '09:00', 'UTC'))).toBe('2026-11-16T09:00:00.000Z');
  });

  it('uses the team time zone, winter and summer time alike', () => {
    expect(iso(nextWeeklyOccurrence(Date.parse('2026-11-15T12:00:00Z'), 1, '09:00', 'Europe/Paris'))).toBe('2026-11-16T08:00:00.000Z');
    expect(iso(nextWeeklyOccurrence(Date.parse('2026-07-01T12:00:00Z'), 1, '09:00', 'Europe/Paris'))).toBe('2026-07-06T07:00:00.000Z');
    expect(iso(nextWeeklyOccurrence(Date.parse('2026-11-16T06:00:00Z'), 1, '09:00', 'America/Los_Angeles'))).toBe('2026-11-16T17:00:00.000Z');
  });

  it('crosses the date line: Monday 09:00 in Auckland is Sunday evening in UTC', () => {
    expect(iso(nextWeeklyOccurrence(Date.parse('2026-11-15T12:00:00Z'), 1, '09:00', 'Pacific/Auckland'))).toBe('2026-11-15T20:00:00.000Z');
  });

  it('knows which time zones exist', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
