import { classifyFailure, parseRetryAfter, retryDelayMs, type SendFailure } from './failure';

const failure = (status: number | null, code: string | null = null): SendFailure => ({ kind: 'failed', status, retryAfterMs: null, code, message: '' });

describe('classifyFailure', () => {
  it('retries what Teams says to retry, and lost answers', () => {
    expect([429, 412, 502, 504, 500, 503, 401, null].map((s) => classifyFailure(failure(s)).kind)).toEqual(Array(8).fill('retry'));
  });

  it('stops sending on 403 MessageWritesBlocked, gives up on other client errors', () => {
    expect(classifyFailure(failure(403, 'Forbidden,MessageWritesBlocked'))).toEqual({ kind: 'uninstalled' });
    expect(classifyFailure(failure(403, 'ConversationBlockedByUser'))).toEqual({ kind: 'uninstalled' });
    expect(classifyFailure(failure(403, 'BotNotInConversationRoster'))).toEqual({ kind: 'give-up' });
    expect(classifyFailure(failure(400))).toEqual({ kind: 'give-up' });
    expect(classifyFailure(failure(404))).toEqual({ kind: 'give-up' });
  });
});

describe('retryDelayMs', () => {
  it('honours Retry-After, adding at most 10% (and at most 1 s) of jitter', () => {
    expect(retryDelayMs(1, 2_000, 0)).toBe(2_000);
    expect(retryDelayMs(1, 2_000, 0.999)).toBe(2_200);
    expect(retryDelayMs(1, 60_000, 0.999)).toBe(60_999);
  });

  it('backs off exponentially with equal jitter, capped at five minutes', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, null, 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, null, 0.999))).toEqual([1_000, 1_999, 3_998, 7_996]);
    expect(retryDelayMs(30, null, 0)).toBe(150_000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3_000);
    expect(parseRetryAfter('0.5', 0)).toBe(500);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(5_000);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});
