/**
 * Runs the deployed bundle's functions as Forge does: each function key in its own sandbox
 * (a worker thread, `worker.cjs`, started on first use and kept warm), one invocation at a time,
 * stopped when it outlives its time limit (the sandbox is then thrown away, as Forge kills the
 * instance). Platform calls the bundle makes through `__forge_fetch__` are answered by
 * `platform(…)`, with the invocation that made them.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';

/** What `@forge/api` and `@forge/kvs` pass to `__forge_fetch__` as its first argument. */
export interface ForgeFetchTarget {
  readonly type: string;
  readonly provider?: string;
  readonly remote?: string;
  readonly accountId?: string;
}

export interface ProxiedRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface ProxiedAnswer {
  readonly status: number;
  readonly statusText?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** One invocation: which function, who invoked it (none for triggers), and its context. */
export interface Invocation {
  readonly id: string;
  readonly functionKey: string;
  readonly accountId: string | undefined;
}

export type Platform = (target: ForgeFetchTarget, path: string, init: ProxiedRequest, invocation: Invocation) => Promise<ProxiedAnswer>;

export interface FunctionSpec {
  /** The manifest's function key, e.g. `resolver`. */
  readonly key: string;
  /** The export the handler names, e.g. `resolverHandler` for `index.resolverHandler`. */
  readonly handler: string;
  readonly timeoutMs: number;
}

export type InvocationOutcome =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'error'; readonly name: string; readonly message: string; readonly stack?: string }
  | { readonly kind: 'timeout'; readonly afterMs: number };

export interface RunnerOptions {
  /** The bundle `@forge/bundler` produced (`index.cjs`). */
  readonly bundle: string;
  /** The egress allow-list, read when a sandbox starts. */
  readonly egress: () => readonly string[];
  readonly platform: Platform;
  readonly log: (message: string) => void;
}

interface Sandbox {
  readonly worker: Worker;
  current: Invocation | null;
}

export class FunctionRunner {
  private readonly sandboxes = new Map<string, Sandbox>();

  constructor(private readonly options: RunnerOptions) {}

  private sandbox(key: string): Sandbox {
    const existing = this.sandboxes.get(key);
    if (existing) return existing;
    const worker = new Worker(join(__dirname, 'worker.cjs'), { workerData: { bundle: this.options.bundle, egress: [...this.options.egress()] } });
    worker.unref();
    const box: Sandbox = { worker, current: null };
    worker.on('message', (m: { kind: string; target?: ForgeFetchTarget; path?: string; init?: ProxiedRequest; port?: MessagePort }) => {
      if (m.kind !== 'fetch' || !m.port) return;
      const port = m.port;
      const invocation = box.current ?? { id: 'none', functionKey: key, accountId: undefined };
      this.options.platform(m.target!, m.path!, m.init!, invocation).then(
        (answer) => port.postMessage(answer),
        (e: unknown) => port.postMessage({ error: `the local Forge platform failed: ${(e as Error).message}` }),
      );
    });
    worker.on('error', (e) => this.options.log(`function ${key}: sandbox error: ${e.stack ?? e.message}`));
    this.sandboxes.set(key, box);
    return box;
  }

  /**
   * Calls `fn`'s handler with `args` under `runtime` (the invocation's `__forge_runtime__`), as
   * `accountId` (none for triggers); `nowMs` pins the sandbox's `Date` to the host's clock.
   */
  async invoke(fn: FunctionSpec, args: readonly unknown[], runtime: Record<string, unknown>, accountId: string | undefined, nowMs: number): Promise<InvocationOutcome> {
    const box = this.sandbox(fn.key);
    if (box.current) throw new Error(`function ${fn.key} is already running invocation ${box.current.id}; the host runs one at a time`);
    const id = randomUUID();
    box.current = { id, functionKey: fn.key, accountId };
    const appContext = { ...(runtime.appContext as object), invocationId: id, functionKey: fn.key };
    try {
      return await new Promise<InvocationOutcome>((resolve) => {
        const timer = setTimeout(() => {
          box.worker.off('message', onResult);
          this.sandboxes.delete(fn.key);
          void box.worker.terminate();
          resolve({ kind: 'timeout', afterMs: fn.timeoutMs });
        }, fn.timeoutMs);
        const onResult = (m: { kind: string; id?: string; ok?: boolean; value?: unknown; error?: { name: string; message: string; stack?: string } }) => {
          if (m.kind !== 'result' || m.id !== id) return;
          clearTimeout(timer);
          box.worker.off('message', onResult);
          resolve(m.ok ? { kind: 'ok', value: m.value } : { kind: 'error', name: m.error!.name, message: m.error!.message, ...(m.error!.stack ? { stack: m.error!.stack } : {}) });
        };
        box.worker.on('message', onResult);
        box.worker.postMessage({ kind: 'invoke', id, handler: fn.handler, args, timeoutMs: fn.timeoutMs, nowMs, runtime: { ...runtime, appContext } });
      });
    } finally {
      box.current = null;
    }
  }

  async close(): Promise<void> {
    const boxes = [...this.sandboxes.values()];
    this.sandboxes.clear();
    await Promise.all(boxes.map((b) => b.worker.terminate()));
  }
}
