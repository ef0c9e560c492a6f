/**
 * Fault injection for Jira API calls, the ways Jira Cloud and the network between fail: 429
 * with `Retry-After` on every Nth call or on a burst of consecutive calls, 500 on every Nth
 * call, a call that never answers (the client must time out), a 200 whose body is cut off
 * mid-way (the connection drops after part of the declared length), a bulk fetch that lists
 * some issues in `issueErrors` instead of returning them (the spec's "retriable error"), and
 * added latency. Calls are numbered from 1 since the faults were last set, so a test that sets
 * faults knows which call fails; bulk fetches are also numbered on their own.
 */
import { z } from 'zod';

const every = z.number().int().positive().optional();

export const faultOptionsSchema = z.strictObject({
  /** Every Nth call (N, 2N, …) answers 429. */
  rateLimitEvery: every,
  /** Calls start … start + length − 1 answer 429. */
  rateLimitBurst: z.strictObject({ start: z.number().int().positive(), length: z.number().int().nonnegative() }).optional(),
  /** The `Retry-After` header of a 429, in whole seconds as Jira sends it (1 by default). */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  /** Every Nth call answers 500 (unless it is rate limited). */
  serverErrorEvery: every,
  /** Every Nth call (unless rate limited or failed) never answers; the connection stays open until the client gives up. */
  hangEvery: every,
  /** Every Nth call (unless one of the above) sends its 200 headers and half its body, then drops the connection. */
  truncateEvery: every,
  /** Every Nth bulk fetch returns only the first half of the issues it finds and lists the rest in `issueErrors`. */
  issueErrorsEvery: every,
  /** Added before every answer. */
  latencyMs: z.number().nonnegative().optional(),
});
export type FaultOptions = z.infer<typeof faultOptionsSchema>;

export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  | { readonly kind: 'server-error' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'truncate' };

export class FaultInjector {
  private options: FaultOptions;
  private calls = 0;
  private bulkFetches = 0;

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
    this.bulkFetches = 0;
  }

  /** Numbers this call and says what fault, if any, it meets. */
  next(): FaultDecision {
    const n = ++this.calls;
    const { rateLimitEvery, rateLimitBurst, serverErrorEvery, hangEvery, truncateEvery } = this.options;
    const inBurst = rateLimitBurst !== undefined && n >= rateLimitBurst.start && n < rateLimitBurst.start + rateLimitBurst.length;
    const hits = (k: number | undefined) => k !== undefined && n % k === 0;
    if (inBurst || hits(rateLimitEvery)) return { kind: 'rate-limit', retryAfterSeconds: this.options.retryAfterSeconds ?? 1 };
    if (hits(serverErrorEvery)) return { kind: 'server-error' };
    if (hits(hangEvery)) return { kind: 'hang' };
    if (hits(truncateEvery)) return { kind: 'truncate' };
    return { kind: 'none' };
  }

  /** Numbers a bulk fetch that got through and says whether it lists part of its issues as errors. */
  nextBulkFetchFails(): boolean {
    const n = ++this.bulkFetches;
    return this.options.issueErrorsEvery !== undefined && n % this.options.issueErrorsEvery === 0;
  }
}
