import { computeScore, computeStatus } from './status';

const thresholds = { onTrack: 0.7, behind: 0.4 };

describe('computeStatus', () => {
  it('is done at progress 1, even when blocked', () => {
    expect(computeStatus(1, 0.5, thresholds, false)).toBe('done');
    expect(computeStatus(1, 0.5, thresholds, true)).toBe('done');
  });

  it('is on track whenever nothing is expected yet', () => {
    expect(computeStatus(0, 0, thresholds, false)).toBe('on-track');
  });

  it('compares progress / expected with the thresholds, boundaries included', () => {
    expect(computeStatus(0.35, 0.5, thresholds, false)).toBe('on-track'); // ratio 0.7
    expect(computeStatus(0.34, 0.5, thresholds, false)).toBe('behind'); // 0.68
    expect(computeStatus(0.2, 0.5, thresholds, false)).toBe('behind'); // 0.4
    expect(computeStatus(0.19, 0.5, thresholds, false)).toBe('at-risk'); // 0.38
    expect(computeStatus(0.9, 0.5, thresholds, false)).toBe('on-track'); // ahead
  });

  it('does not let float noise push a ratio that equals a threshold below it', () => {
    // In decimals 0.567 / 0.81 = 0.7 and 0.02 / 0.05 = 0.4; in floats both land just below.
    expect(0.567 / 0.81).toBeLessThan(0.7);
    expect(computeStatus(0.567, 0.81, thresholds, false)).toBe('on-track');
    expect(0.02 / 0.05).toBeLessThan(0.4);
    expect(computeStatus(0.02, 0.05, thresholds, false)).toBe('behind');
  });

  it('uses the org thresholds it is given', () => {
    expect(computeStatus(0.4, 0.5, { onTrack: 0.9, behind: 0.5 }, false)).toBe('behind');
    expect(computeStatus(0.2, 0.5, { onTrack: 0.9, behind: 0.5 }, false)).toBe('at-risk');
  });

  it('makes a key result with a blocked incoming dependency at risk, whatever its ratio', () => {
    expect(computeStatus(0.9, 0.5, thresholds, true)).toBe('at-risk');
    expect(computeStatus(0, 0, thresholds, true)).toBe('at-risk');
  });
});

describe('computeScore', () => {
  it('rounds progress to one decimal, to the exact decimal double', () => {
    expect(computeScore(0.72)).toBe(0.7);
    expect(computeScore(0.68)).toBe(0.7);
    expect(computeScore(0.64)).toBe(0.6);
    expect(computeScore(0.3 * 3)).toBe(0.9);
  });

  it('rounds halves up', () => {
    expect(computeScore(0.65)).toBe(0.7);
    expect(computeScore(0.05)).toBe(0.1);
    expect(computeScore(0.15)).toBe(0.2);
  });

  it('keeps 0 and 1', () => {
    expect(computeScore(0)).toBe(0);
    expect(computeScore(1)).toBe(1);
  });
});
