import { createProgressBar, formatCount, renderProgress } from './progress-bar';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  let now = 0;
  const bar = createProgressBar({ write: (s) => writes.push(s), isTTY, clock: () => now, width: 10 });
  return { bar, writes, tick: (ms: number) => (now += ms) };
}

describe('progress bar', () => {
  it('draws nothing off a terminal', () => {
    const { bar, writes } = recorder(false);
    bar.setTotal(500);
    bar.advance(100);
    bar.finish();
    expect(writes).toEqual([]);
  });

  it('redraws in place at most every 100 ms and clears itself at the end', () => {
    const { bar, writes, tick } = recorder(true);
    bar.setTotal(1000);
    bar.advance(100); // 0 ms after the first frame: skipped
    tick(99);
    bar.advance(100); // 99 ms: skipped
    tick(1);
    bar.advance(300); // 100 ms: drawn
    bar.finish();
    bar.advance(100); // after the end: nothing
    const cleared = `\r${' '.repeat(50)}\r`;
    expect(writes).toEqual([
      '\rReading Jira [░░░░░░░░░░]   0%  0 / 1,000 issues',
      '\rReading Jira [█████░░░░░]  50%  500 / 1,000 issues',
      cleared,
    ]);
    // The clearing line covers the whole frame drawn.
    expect(writes[1]!.length - 1).toBe(cleared.length - 2);
  });

  it('pads over a longer previous frame', () => {
    const { bar, writes, tick } = recorder(true);
    bar.setTotal(100_000);
    tick(100);
    bar.setTotal(0);
    expect(writes[1]).toBe(`\rReading Jira  0 issues${' '.repeat(writes[0]!.length - 1 - 'Reading Jira  0 issues'.length)}`);
  });

  it('renders a bar, the percentage and the counts, never past 100%', () => {
    expect(renderProgress('Jira', 0, 0, 4)).toBe('Jira  0 issues');
    expect(renderProgress('Jira', 1234, 5000, 4)).toBe('Jira [█░░░]  24%  1,234 / 5,000 issues');
    expect(renderProgress('Jira', 6000, 5000, 4)).toBe('Jira [████] 100%  6,000 / 6,000 issues');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
