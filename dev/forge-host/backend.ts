/**
 * The backend the local host runs: the functions bundle `@forge/bundler` built (what `forge
 * deploy` uploads), invoked as Forge invokes each module's function — resolvers with
 * `{ call, context }` and the caller as the principal, issue events, the scheduled trigger, queue
 * events with their retry context, web trigger requests — in sandboxes that get only what the
 * Forge runtime injects (`runtime/`). Calls run one at a time, so the KVS service's and the Jira
 * access's counters measure each one exactly.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FunctionRunner, type InvocationOutcome } from './runtime/function-runner';
import { readManifestEntities, readManifestFunctions } from './runtime/functions-manifest';
import { KvsService } from './runtime/kvs-service';
import { createPlatform, type QueuedPush } from './runtime/platform';
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

export interface QueuedEvent {
  readonly queueName: string;
  readonly body: Record<string, unknown>;
  readonly delayInSeconds?: number;
}

/** A function that threw or ran out of time, with the message Forge gives the caller. */
export class FunctionFailure extends Error {
  constructor(
    readonly functionKey: string,
    readonly outcome: Exclude<InvocationOutcome, { kind: 'ok' }>,
  ) {
    super(`There was an error invoking the function - ${outcome.kind === 'timeout' ? `Function timed out after ${outcome.afterMs / 1000} s` : outcome.message}`);
  }
}

export interface WebTriggerRequest {
  readonly method: string;
  readonly headers: Record<string, string[]>;
  readonly body: string;
}

export interface WebTriggerResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string[]>;
  readonly body: string;
}

export interface HostBackend {
  readonly kvs: KvsService;
  /** Every call so far, oldest first. */
  readonly calls: CallRecord[];
  /** Events the app queued, in order. */
  readonly queued: QueuedEvent[];
  /** Runs `fn` alone, recording what it cost under `kind`/`name`. */
  serialize<T>(kind: CallRecord['kind'], name: string, fn: () => Promise<T>, ok?: (value: T) => boolean): Promise<T>;
  /** Runs resolver `functionKey` of the panel module `moduleType` as `context.accountId`; rejects with a FunctionFailure. */
  invokeResolver(moduleType: string, functionKey: string, payload: unknown, context: { accountId?: string; extension?: Record<string, unknown> }): Promise<unknown>;
  /** Runs the issue trigger on an `avi:jira:*:issue` event; resolves with what the function returned. */
  issueEvent(event: unknown): Promise<unknown>;
  /** Runs the scheduled trigger. */
  reconcile(): Promise<unknown>;
  webTrigger(request: WebTriggerRequest): Promise<WebTriggerResponse>;
  /** Resolves when the queue consumer has run every event queued so far (retries waiting on a timer excepted). */
  drained(): Promise<void>;
  /** Cancels queue retries waiting on a timer and stops the sandboxes. */
  close(): Promise<void>;
}

export interface BackendOptions {
  readonly dataDir: string;
  readonly jira: JiraAccess;
  readonly clock: () => number;
  /** The bundle built by `@forge/bundler` (`jira-app/dist/functions/index.cjs`). */
  readonly bundle: string;
  readonly manifestPath: string;
  /** Manifest variables (`${TEAMS_SERVICE_URL}`), read when a sandbox starts; the manifest's defaults fill the rest. */
  readonly manifestVariables: () => Readonly<Record<string, string | undefined>>;
  readonly webTriggerUrl: (key: string) => string;
  readonly log: (message: string) => void;
  /** Multiplies the retry delays the consumer asks for (1 = as asked; tests use 0). */
  readonly retryDelayScale?: number;
}

/** Forge retries a queue event at most this many times. */
export const MAX_QUEUE_RETRIES = 4;
const CLOUD_ID = '6c5d2f1e-0b3a-4e7d-9c1f-2a8b7e6d5c4b';

