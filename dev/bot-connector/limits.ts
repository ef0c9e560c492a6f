/**
 * The emulator's own check of Teams' limits (independent of the service's limiter, so a bench
 * or test catches a limiter that lets too much through): per conversation 7 per second, 60
 * per 30 s and 1,800 per hour; per tenant 30 per second. It counts the requests it accepted.
 */

export interface Limit {
  readonly count: number;
  readonly windowMs: number;
}

export const CONVERSATION_LIMITS: readonly Limit[] = [
  { count: 7, windowMs: 1_000 },
  { count: 60, windowMs: 30_000 },
  { count: 1_800, windowMs: 3_600_000 },
];
export const TENANT_LIMITS: readonly Limit[] = [{ count: 30, windowMs: 1_000 }];

export class WindowCounter {
  private readonly times = new Map<string, number[]>();

  /** Milliseconds until a request on `key` fits, or 0 when it fits now. */
  waitMs(key: string, limits: readonly Limit[], nowMs: number): number {
    const times = this.times.get(key) ?? [];
    let wait = 0;
    for (const limit of limits) {
      const inWindow = times.filter((t) => t > nowMs - limit.windowMs);
      if (inWindow.length >= limit.count) wait = Math.max(wait, inWindow[inWindow.length - limit.count]! + limit.windowMs - nowMs);
    }
    return wait;
  }

  record(key: string, nowMs: number, keepMs: number): void {
    const times = (this.times.get(key) ?? []).filter((t) => t > nowMs - keepMs);
    times.push(nowMs);
    this.times.set(key, times);
  }
}
