import type { KeyResult } from '../model/org';
import { formatQuantity, formatRangeStart, singularUnit } from './units';
import { describeValue } from './value-label';

describe('units', () => {
  it('puts a space before a word unit and the singular after a count of one', () => {
    expect(formatQuantity(520, 'leads')).toBe('520 leads');
    expect(formatQuantity(1, 'case studies')).toBe('1 case study');
    expect(formatQuantity(2, 'case studies')).toBe('2 case studies');
    expect(formatQuantity(1, 'sign-ups')).toBe('1 sign-up');
    expect(formatQuantity(1, 'ms')).toBe('1 ms');
    expect(formatQuantity(1, 'access')).toBe('1 access');
  });

  it('attaches %, scale letters and currency symbols to the number', () => {
    expect(formatQuantity(3.125, '%')).toBe('3.13%');
    expect(formatQuantity(1150, 'k USD')).toBe('1150k USD');
    expect(formatQuantity(38.5, 'USD')).toBe('38.5 USD');
    expect(formatQuantity(38.5, '$')).toBe('$38.5');
    expect(formatQuantity(2.8, 's')).toBe('2.8 s');
    expect(formatQuantity(7)).toBe('7');
  });

  it('starts a range with the attached part only, and no scale letter on zero', () => {
    expect(formatRangeStart(0, 'leads')).toBe('0');
    expect(formatRangeStart(0, 'k USD')).toBe('0');
    expect(formatRangeStart(120, 'k USD')).toBe('120k');
    expect(formatRangeStart(4, '%')).toBe('4%');
    expect(formatRangeStart(0, '%')).toBe('0%');
  });

  it('keeps short symbols as they are', () => {
    expect(singularUnit('s')).toBe('s');
    expect(singularUnit('days')).toBe('day');
  });
});

describe('value label', () => {
  const metric = (unit: string, current: number, start: number, target: number) =>
    describeValue({ id: 'k', title: 't', kind: 'metric', weight: 1, start, target, unit } as KeyResult, {
      kind: 'metric',
      rule: '',
      numerator: 0,
      denominator: 0,
      value: { start, target, current, source: 'check-in', unit },
    });

  it('writes metrics as people do', () => {
    expect(metric('leads', 520, 0, 900)).toBe('520 leads (from 0 to 900 leads)');
    expect(metric('case studies', 1, 0, 8)).toBe('1 case study (from 0 to 8 case studies)');
    expect(metric('USD', 38.5, 41, 33)).toBe('38.5 USD (from 41 to 33 USD)');
    expect(metric('k USD', 1150, 0, 2400)).toBe('1150k USD (from 0 to 2400k USD)');
    expect(metric('%', 3.4, 4, 2.5)).toBe('3.4% (from 4% to 2.5%)');
  });
});
