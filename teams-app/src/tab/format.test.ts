import { indexPeople } from '@okr-bridge/core/present';
import { departmentOwnedBy, formatClock, formatDuration } from './format';

describe('tab formatting', () => {
  test('formatClock counts down in m:ss and goes negative when time is up', () => {
    expect([formatClock(5 * 60_000), formatClock(61_500), formatClock(0), formatClock(-12_000)]).toEqual(['5:00', '1:01', '0:00', '-0:12']);
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

  test('departmentOwnedBy knows an owner picked in Jira by the email Jira revealed, not by a hidden one', () => {
    const ana = '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9';
    const mei = '712020:263467eb-d198-3786-8f77-e0744ed09341';
    const departments = [
      { id: 'plat', owners: [mei] },
      { id: 'eng', owners: [ana] },
    ];
    const people = indexPeople([
      { id: ana, displayName: 'Ana Costa', email: 'ana@acme.example' },
      { id: mei, displayName: 'Mei Lin' },
    ]);
    expect([departmentOwnedBy(departments, 'Ana@acme.example', people), departmentOwnedBy(departments, 'mei@acme.example', people), departmentOwnedBy(departments, 'ana@acme.example')]).toEqual(['eng', null, null]);
  });
});
