/**
 * The CLI's transport for core's Jira REST adapter: one attempt over `fetch` to a site, with
 * the auth header and a timeout per attempt (reading the body included). A response cut short
 * or a refused connection is a `network` attempt; no answer in time is a `timeout`.
 */
import type { JiraAttempt, JiraTransport } from '@okr-bridge/core';

export interface FetchTransportOptions {
  readonly baseUrl: string;
  readonly authorization: string;
  readonly timeoutMs: number;
  readonly fetch: typeof fetch;
}

/**
 * undici reports "fetch failed" and hides the reason in `cause` (ECONNREFUSED, ECONNRESET…).
 * Read by shape: errors from fetch may come from another realm, so `instanceof` is unreliable.
 */
export function describeNetworkError(e: unknown): string {
  const { message, cause } = (e ?? {}) as { message?: unknown; cause?: unknown };
  const inner = (cause ?? {}) as { message?: unknown; code?: unknown };
  if (typeof inner.message === 'string' && inner.message) return inner.message;
  if (typeof inner.code === 'string') return inner.code;
  return typeof message === 'string' && message ? message : String(e);
}

export function createFetchTransport(options: FetchTransportOptions): JiraTransport {
  return async (request): Promise<JiraAttempt> => {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: options.authorization };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    try {
      const res = await options.fetch(`${options.baseUrl}${request.path}`, { method: request.method, headers, body: request.body, signal: controller.signal });
      const text = await res.text();
      return { kind: 'response', status: res.status, headers: res.headers, text };
    } catch (e) {
      if (timedOut) return { kind: 'timeout', afterMs: options.timeoutMs };
      return { kind: 'network', message: describeNetworkError(e) };
    } finally {
      clearTimeout(timer);
    }
  };
}
