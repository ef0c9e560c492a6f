import { computeBackoffMs, decideRetry, defaultRetryPolicy, formatSeconds, isRetryableStatus, jitterRetryAfterMs, readRetryAfterMs } from './retry';

const now = Date.parse('2025-03-01T12:00:00.000Z');

describe('readRetryAfterMs', () => {
  test('reads Retry-After given in seconds', () => {
    expect(readRetryAfterMs(new Headers({ 'Retry-After': '2' }), now)).toBe(2000);
    expect(readRetryAfterMs(new Headers({ 'Retry-After': '0.5' }), now)).toBe(500);
  });

  test('reads Retry-After given as an HTTP date, relative to now', () => {
    expect(readRetryAfterMs(new Headers({ 'Retry-After': 'Sat, 01 Mar 2025 12:00:07 GMT' }), now)).toBe(7000);
  });

  test('a Retry-After date already past means no wait', () => {
    expect(readRetryAfterMs(new Headers({ 'Retry-After': 'Sat, 01 Mar 2025 11:59:00 GMT' }), now)).toBe(0);
  });

  test('falls back to X-RateLimit-Reset as an ISO instant or epoch seconds', () => {
    expect(readRetryAfterMs(new Headers({ 'X-RateLimit-Reset': '2025-03-01T12:00:03Z' }), now)).toBe(3000);
    expect(readRetryAfterMs(new Headers({ 'X-RateLimit-Reset': String(now / 1000 + 4) }), now)).toBe(4000);
  });

  test('prefers Retry-After over X-RateLimit-Reset', () => {
    expect(readRetryAfterMs(new Headers({ 'Retry-After': '1', 'X-RateLimit-Reset': '2025-03-01T12:00:09Z' }), now)).toBe(1000);
  });

  test('is null without a usable header', () => {
    expect(readRetryAfterMs(new Headers(), now)).toBeNull();
    expect(readRetryAfterMs(new Headers({ 'Retry-After': 'soon' }), now)).toBeNull();
  });
});

describe('computeBackoffMs', () => {
  const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };

  test('doubles from the base delay, half fixed and half jittered', () => {
    expect([1, 2, 3].map((r) => computeBackoffMs(r, policy, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((r) => computeBackoffMs(r, policy, () => 1))).toEqual([100, 200, 400]);
  });

  test('is capped at maxDelayMs', () => {
    expect(computeBackoffMs(10, policy, () => 1)).toBe(1000);
    expect(computeBackoffMs(10, policy, () => 0)).toBe(500);
  });
});

test('jitterRetryAfterMs never waits less than asked and adds at most 10% or 1 s', () => {
  expect(jitterRetryAfterMs(2000, () => 0)).toBe(2000);
  expect(jitterRetryAfterMs(2000, () => 1)).toBe(2200);
  expect(jitterRetryAfterMs(30_000, () => 1)).toBe(31_000);
});

describe('decideRetry', () => {
  const policy = { ...defaultRetryPolicy, maxRetries: 2, maxWaitMs: 5000 };

  test('waits while under both bounds', () => {
    expect(decideRetry(2, 1000, 4000, policy)).toEqual({ kind: 'wait', waitMs: 4000 });
  });

  test('gives up once the retries are spent', () => {
    expect(decideRetry(3, 0, 10, policy)).toEqual({ kind: 'give-up', bound: 'count', reason: 'retry limit of 2 reached' });
  });

  test('gives up before a wait that would pass the time budget', () => {
    expect(decideRetry(1, 2000, 3100, policy)).toEqual({
      kind: 'give-up',
      bound: 'time',
      reason: 'the next wait of 3.1 s would pass the 5 s retry budget, 2 s already waited',
    });
  });
});

test('retries 429 and 5xx only', () => {
  expect([400, 401, 403, 404, 429, 500, 502, 503, 504].filter(isRetryableStatus)).toEqual([429, 500, 502, 503, 504]);
});

test('formatSeconds keeps it short', () => {
  expect([2000, 1500, 250, 60_000].map(formatSeconds)).toEqual(['2 s', '1.5 s', '0.25 s', '60 s']);
});
