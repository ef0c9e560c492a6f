/**
 * The backend the local host runs: the app's own functions (`createAppHandlers`: resolvers,
 * issue trigger, scheduled reconcile, queue consumer, web trigger) over host-made dependencies: the file-backed KVS double, `requestJira`
 * to the Jira emulator, an in-process queue, the real `fetch`, a clock and random ids. Calls
 * run one at a time, so the KVS double's counters measure each one exactly (and the
 * file-backed double, made for one writer at a time, gets one).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AppDeps, FetchLike, QueuedEvent } from '../../jira-app/src/app/deps';
import { openFileKvs, type FileKvsDouble } from '../../jira-app/src/adapters/kvs-file-double';
import { createAppHandlers, type AppHandlers } from '../../jira-app/src/app/handlers';
import type { ResolverHandlers } from '../../jira-app/src/resolvers';
import type { JiraAccess } from './jira-access';

/** One backend call, measured. */
export interface CallRecord {
  readonly kind: 'invoke' | 'event' | 'queue' | 'scheduled' | 'webtrigger';
  readonly name: string;
  readonly kvsReads: number;
  readonly kvsWrites: number;
  readonly jiraCalls: number;
  readonly ms: number;
  readonly ok: boolean;
}

export interface HostBackend {
  readonly deps: AppDeps;
  readonly kvs: FileKvsDouble;
  readonly app: AppHandlers;
  readonly resolvers: ResolverHandlers;
  /** Every call so far, oldest first. */
  readonly calls: CallRecord[];
  /** Events the app queued, in order. */
  readonly queued: QueuedEvent[];
  /** Runs `fn` alone, recording what it cost under `kind`/`name`. */
  serialize<T>(kind: CallRecord['kind'], name: string, fn: () => Promise<T>, ok?: (value: T) => boolean): Promise<T>;
  /** Resolves when the queue consumer has run every event queued so far (retries waiting on a timer excepted). */
  drained(): Promise<void>;
  /** Cancels queue retries waiting on a timer. */
  close(): void;
}

export interface BackendOptions {
  readonly dataDir: string;
  readonly jira: JiraAccess;
  readonly clock: () => number;
  readonly webTriggerUrl: () => Promise<string>;
  readonly log: (message: string) => void;
  /** Multiplies the retry delays the consumer asks for (1 = as asked; tests use 0). */
  readonly retryDelayScale?: number;
}

/** Builds the backend; the KVS file is `<dataDir>/kvs.json`. */
export function createHostBackend(options: BackendOptions): HostBackend {
  const kvs = openFileKvs(join(options.dataDir, 'kvs.json'), { clock: options.clock });
  const queued: QueuedEvent[] = [];
  const calls: CallRecord[] = [];
  const deps: AppDeps = {
    kvs,
    jira: { asUser: options.jira.asUser, asApp: options.jira.asApp },
    queue: {
      push: async (events) => {
        queued.push(...events);
        // Forge runs the consumer in another invocation, after this one; so does the host.
        for (const e of events) setImmediate(() => void consume(e.body, 0));
      },
    },
    fetch: ((url, init) => fetch(url, { method: init?.method ?? 'GET', headers: { ...(init?.headers ?? {}) }, ...(init?.body !== undefined ? { body: init.body } : {}) })) as FetchLike,
    clock: options.clock,
    ids: { id: () => randomUUID(), secret: () => randomBytes(32).toString('base64url') },
    webTriggerUrl: options.webTriggerUrl,
    log: options.log,
  };
  let chain: Promise<unknown> = Promise.resolve();
  const serialize: HostBackend['serialize'] = (kind, name, fn, ok) => {
    const run = async () => {
      const reads = kvs.counts.reads;
      const writes = kvs.counts.writes;
      const jira = options.jira.counts.asUser + options.jira.counts.asApp;
      const started = performance.now();
      let success = false;
      try {
        const value = await fn();
        success = ok ? ok(value) : true;
        return value;
      } finally {
        calls.push({
          kind,
          name,
          kvsReads: kvs.counts.reads - reads,
          kvsWrites: kvs.counts.writes - writes,
          jiraCalls: options.jira.counts.asUser + options.jira.counts.asApp - jira,
          ms: Math.round(performance.now() - started),
          ok: success,
        });
      }
    };
    const next = chain.then(run, run);
    chain = next.catch(() => undefined);
    return next;
  };
  const app = createAppHandlers(deps);
  const timers = new Set<NodeJS.Timeout>();
  let pending = 0;
  let idle: (() => void)[] = [];
  async function consume(body: Record<string, unknown>, retryCount: number): Promise<void> {
    pending++;
    try {
      const outcome = await serialize('queue', String(body.kind ?? 'event'), () => app.queueEvent(body, retryCount), (o) => o.kind === 'done');
      if (outcome.kind === 'retry') {
        options.log(`queue event retried in ${outcome.afterSeconds} s: ${outcome.reason}`);
        const timer = setTimeout(() => {
          timers.delete(timer);
          void consume(body, retryCount + 1);
        }, outcome.afterSeconds * 1000 * (options.retryDelayScale ?? 1));
        timer.unref();
        timers.add(timer);
      }
    } catch (e) {
      options.log(`queue consumer threw: ${(e as Error).stack ?? String(e)}`);
    } finally {
      pending--;
      if (pending === 0) {
        for (const wake of idle) wake();
        idle = [];
      }
    }
  }
  return {
    deps,
    kvs,
    app,
    resolvers: app.resolvers,
    calls,
    queued,
    serialize,
    drained: () => new Promise<void>((resolve) => (pending === 0 ? setImmediate(() => (pending === 0 ? resolve() : idle.push(resolve))) : idle.push(resolve))),
    close: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
