/**
 * One Jira REST call with everything around it, over an injected transport: retries (429
 * honouring Retry-After, 5xx, timeouts, network errors and bodies cut short, with jittered
 * backoff) bounded in count, in total wait and by the caller's deadline; JSON and zod parsing;
 * counting; errors that name the request and never carry a secret. The transport only sends one
 * attempt (Forge's `requestJira`, or `fetch` with auth for the CLI) and times it out; time,
 * sleeping and randomness come in as functions, so this stays pure.
 */
import type { z } from 'zod';
import { formatPath } from '../model/issue';
import { JiraRequestError, excerptOf, readJiraMessages, redact, type JiraFailureKind } from './errors';
import { computeBackoffMs, decideRetry, formatSeconds, isRetryableStatus, jitterRetryAfterMs, readRetryAfterMs, type RetryPolicy } from './retry';
import type { StatsCounter } from './stats';

export interface JiraHttpRequest {
  readonly method: 'GET' | 'POST';
  /** The path with its query string, e.g. `/rest/api/3/field` or `/rest/api/3/search/jql?jql=…`. */
  readonly path: string;
  /** JSON text, for POST. */
  readonly body?: string;
}

/** What one attempt gave: a whole response, no response in time, or no (whole) response at all. */
export type JiraAttempt =
  | { readonly kind: 'response'; readonly status: number; readonly headers: { get(name: string): string | null }; readonly text: string }
  | { readonly kind: 'timeout'; readonly afterMs: number }
  | { readonly kind: 'network'; readonly message: string };

/** Sends one attempt. It must not throw: failures are `timeout` or `network` attempts. */
export type JiraTransport = (request: JiraHttpRequest) => Promise<JiraAttempt>;

export interface RetryEvent {
  readonly method: string;
  readonly path: string;
  /** The attempt that just failed, from 1. */
  readonly attempt: number;
  readonly kind: JiraFailureKind;
  readonly status: number | null;
  readonly waitMs: number;
}

export interface SendOptions {
  readonly transport: JiraTransport;
  readonly retry: RetryPolicy;
  /** Strings that must never appear in a message: tokens, emails, header values. */
  readonly secrets: readonly string[];
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** No retry wait may end after this instant (ms since the epoch): the invocation's budget. */
  readonly deadlineMs?: number | undefined;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Added to a 401's message: how to fix the credentials on this surface. */
  readonly unauthorizedHint?: string | undefined;
  readonly stats: StatsCounter;
}

export interface JiraCall {
  readonly method: 'GET' | 'POST';
  /** The path without the query string, as counted and named in messages. */
  readonly path: string;
  readonly query?: URLSearchParams | undefined;
  readonly body?: unknown;
}

type Failure = { readonly kind: JiraFailureKind; readonly status: number | null; readonly what: string; readonly messages: string[]; readonly detail: string[]; readonly retryAfterMs: number | null; readonly final: boolean };

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

/** What went wrong with an attempt that did not give a 2xx JSON body; `final` when a retry cannot help. */
function failureOf(attempt: JiraAttempt, nowMs: number): Failure {
  if (attempt.kind === 'timeout') {
    return { kind: 'timeout', status: null, what: `a timeout (no response within ${formatSeconds(attempt.afterMs)})`, messages: [], detail: [], retryAfterMs: null, final: false };
  }
  if (attempt.kind === 'network') return { kind: 'network', status: null, what: 'a network error', messages: [], detail: [attempt.message], retryAfterMs: null, final: false };
  const ok = attempt.status >= 200 && attempt.status < 300;
  if (ok) {
    // A 2xx body that says it is JSON but does not parse was cut short on the way: worth
    // another try. Another content type (a login page from a proxy) will not change.
    const type = attempt.headers.get('content-type') ?? 'no content type';
    const got = attempt.text.trim() ? `"${excerptOf(attempt.text, 120)}"` : 'an empty body';
    const cut = /json/i.test(type) && attempt.text.trim() !== '';
    return { kind: 'malformed', status: attempt.status, what: `${attempt.status} with a body that is not JSON (${type})`, messages: [], detail: [got], retryAfterMs: null, final: !cut };
  }
  const messages = readJiraMessages(tryParseJson(attempt.text), attempt.text);
  return {
    kind: 'http',
    status: attempt.status,
    what: String(attempt.status),
    messages,
    detail: messages,
    retryAfterMs: readRetryAfterMs(attempt.headers, nowMs),
    final: !isRetryableStatus(attempt.status),
  };
}

