import { formatDate } from '@okr-bridge/core/present';
import { parsePanelContext } from './context';
import { viewerOf } from './viewer';

describe('viewerOf', () => {
  it("writes a panel's dates in the locale and time zone of Jira's context", () => {
    const outcome = parsePanelContext({ locale: 'en-US', timezone: 'America/Los_Angeles', extension: {} });
    if (outcome.kind !== 'ok') throw new Error(outcome.message);
    expect(formatDate('2026-11-15T05:00:00.000Z', viewerOf(outcome.context))).toBe('Nov 14, 2026');
  });

  it('falls back to en-GB and UTC when the context names neither', () => {
    expect(viewerOf({ locale: null, timeZone: null })).toEqual({ locale: 'en-GB', timeZone: 'UTC' });
    expect(formatDate('2026-11-15T05:00:00.000Z', viewerOf({ locale: null, timeZone: null }))).toBe('15 Nov 2026');
  });
});
