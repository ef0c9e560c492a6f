/**
 * Runs the outbox worker in one process at a time when several share a database: the worker
 * runs only while this process holds the delivery lock. Processes without it try again every
 * `retryMs`, so one of them takes over when the holder stops or dies. Without a lock (SQLite:
 * one file, one process) the worker simply runs.
 */
import type { DeliveryLock } from '../store/port';
import type { OutboxWorker } from './worker';

export interface DeliveryGateOptions {
  readonly worker: OutboxWorker;
  /** Null: no lock needed, the worker always runs. */
  readonly lock: DeliveryLock | null;
  /** How often the lock is tried (or its session checked while held). */
  readonly retryMs: number;
  readonly log: (line: string) => void;
}

export interface DeliveryGate {
  /** Tries the lock once (starting the worker when it is got), then keeps trying every `retryMs`. */
  start(): Promise<void>;
  /** Whether this process's worker is delivering now. */
  delivering(): boolean;
  /** Stops the worker (waiting for the sends in flight), then releases the lock. */
  stop(): Promise<void>;
}

/** Creates the gate; nothing happens until `start`. */
export function createDeliveryGate(options: DeliveryGateOptions): DeliveryGate {
  const { worker, lock, retryMs, log } = options;
  let delivering = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let tick: Promise<void> = Promise.resolve();
  let halting: Promise<void> = Promise.resolve();

  const halt = (why: string): Promise<void> => {
    if (!delivering) return halting;
    delivering = false;
    log(`outbox: ${why}; this instance stops delivering`);
    // Never a rejected promise: a lost lock must not become an unhandled rejection, and the next
    // check waits on this before starting the worker again.
    halting = worker.stop().catch((error: unknown) => log(`outbox: stopping delivery failed: ${String(error)}`));
    return halting;
  };

  const check = async () => {
    if (stopped || !lock) return;
    const held = await lock.acquire();
    if (stopped) return;
    if (held && !delivering) {
      // A worker still stopping (lost lock) finishes before it starts again.
      await halting;
      if (stopped) return;
      delivering = true;
      log('outbox: this instance holds the delivery lock and delivers');
      worker.start();
    } else if (!held) await halt('the delivery lock is held elsewhere or was lost');
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick = check()
        .catch((error: unknown) => log(`outbox: delivery lock check failed: ${String(error)}`))
        .finally(schedule);
    }, retryMs);
    timer.unref();
  };

  return {
    async start() {
      if (!lock) {
        delivering = true;
        worker.start();
        return;
      }
      // Stop claiming the moment the session ends: another process may take the lock right away.
      lock.onLost(() => void halt('the delivery lock was lost'));
      tick = check();
      await tick;
      schedule();
    },
    delivering: () => delivering,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await tick.catch(() => undefined);
      delivering = false;
      await worker.stop();
      await lock?.release();
    },
  };
}
