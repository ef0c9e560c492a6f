import { describeAgo } from './describe-ago';

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