/** A sender bound to one transport and its options. */
export function createSender(options: SendOptions) {
  const fail = (message: string, details: ConstructorParameters<typeof JiraRequestError>[1]) =>
    new JiraRequestError(redact(message, options.secrets), { ...details, jiraMessages: details.jiraMessages.map((m) => redact(m, options.secrets)) });

  /** Sends `call` until it gives a 2xx JSON body (or a bound is hit) and returns that body. */
  async function sendJson(call: JiraCall, expected: string): Promise<{ json: unknown; status: number; attempts: number }> {
    const { method, path } = call;
    const query = call.query && [...call.query].length > 0 ? `?${call.query.toString()}` : '';
    const request: JiraHttpRequest = { method, path: `${path}${query}`, ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}) };
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      options.stats.countCall(method, path);
      const outcome = await options.transport(request);
      if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
        const json = tryParseJson(outcome.text);
        if (json !== undefined) return { json, status: outcome.status, attempts: attempt };
      }
      const f = failureOf(outcome, options.now());
      const tried = `after ${attempt} attempt${attempt === 1 ? '' : 's'}`;
      const details = { kind: f.kind, method, path, status: f.status, attempts: attempt, jiraMessages: f.messages, retryable: !f.final };
      if (f.final && f.kind === 'malformed') throw fail(`${method} ${path} returned ${f.what}, expected ${expected}; got ${f.detail.join('')}`, { ...details, attempts: attempt });
      const hint = f.status === 401 && options.unauthorizedHint ? ` (${options.unauthorizedHint})` : '';
      if (f.final) throw fail(`${method} ${path} failed with ${f.what} ${tried}${describeMessages(f.detail)}${hint}`, details);
      const waitMs = f.retryAfterMs !== null ? jitterRetryAfterMs(f.retryAfterMs, options.random) : computeBackoffMs(attempt, options.retry, options.random);
      const remainingMs = options.deadlineMs === undefined ? undefined : options.deadlineMs - options.now();
      const decision = decideRetry(attempt, waitedMs, waitMs, options.retry, remainingMs);
      if (decision.kind === 'give-up') {
        const notes = [...(f.retryAfterMs !== null ? [`Retry-After ${formatSeconds(f.retryAfterMs)}`] : []), ...(decision.bound !== 'count' ? [`gave up: ${decision.reason}`] : [])];
        const note = notes.length > 0 ? ` (${notes.join('; ')})` : '';
        const said = f.kind === 'timeout' ? '' : f.kind === 'malformed' ? `; got ${f.detail.join('')}` : describeMessages(f.detail);
        throw fail(`${method} ${path} failed with ${f.what} ${tried}${note}${said}`, details);
      }
      options.onRetry?.({ method, path, attempt, kind: f.kind, status: f.status, waitMs: decision.waitMs });
      options.stats.countRetry(decision.waitMs);
      await options.sleep(decision.waitMs);
      waitedMs += decision.waitMs;
    }
  }

  /** Sends `call` and returns its body parsed by `schema`; a body of another shape is a contract break, not retried. */
  async function send<S extends z.ZodType>(call: JiraCall, schema: S, expected: string): Promise<z.output<S>> {
    const res = await sendJson(call, expected);
    const parsed = schema.safeParse(res.json);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
      throw fail(`${call.method} ${call.path} returned ${res.status} with a body of the wrong shape, expected ${expected}; ${problems.join('; ')}`, {
        kind: 'malformed', method: call.method, path: call.path, status: res.status, attempts: res.attempts, jiraMessages: [], retryable: false,
      });
    }
    return parsed.data;
  }

  /** Waits before asking again for what Jira could not return (`issueErrors`); false when no bound allows another try. */
  async function backOff(attempt: number, waitedMs: number): Promise<number | null> {
    const waitMs = computeBackoffMs(attempt, options.retry, options.random);
    const remainingMs = options.deadlineMs === undefined ? undefined : options.deadlineMs - options.now();
    const decision = decideRetry(attempt, waitedMs, waitMs, options.retry, remainingMs);
    if (decision.kind === 'give-up') return null;
    options.stats.countRetry(decision.waitMs);
    await options.sleep(decision.waitMs);
    return decision.waitMs;
  }

  return { send, backOff, fail };
}

export type Sender = ReturnType<typeof createSender>;