/** Builds the backend; the KVS file is `<dataDir>/kvs.json`. */
export function createHostBackend(options: BackendOptions): HostBackend {
  const kvs = new KvsService(join(options.dataDir, 'kvs.json'), options.clock, readManifestEntities(options.manifestPath));
  const manifest = readManifestFunctions(options.manifestPath);
  const appAri = String((parse(readFileSync(options.manifestPath, 'utf8')) as { app?: { id?: string } }).app?.id ?? '');
  const appId = appAri.split('/').at(-1) ?? 'local';
  const contextAri = `ari:cloud:jira::site/${CLOUD_ID}`;
  const queued: QueuedEvent[] = [];
  const calls: CallRecord[] = [];
  const platform = createPlatform({ kvs, jira: options.jira, webTriggerUrl: options.webTriggerUrl, push: (p) => onPush(p) });
  const runner = new FunctionRunner({ bundle: options.bundle, egress: () => manifest.egress(options.manifestVariables()), platform, log: options.log });

  async function run(functionKey: string, args: (second: Record<string, unknown>) => unknown[], accountId?: string): Promise<unknown> {
    const fn = manifest.functions.get(functionKey);
    if (!fn) throw new Error(`manifest.yml declares no function "${functionKey}"`);
    const runtime = {
      appContext: { appId, appVersion: 'local', environmentId: 'local', environmentType: 'DEVELOPMENT', installationId: CLOUD_ID, moduleType: fn.moduleType, moduleKey: fn.moduleKey },
      contextAri,
      tracing: { traceId: randomBytes(8).toString('hex'), spanId: randomBytes(8).toString('hex') },
      ...(accountId ? { aaid: accountId } : {}),
    };
    const second = { installContext: contextAri, ...(accountId ? { principal: { accountId } } : {}) };
    const outcome = await runner.invoke(fn, args(second), runtime, accountId, options.clock());
    if (outcome.kind !== 'ok') throw new FunctionFailure(functionKey, outcome);
    return outcome.value;
  }

  let chain: Promise<unknown> = Promise.resolve();
  const serialize: HostBackend['serialize'] = (kind, name, fn, ok) => {
    const exec = async () => {
      const reads = kvs.counts.reads;
      const writes = kvs.counts.writes;
      const jira = options.jira.counts.asUser + options.jira.counts.asApp;
      const started = performance.now();
      let success = false;
      try {
        const value = await kvs.persistOnceAfter(fn);
        success = ok ? ok(value) : true;
        return value;
      } finally {
        calls.push({ kind, name, kvsReads: kvs.counts.reads - reads, kvsWrites: kvs.counts.writes - writes, jiraCalls: options.jira.counts.asUser + options.jira.counts.asApp - jira, ms: Math.round(performance.now() - started), ok: success });
      }
    };
    const next = chain.then(exec, exec);
    chain = next.catch(() => undefined);
    return next;
  };

  const timers = new Set<NodeJS.Timeout>();
  let pending = 0;
  let idle: (() => void)[] = [];
  function onPush(push: QueuedPush): void {
    for (const e of push.events) {
      queued.push({ queueName: push.queueName, ...e });
      const jobId = randomUUID();
      // Forge runs the consumer in another invocation, after this one; so does the host.
      pending++;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void consume(push.queueName, jobId, e.body, 0, null).finally(settle);
      }, (e.delayInSeconds ?? 0) * 1000 * (options.retryDelayScale ?? 1));
      timers.add(timer);
    }
  }
  function settle(): void {
    pending--;
    if (pending === 0) {
      for (const wake of idle) wake();
      idle = [];
    }
  }
  async function consume(queueName: string, jobId: string, body: Record<string, unknown>, retryCount: number, retry: { retryReason: string; retryData: unknown } | null): Promise<void> {
    const fn = manifest.functionOf('consumer');
    try {
      const event = { queueName, jobId, eventId: randomUUID(), body, contextAri, ...(retry ? { retryContext: { retryCount, ...retry } } : {}) };
      const answer = (await serialize('queue', String(body.kind ?? 'event'), () => run(fn, (second) => [event, second]), (a) => !(a as { _retry?: boolean } | undefined)?._retry)) as
        | { _retry?: boolean; retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } }
        | undefined;
      if (!answer?._retry) return;
      if (retryCount >= MAX_QUEUE_RETRIES) return options.log(`queue event dropped after ${MAX_QUEUE_RETRIES} retries: ${answer.retryOptions?.retryReason ?? ''}`);
      const after = answer.retryOptions?.retryAfter ?? 1;
      options.log(`queue event retried in ${after} s: ${JSON.stringify(answer.retryOptions?.retryData ?? answer.retryOptions?.retryReason ?? '')}`);
      // A retry waiting on its timer does not hold `drained()` (it may wait minutes).
      const timer = setTimeout(() => {
        timers.delete(timer);
        pending++;
        void consume(queueName, jobId, body, retryCount + 1, { retryReason: answer.retryOptions?.retryReason ?? 'FUNCTION_RETRY_REQUEST', retryData: answer.retryOptions?.retryData }).finally(settle);
      }, after * 1000 * (options.retryDelayScale ?? 1));
      timer.unref();
      timers.add(timer);
    } catch (e) {
      options.log(`queue consumer failed: ${(e as Error).message}`);
    }
  }

  return {
    kvs,
    calls,
    queued,
    serialize,
    invokeResolver: (moduleType, functionKey, payload, context) => {
      const fn = manifest.functionOf(moduleType);
      return run(fn, (second) => [{ call: { functionKey, payload }, context: { ...(context.extension ? { extension: context.extension } : {}) } }, second], context.accountId);
    },
    issueEvent: (event) => run(manifest.functionOf('trigger'), (second) => [event, second]),
    reconcile: () => run(manifest.functionOf('scheduledTrigger'), (second) => [{ context: { cloudId: CLOUD_ID, moduleKey: manifest.functions.get(manifest.functionOf('scheduledTrigger'))!.moduleKey } }, second]),
    async webTrigger(request) {
      try {
        const answer = (await run(manifest.functionOf('webtrigger'), (second) => [{ method: request.method, headers: request.headers, body: request.body, path: '/', queryParameters: {} }, second])) as Partial<WebTriggerResponse> | undefined;
        return { statusCode: answer?.statusCode ?? 200, headers: answer?.headers ?? {}, body: answer?.body ?? '' };
      } catch (e) {
        options.log(`web trigger failed: ${(e as Error).message}`);
        return { statusCode: 500, headers: { 'content-type': ['application/json'] }, body: JSON.stringify({ message: (e as Error).message }) };
      }
    },
    drained: () => new Promise<void>((resolve) => (pending === 0 ? setImmediate(() => (pending === 0 ? resolve() : idle.push(resolve))) : idle.push(resolve))),
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await runner.close();
    },
  };
}
