import { datesFor, describeAgo, formatDate, formatInstant, wordDates } from './dates';

const paris = { locale: 'en-GB', timeZone: 'Europe/Paris' };
const newYork = { locale: 'en-US', timeZone: 'America/New_York' };

describe('dates in the viewer’s words', () => {
  it('write a calendar date in the viewer’s locale, the same day in every zone', () => {
    expect(formatDate('2026-12-04', paris)).toBe('4 Dec 2026');
    expect(formatDate('2026-12-04', newYork)).toBe('Dec 4, 2026');
    expect(formatDate('2026-12-04', { locale: 'de_DE', timeZone: 'Pacific/Auckland' })).toBe('04.12.2026');
  });

  it('write an instant in the viewer’s zone', () => {
    expect(formatInstant('2026-12-04T03:04:39.724Z', paris)).toBe('4 Dec 2026, 04:04');
    expect(formatInstant('2026-12-04T03:04:39.724Z', newYork)).toBe('Dec 3, 2026, 10:04 PM');
    expect(formatDate('2026-12-04T03:04:39.724Z', newYork)).toBe('Dec 3, 2026');
  });

  it('fall back instead of failing on an unknown locale or zone, and leave non-dates alone', () => {
    expect(formatDate('2026-12-04', { locale: 'xx-!!', timeZone: 'Nowhere/None' })).toBe('4 Dec 2026');
    expect(formatInstant('2026-12-04T03:04:00Z', { locale: 'en-GB', timeZone: 'Nowhere/None' })).toBe('4 Dec 2026, 03:04');
    expect(formatInstant('soon', paris)).toBe('soon');
  });
});

describe('describeAgo', () => {
  it.each([
    [0, 'Updated just now'],
    [9_000, 'Updated just now'],
    [42_000, 'Updated 42 s ago'],
    [3 * 60_000 + 5_000, 'Updated 3 min ago'],
    [2 * 3_600_000, 'Updated 2 h ago'],
  ])('after %i ms says %s', (ms, words) => {
    expect(describeAgo(1_000_000, 1_000_000 + ms)).toBe(words);
  });
});

describe('wordDates', () => {
  it('words every date and instant of a core sentence and leaves the rest of it as it is', () => {
    const { sentence } = datesFor(paris);
    expect(sentence('In Progress — due 2026-11-20, in 5 days')).toBe('In Progress — due 20 Nov 2026, in 5 days');
    expect(sentence('milestone done per the check-in of 2026-11-03, so progress is 1')).toBe('milestone done per the check-in of 3 Nov 2026, so progress is 1');
    expect(sentence('+12% since 2026-11-08T00:00:00Z, now 40%.')).toBe('+12% since 8 Nov 2026, now 40%.');
    expect(datesFor(newYork).sentence('Asked on 2026-11-10 and 2026-11-12.')).toBe('Asked on Nov 10, 2026 and Nov 12, 2026.');
  });

  it('leaves dates inside ids and keys alone, and takes the surface’s own formatter', () => {
    expect(wordDates('decision:mkt-o1-kr1@2026-11-10 ENG-2026-11-10', () => 'X')).toBe('decision:mkt-o1-kr1@2026-11-10 ENG-2026-11-10');
    expect(wordDates('due 2026-11-20.', (iso) => `{{DATE(${iso})}}`)).toBe('due {{DATE(2026-11-20)}}.');
  });
});

describe('formatters', () => {
  it('makes one Intl formatter per viewer and style, however many dates it words', () => {
    const Real = Intl.DateTimeFormat;
    let made = 0;
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made++;
      return new Real(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = counting;
    try {
      const words = datesFor({ locale: 'fr-CA', timeZone: 'America/Toronto' });
      const text = Array.from({ length: 500 }, (_, i) => `Due 2026-11-${String((i % 28) + 1).padStart(2, '0')}.`).join(' ');
      expect(words.sentence(text)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      for (let i = 0; i < 500; i++) formatInstant('2026-11-15T09:00:00Z', { locale: 'fr-CA', timeZone: 'America/Toronto' });
    } finally {
      Intl.DateTimeFormat = Real;
    }
    expect(made).toBe(2);
  });
});
