/**
 * `requestJira` over plain HTTP, for tests and the local Forge host: the path Forge would
 * route to the site is sent to `baseUrl` (the Jira emulator), with the given auth header.
 */
import type { HttpResponse, RequestJira } from '../app/deps';

export function createHttpRequestJira(baseUrl: string, headers: Readonly<Record<string, string>> = {}): RequestJira {
  return async (path, init) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: init?.method ?? 'GET',
      headers: { ...headers, ...init?.headers },
      ...(init?.body !== undefined ? { body: init.body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
    });
    return res as unknown as HttpResponse;
  };
}

/** A `requestJira` that answers the permissions API only: the user is (or is not) a Jira admin. */
export function permissionsOnlyJira(isAdmin: boolean): RequestJira & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (path: string) => {
    calls.push(path);
    if (!path.startsWith('/rest/api/3/mypermissions')) return new Response(JSON.stringify({ errorMessages: ['not in this double'] }), { status: 404 }) as unknown as HttpResponse;
    return new Response(JSON.stringify({ permissions: { ADMINISTER: { key: 'ADMINISTER', havePermission: isAdmin } } }), { status: 200, headers: { 'content-type': 'application/json' } }) as unknown as HttpResponse;
  }) as RequestJira & { calls: string[] };
  fn.calls = calls;
  return fn;
}
