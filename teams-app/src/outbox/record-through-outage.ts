/**
 * A send counts once its outcome is written. When the database is away right after a send (a
 * restart, a failover), the write is tried again every `retryMs` until it lands or `maxWaitMs`
 * has passed, instead of leaving the entry `sending` for its lease to run out and sending the
 * card a second time. Only `StoreUnavailable` is retried; any other error is thrown at once, and
 * so is the last `StoreUnavailable` (the entry then goes back to its lease: at least once).
 */
import { StoreUnavailable } from '../store/unavailable';

export interface RecordRetry {
  readonly retryMs: number;
  readonly maxWaitMs: number;
}

/** Long enough for a database restart; short enough not to hold a stopping worker for long. */
export const RECORD_RETRY: RecordRetry = { retryMs: 250, maxWaitMs: 15_000 };

/** Runs `write`, retrying it while the database is unavailable, within `retry`. */
export async function recordThroughOutage<T>(write: () => Promise<T>, retry: RecordRetry = RECORD_RETRY): Promise<T> {
  const attempts = Math.max(1, Math.ceil(retry.maxWaitMs / retry.retryMs));
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof StoreUnavailable) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, retry.retryMs));
    }
  }
}
