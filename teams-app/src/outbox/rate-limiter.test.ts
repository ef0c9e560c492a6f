import { createRateLimiter, TEAMS_CONVERSATION_LIMITS, TEAMS_TENANT_LIMITS, withMargin } from './rate-limiter';

const conv = (id: string) => ({ key: `c:${id}`, limits: TEAMS_CONVERSATION_LIMITS });
const tenant = { key: 't:1', limits: TEAMS_TENANT_LIMITS };

describe('createRateLimiter', () => {
  it('allows 7 per second in a conversation and says when the 8th fits', () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 7; i++) expect(limiter.tryAcquire([conv('a')], 1_000 + i * 10)).toEqual({ kind: 'allowed' });
    expect(limiter.tryAcquire([conv('a')], 1_070)).toEqual({ kind: 'limited', retryAtMs: 2_000, key: 'c:a' });
    expect(limiter.tryAcquire([conv('a')], 2_000)).toEqual({ kind: 'allowed' });
  });

  it('holds a conversation to 60 per 30 seconds even when each second is under 7', () => {
    const limiter = createRateLimiter();
    let allowed = 0;
    let firstRefusal: number | null = null;
    for (let t = 0; t < 30_000; t += 200) {
      if (limiter.tryAcquire([conv('a')], t).kind === 'allowed') allowed++;
      else firstRefusal ??= t;
    }
    expect(allowed).toBe(60);
    // 5 per second are allowed, so the 61st request (at 12 s) is the first refused.
    expect(firstRefusal).toBe(12_000);
  });

  it('holds a conversation to 1,800 per hour', () => {
    const limiter = createRateLimiter();
    let allowed = 0;
    for (let t = 0; t < 3_600_000; t += 500) if (limiter.tryAcquire([conv('a')], t).kind === 'allowed') allowed++;
    expect(allowed).toBe(1_800);
  });

  it('holds a tenant to 30 per second across conversations, taking nothing from a refused one', () => {
    const limiter = createRateLimiter();
    let allowed = 0;
    for (let i = 0; i < 50; i++) if (limiter.tryAcquire([conv(`c${i}`), tenant], 0).kind === 'allowed') allowed++;
    expect(allowed).toBe(30);
    // c40 was refused by the tenant limit, so its own window is still empty.
    expect(limiter.tryAcquire([conv('c40')], 0)).toEqual({ kind: 'allowed' });
    expect(limiter.tryAcquire([conv('c41'), tenant], 999)).toEqual({ kind: 'limited', retryAtMs: 1_000, key: 't:1' });
  });

  it('keeps a blocked key closed until the given time', () => {
    const limiter = createRateLimiter();
    limiter.block('c:a', 5_000);
    expect(limiter.tryAcquire([conv('a')], 100)).toEqual({ kind: 'limited', retryAtMs: 5_000, key: 'c:a' });
    expect(limiter.tryAcquire([conv('a')], 5_000)).toEqual({ kind: 'allowed' });
  });

  it('widens windows by a margin', () => {
    expect(withMargin(TEAMS_TENANT_LIMITS, 50)).toEqual([{ count: 30, windowMs: 1_050 }]);
  });
});
