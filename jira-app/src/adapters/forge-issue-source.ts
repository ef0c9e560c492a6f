/**
 * core's one Jira REST adapter (`createJiraRestSource`) over Forge's `requestJira` (as the app
 * or as the user). This file only supplies the transport: one attempt, timed out (the signal
 * aborts the request; a request that ignores it is abandoned), with Forge's auth added by
 * Forge. Retries honouring Retry-After, the invocation's deadline, bulk fetch `issueErrors`
 * and the zod checks of every answer are core's, shared with the CLI.
 */
import { createJiraRestSource, type JiraAttempt, type JiraRestSource, type JiraTransport, type RetryPolicy } from '@okr-bridge/core';
import type { AppDeps, HttpInit, RequestJira } from '../app/deps';

/** No single Jira request may take longer than this, whatever budget is left. */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface ForgeIssueSourceOptions {
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  /** No retry wait and no request may run past this instant: the invocation's budget. */
  readonly deadlineMs: number;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly random?: (() => number) | undefined;
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function describeError(e: unknown): string {
  const { message, cause } = (e ?? {}) as { message?: unknown; cause?: { message?: unknown; code?: unknown } };
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof message === 'string' && message ? message : String(e);
}

/** One attempt over `requestJira`, timed out after `timeoutMs()` (reading the body included). */
export function requestJiraTransport(requestJira: RequestJira, timeoutMs: () => number): JiraTransport {
  return async (request): Promise<JiraAttempt> => {
    const limit = timeoutMs();
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<JiraAttempt>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ kind: 'timeout', afterMs: limit });
      }, limit);
    });
    const headers: Record<string, string> = { Accept: 'application/json', ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}) };
    const init: HttpInit = { method: request.method, headers, ...(request.body !== undefined ? { body: request.body } : {}), signal: controller.signal };
    const attempt = (async (): Promise<JiraAttempt> => {
      try {
        const res = await requestJira(request.path, init);
        const text = await res.text();
        return { kind: 'response', status: res.status, headers: res.headers, text };
      } catch (e) {
        return controller.signal.aborted ? { kind: 'timeout', afterMs: limit } : { kind: 'network', message: describeError(e) };
      }
    })();
    try {
      return await Promise.race([attempt, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** An `IssueSource` over `requestJira`, bounded by the invocation's deadline. */
export function createForgeIssueSource(requestJira: RequestJira, options: ForgeIssueSourceOptions): JiraRestSource {
  const timeoutMs = () => Math.max(1_000, Math.min(options.timeoutMs ?? REQUEST_TIMEOUT_MS, options.deadlineMs - options.clock()));
  return createJiraRestSource({
    transport: requestJiraTransport(requestJira, timeoutMs),
    now: options.clock,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    deadlineMs: options.deadlineMs,
    retry: options.retry,
  });
}

/** Counts the calls an adapter made, by path (for tests and the bench). */
export interface JiraCallCounter {
  calls: number;
  readonly byPath: Record<string, number>;
}

export function countingRequestJira(inner: RequestJira): RequestJira & { readonly counter: JiraCallCounter } {
  const counter: JiraCallCounter = { calls: 0, byPath: {} };
  const fn = (async (path: string, init?: HttpInit) => {
    counter.calls += 1;
    const p = path.split('?')[0]!;
    counter.byPath[p] = (counter.byPath[p] ?? 0) + 1;
    return inner(path, init);
  }) as RequestJira & { counter: JiraCallCounter };
  fn.counter = counter;
  return fn;
}

/** The source an entry point uses: as the app or as the user, with the deps' clock and sleep, until `deadlineMs`. */
export function issueSourceOf(deps: Pick<AppDeps, 'jira' | 'clock' | 'sleep'>, as: 'asApp' | 'asUser', deadlineMs: number): JiraRestSource {
  return createForgeIssueSource(deps.jira[as], { clock: deps.clock, sleep: deps.sleep, deadlineMs });
}
