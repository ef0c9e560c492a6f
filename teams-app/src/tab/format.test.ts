import { departmentOwnedBy, formatClock, formatDay, formatDuration, formatInstant } from './format';

describe('tab formatting', () => {
  test('formatClock counts down in m:ss and goes negative when time is up', () => {
    expect([formatClock(5 * 60_000), formatClock(61_500), formatClock(0), formatClock(-12_000)]).toEqual(['5:00', '1:01', '0:00', '-0:12']);
  });

  test('formatDay writes the UTC day', () => {
    expect([formatDay('2026-11-15'), formatDay('2026-01-02T23:00:00Z'), formatDay('soon')]).toEqual(['15 Nov 2026', '2 Jan 2026', 'soon']);
  });

  test('formatInstant writes the UTC day and time', () => {
    expect([formatInstant('2026-11-14T16:05:00Z'), formatInstant('2026-11-15T01:30:00+02:00'), formatInstant('later')]).toEqual(['14 Nov 2026, 16:05 UTC', '14 Nov 2026, 23:30 UTC', 'later']);
  });

  test('formatDuration says how long, in the largest sensible unit', () => {
    const now = Date.parse('2026-11-15T12:00:00Z');
    expect(['2026-11-15T11:59:40Z', '2026-11-15T11:59:00Z', '2026-11-15T07:00:00Z', '2026-11-12T12:00:00Z'].map((t) => formatDuration(t, now))).toEqual([
      'just now',
      '1 minute',
      '5 hours',
      '3 days',
    ]);
  });

  test('departmentOwnedBy finds the department a person leads, ignoring case', () => {
    const departments = [
      { id: 'eng', owners: ['raj@acme.example'] },
      { id: 'prod', owners: ['Sofia@Acme.example'] },
    ];
    expect([departmentOwnedBy(departments, 'sofia@acme.example'), departmentOwnedBy(departments, 'x@y.z'), departmentOwnedBy(departments, null)]).toEqual(['prod', null, null]);
  });
});
