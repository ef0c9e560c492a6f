/**
 * A Jira Cloud REST v3 client for the `okr` CLI (and the benchmarks): core's one Jira REST
 * adapter (`createJiraRestSource`) over `fetch` to a site with an API token or a bearer token.
 * The Forge app uses the very same adapter over `requestJira`.
 */
import { OkrError, createJiraRestSource, type JiraRestSource, type RetryEvent, type RetryPolicy } from '@okr-bridge/core';
import { createFetchTransport } from './fetch-transport';

export type JiraAuth = { readonly kind: 'basic'; readonly email: string; readonly token: string } | { readonly kind: 'bearer'; readonly token: string };

export interface JiraClientOptions {
  /** The site, e.g. `https://acme.atlassian.net` or the emulator's `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  readonly auth: JiraAuth;
  /** Per attempt, including reading the body. Default 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** How searches are sent; POST (the default) keeps long JQL out of URLs and logs. */
  readonly searchMethod?: 'POST' | 'GET';
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly onRetry?: (event: RetryEvent) => void;
}

export type JiraClient = JiraRestSource;
export type { IssueRef, IssueRefPage, IssueRefSearch } from '@okr-bridge/core';

/**
 * A client for one Jira site and one set of credentials. Throws `OkrError`
 * ('invalid-argument') for a base URL that is not http(s) or that carries credentials.
 */
export function createJiraClient(options: JiraClientOptions): JiraClient {
  const { authorization, secrets } = authorizationOf(options.auth);
  return createJiraRestSource({
    transport: createFetchTransport({ baseUrl: checkBaseUrl(options.baseUrl), authorization, timeoutMs: options.timeoutMs ?? 30_000, fetch: options.fetch ?? globalThis.fetch }),
    secrets,
    retry: options.retry,
    searchMethod: options.searchMethod,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: options.now ?? Date.now,
    onRetry: options.onRetry,
    unauthorizedHint: 'check the email and API token, or the bearer token, given for this site',
  });
}

function authorizationOf(auth: JiraAuth): { authorization: string; secrets: string[] } {
  if (auth.kind === 'bearer') return { authorization: `Bearer ${auth.token}`, secrets: [auth.token] };
  const encoded = Buffer.from(`${auth.email}:${auth.token}`).toString('base64');
  return { authorization: `Basic ${encoded}`, secrets: [auth.token, encoded, auth.email] };
}

function checkBaseUrl(baseUrl: string): string {
  const bad = (message: string) => new OkrError('invalid-argument', [{ where: 'Jira base URL', message }]);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw bad(`expected an http(s) URL like https://acme.atlassian.net, got "${baseUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad(`expected an http(s) URL, got the protocol "${url.protocol}"`);
  if (url.username || url.password) throw bad('expected a URL without credentials; pass the email and token separately');
  if (url.search || url.hash) throw bad(`expected a site URL without query or fragment, got "${url.origin}${url.pathname}…"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
