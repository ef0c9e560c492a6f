/**
 * One Jira HTTP request with everything around it: the auth header, a timeout per attempt,
 * retries (429 honouring Retry-After, 5xx, timeouts and network errors with jittered
 * backoff) bounded in count and total wait, JSON and zod parsing, counting, and errors
 * that name the request. It knows nothing about the endpoints themselves.
 */
import type { z } from 'zod';
import { formatPath } from '@okr-bridge/core';
import { JiraRequestError, excerptOf, readJiraMessages, redact, type JiraFailureKind } from './errors';
import {
  computeBackoffMs,
  decideRetry,
  formatSeconds,
  isRetryableStatus,
  jitterRetryAfterMs,
  readRetryAfterMs,
  type RetryPolicy,
} from './retry';
import { createStatsCounter, type StatsCounter } from './stats';

export interface RetryEvent {
  readonly method: string;
  readonly path: string;
  /** The attempt that just failed, from 1. */
  readonly attempt: number;
  readonly kind: JiraFailureKind;
  readonly status: number | null;
  readonly waitMs: number;
}

export interface TransportOptions {
  readonly baseUrl: string;
  readonly authorization: string;
  /** Strings that must never appear in a message: the token, the email, the header value. */
  readonly secrets: readonly string[];
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly fetch: typeof fetch;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly onRetry?: (event: RetryEvent) => void;
}

export interface JiraRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: URLSearchParams;
  readonly body?: unknown;
}

export interface Transport {
  /** Sends `request` (retrying as the policy allows) and returns the body parsed by `schema`. */
  send<S extends z.ZodType>(request: JiraRequest, schema: S, expected: string): Promise<z.output<S>>;
  readonly stats: StatsCounter;
}

type Attempt =
  | { readonly kind: 'response'; readonly status: number; readonly headers: Headers; readonly text: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly message: string };

/** A transport bound to one site and one set of credentials. */
export function createTransport(options: TransportOptions): Transport {
  const stats = createStatsCounter();
  const fail = (message: string, details: ConstructorParameters<typeof JiraRequestError>[1]) =>
    new JiraRequestError(redact(message, options.secrets), {
      ...details,
      jiraMessages: details.jiraMessages.map((m) => redact(m, options.secrets)),
    });

  async function attemptOnce(request: JiraRequest): Promise<Attempt> {
    const query = request.query && [...request.query].length > 0 ? `?${request.query.toString()}` : '';
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: options.authorization };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    try {
      const res = await options.fetch(`${options.baseUrl}${request.path}${query}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      const text = await res.text();
      return { kind: 'response', status: res.status, headers: res.headers, text };
    } catch (e) {
      if (timedOut) return { kind: 'timeout' };
      return { kind: 'network', message: describeNetworkError(e) };
    } finally {
      clearTimeout(timer);
    }
  }

  async function sendRaw(request: JiraRequest): Promise<{ status: number; headers: Headers; text: string; attempts: number }> {
    const { method, path } = request;
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      stats.countCall(method, path);
      const outcome = await attemptOnce(request);
      if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) return { ...outcome, attempts: attempt };

      const status = outcome.kind === 'response' ? outcome.status : null;
      const messages = outcome.kind === 'response' ? readJiraMessages(tryParseJson(outcome.text), outcome.text) : [];
      const kind: JiraFailureKind = outcome.kind === 'response' ? 'http' : outcome.kind;
      const asked = outcome.kind === 'response' ? readRetryAfterMs(outcome.headers, options.now()) : null;
      const what =
        outcome.kind === 'response'
          ? `${outcome.status}`
          : outcome.kind === 'timeout'
            ? `a timeout (no response within ${formatSeconds(options.timeoutMs)})`
            : 'a network error';
      const tried = `after ${attempt} attempt${attempt === 1 ? '' : 's'}`;
      const detail = outcome.kind === 'network' ? [outcome.message] : messages;

      if (outcome.kind === 'response' && !isRetryableStatus(outcome.status)) {
        const hint = outcome.status === 401 ? ' (check the email and API token, or the bearer token, given for this site)' : '';
        throw fail(`${method} ${path} failed with ${what} ${tried}${describeMessages(detail)}${hint}`, {
          kind, method, path, status, attempts: attempt, jiraMessages: messages,
        });
      }
      const waitMs = asked !== null ? jitterRetryAfterMs(asked, options.random) : computeBackoffMs(attempt, options.retry, options.random);
      const decision = decideRetry(attempt, waitedMs, waitMs, options.retry);
      if (decision.kind === 'give-up') {
        const notes = [
          ...(asked !== null ? [`Retry-After ${formatSeconds(asked)}`] : []),
          ...(decision.bound === 'time' ? [`gave up: ${decision.reason}`] : []),
        ];
        const note = notes.length > 0 ? ` (${notes.join('; ')})` : '';
        throw fail(`${method} ${path} failed with ${what} ${tried}${note}${outcome.kind === 'timeout' ? '' : describeMessages(detail)}`, {
          kind, method, path, status, attempts: attempt, jiraMessages: messages,
        });
      }
      options.onRetry?.({ method, path, attempt, kind, status, waitMs: decision.waitMs });
      stats.countRetry(decision.waitMs);
      await options.sleep(decision.waitMs);
      waitedMs += decision.waitMs;
    }
  }

  async function send<S extends z.ZodType>(request: JiraRequest, schema: S, expected: string): Promise<z.output<S>> {
    const res = await sendRaw(request);
    const { method, path } = request;
    const base = { method, path, status: res.status, attempts: res.attempts, jiraMessages: [] as string[], kind: 'malformed' as const };
    const json = tryParseJson(res.text);
    if (json === undefined) {
      const type = res.headers.get('content-type') ?? 'no content type';
      const got = res.text.trim() ? `"${excerptOf(res.text, 120)}"` : 'an empty body';
      throw fail(`${method} ${path} returned ${res.status} with a body that is not JSON (${type}), expected ${expected}; got ${got}`, base);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
      throw fail(`${method} ${path} returned ${res.status} with a body of the wrong shape, expected ${expected}; ${problems.join('; ')}`, base);
    }
    return parsed.data;
  }

  return { send, stats };
}

function tryParseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeMessages(messages: readonly string[]): string {
  return `: ${messages.length > 0 ? messages.join('; ') : 'no error message in the response'}`;
}

/**
 * undici reports "fetch failed" and hides the reason in `cause` (ECONNREFUSED, ECONNRESET…).
 * Read by shape: errors from fetch may come from another realm, so `instanceof` is unreliable.
 */
function describeNetworkError(e: unknown): string {
  const { message, cause } = (e ?? {}) as { message?: unknown; cause?: unknown };
  const inner = (cause ?? {}) as { message?: unknown; code?: unknown };
  if (typeof inner.message === 'string' && inner.message) return inner.message;
  if (typeof inner.code === 'string') return inner.code;
  return typeof message === 'string' && message ? message : String(e);
}
