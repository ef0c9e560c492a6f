import { changeTimeOf } from './event-time';

const SEEN = '2026-11-15T09:00:00.000Z';

describe('the time of a Jira change', () => {
  it("reads Jira's timestamp with its offset", () => {
    expect(changeTimeOf('2026-11-15T08:52:10.000+0000', SEEN)).toBe('2026-11-15T08:52:10.000Z');
    expect(changeTimeOf('2026-11-15T09:52:10.000+0100', SEEN)).toBe('2026-11-15T08:52:10.000Z');
    expect(changeTimeOf('2026-11-15T03:52:10-05:00', SEEN)).toBe('2026-11-15T08:52:10.000Z');
  });

  it('falls back to when the change was heard of when the event has no usable time, or one after it', () => {
    expect(changeTimeOf(undefined, SEEN)).toBe(SEEN);
    expect(changeTimeOf(null, SEEN)).toBe(SEEN);
    expect(changeTimeOf('yesterday', SEEN)).toBe(SEEN);
    expect(changeTimeOf('2026-11-15T09:00:01.000+0000', SEEN)).toBe(SEEN);
  });
});
