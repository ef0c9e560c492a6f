import { daysUntil, describeDue, isDueSoon } from './due';

describe('due dates', () => {
  test('describeDue says past, today and ahead in words, singular for one day', () => {
    expect(describeDue('2026-11-20', '2026-11-23')).toBe('due 2026-11-20, 3 days ago');
    expect(describeDue('2026-11-22', '2026-11-23')).toBe('due 2026-11-22, 1 day ago');
    expect(describeDue('2026-11-23', '2026-11-23T22:00:00Z')).toBe('due 2026-11-23, today');
    expect(describeDue('2026-11-25', '2026-11-23')).toBe('due 2026-11-25, in 2 days');
  });

  test('daysUntil counts from the calendar day of an instant', () => {
    expect(daysUntil('2026-11-24', '2026-11-23T23:59:00Z')).toBe(1);
  });

  test('isDueSoon is false for no date or a bad one', () => {
    expect(isDueSoon(null, '2026-11-23', 7)).toBe(false);
    expect(isDueSoon('soon', '2026-11-23', 7)).toBe(false);
    expect(isDueSoon('2026-11-30', '2026-11-23', 7)).toBe(true);
    expect(isDueSoon('2026-11-30', '2026-11-23', 6)).toBe(false);
  });
});
