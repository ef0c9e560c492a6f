import { formatJiraStatsLine } from './stats-line';

const base = { calls: {}, totalCalls: 0, pagesRead: 0, retries: 0, totalWaitMs: 0 };

describe('the Jira statistics line', () => {
  it('says calls, pages read, retries and the time waited in seconds', () => {
    expect(formatJiraStatsLine({ ...base, totalCalls: 512, pagesRead: 508, retries: 3, totalWaitMs: 1549 })).toBe('Jira: 512 calls, 508 pages read, 3 retries (1.5 s waited)\n');
  });

  it('uses the singular for one', () => {
    expect(formatJiraStatsLine({ ...base, totalCalls: 1, pagesRead: 1, retries: 1, totalWaitMs: 30_000 })).toBe('Jira: 1 call, 1 page read, 1 retry (30 s waited)\n');
    expect(formatJiraStatsLine(base)).toBe('Jira: 0 calls, 0 pages read, 0 retries (0 s waited)\n');
  });
});
