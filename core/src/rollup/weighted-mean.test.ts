import { computeMean, computeWeightedMean } from './weighted-mean';

describe('computeWeightedMean', () => {
  it('divides Σ w·p by Σ w', () => {
    expect(computeWeightedMean([0.5, 1], [1, 3])).toEqual({ value: 0.875, numerator: 3.5, denominator: 4, plain: false });
  });

  it('falls back to the plain mean when every weight is 0', () => {
    expect(computeWeightedMean([0.2, 1], [0, 0])).toEqual({ value: 0.6, numerator: 1.2, denominator: 2, plain: true });
  });

  it('gives 0 for no parts', () => {
    expect(computeWeightedMean([], [])).toEqual({ value: 0, numerator: 0, denominator: 0, plain: false });
  });

  it('returns equal parts exactly, without float drift', () => {
    expect(computeWeightedMean([0.1, 0.1, 0.1], [0.1, 0.2, 0.3]).value).toBe(0.1);
  });
});

describe('computeMean', () => {
  it('averages, and gives 0 for nothing', () => {
    expect(computeMean([0.25, 0.75, 0.5])).toBe(0.5);
    expect(computeMean([])).toBe(0);
  });
});

describe('numbers at the edge', () => {
  it('gives the mean of parts weighted near the largest double, not 0', () => {
    const mean = computeWeightedMean([0, 1], [1e308, 1e308]);
    expect(mean.value).toBe(0.5);
    expect(mean.plain).toBe(false);
  });

  it('keeps the weights apart when they overflow only together', () => {
    expect(computeWeightedMean([1, 0, 0], [1.5e308, 1e308, 5e307]).value).toBeCloseTo(0.5, 12);
  });
});
