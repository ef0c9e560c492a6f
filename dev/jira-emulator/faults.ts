/**
 * Fault injection for Jira API calls: 429 with `Retry-After` on every Nth call or on a burst
 * of consecutive calls, 500 on every Nth call, and added latency. Calls are numbered from 1
 * since the faults were last set, so a test that sets faults knows which call fails.
 */
import { z } from 'zod';

export const faultOptionsSchema = z.strictObject({
  /** Every Nth call (N, 2N, …) answers 429. */
  rateLimitEvery: z.number().int().positive().optional(),
  /** Calls start … start + length − 1 answer 429. */
  rateLimitBurst: z.strictObject({ start: z.number().int().positive(), length: z.number().int().nonnegative() }).optional(),
  /** The `Retry-After` header of a 429, in seconds (1 by default). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** Every Nth call answers 500 (unless it is rate limited). */
  serverErrorEvery: z.number().int().positive().optional(),
  /** Added before every answer. */
  latencyMs: z.number().nonnegative().optional(),
});
export type FaultOptions = z.infer<typeof faultOptionsSchema>;

export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  | { readonly kind: 'server-error' };

export class FaultInjector {
  private options: FaultOptions;
  private calls = 0;

  constructor(options: FaultOptions = {}) {
    this.options = options;
  }

  get current(): FaultOptions {
    return this.options;
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  /** Replaces the faults and numbers calls from 1 again. */
  set(options: FaultOptions): void {
    this.options = options;
    this.calls = 0;
  }

  /** Numbers this call and says what fault, if any, it meets. */
  next(): FaultDecision {
    const n = ++this.calls;
    const { rateLimitEvery, rateLimitBurst, serverErrorEvery } = this.options;
    const inBurst = rateLimitBurst !== undefined && n >= rateLimitBurst.start && n < rateLimitBurst.start + rateLimitBurst.length;
    if (inBurst || (rateLimitEvery !== undefined && n % rateLimitEvery === 0)) {
      return { kind: 'rate-limit', retryAfterSeconds: this.options.retryAfterSeconds ?? 1 };
    }
    if (serverErrorEvery !== undefined && n % serverErrorEvery === 0) return { kind: 'server-error' };
    return { kind: 'none' };
  }
}
