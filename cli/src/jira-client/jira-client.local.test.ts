/**
 * The client against a tiny local server, for what the Jira emulator does not produce:
 * exact request shapes, bodies that are not JSON or have the wrong shape, inconsistent
 * paging, echoed credentials, refused connections, bulk-fetch issue errors.
 */
import { createJiraClient, type JiraClientOptions } from './jira-client';
import { JiraRequestError } from '@okr-bridge/core';
import { send, startTestServer, type Reply, type TestServer } from './test-server';

const issue = (n: number) => ({
  id: String(10000 + n),
  key: `ENG-${n}`,
  fields: { status: { name: 'To Do', statusCategory: { key: 'new' } }, created: '2025-01-01T00:00:00.000+0000' },
});
const fields = ['status', 'created'];
const token = 'ATATT-very-secret-token';
const email = 'lead@example.com';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function clientFor(reply: Reply, extra: Partial<JiraClientOptions> = {}) {
  server = await startTestServer(reply);
  const waits: number[] = [];
  const client = createJiraClient({
    baseUrl: `${server.url}/`,
    auth: { kind: 'basic', email, token },
    sleep: async (ms) => void waits.push(ms),
    random: () => 0,
    ...extra,
  });
  return { client, waits, requests: server.requests };
}

async function failureOf(p: Promise<unknown>): Promise<JiraRequestError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  if (!(e instanceof JiraRequestError)) throw new Error(`expected a JiraRequestError, got ${String(e)}`);
  return e;
}

test('searches by POST with jql, fields, maxResults and the page token, until isLast', async () => {
  const { client, requests } = await clientFor((req, res) => {
    const body = JSON.parse(req.body) as { nextPageToken?: string };
    if (!body.nextPageToken) send(res, 200, { issues: [issue(1), issue(2)], nextPageToken: 'p2', isLast: false });
    else send(res, 200, { issues: [issue(3)], isLast: true });
  });
  const issues = await client.searchAll({ jql: 'project = ENG', fields });
  expect(issues.map((i) => i.key)).toEqual(['ENG-1', 'ENG-2', 'ENG-3']);
  expect(requests.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
    ['POST', '/rest/api/3/search/jql', { jql: 'project = ENG', fields, maxResults: 100 }],
    ['POST', '/rest/api/3/search/jql', { jql: 'project = ENG', fields, maxResults: 100, nextPageToken: 'p2' }],
  ]);
  expect(requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`);
  expect(requests[0]?.headers['content-type']).toBe('application/json');
  expect(client.stats()).toEqual({ calls: { 'POST /rest/api/3/search/jql': 2 }, totalCalls: 2, pagesRead: 2, retries: 0, totalWaitMs: 0 });
});

test('searches by GET with query parameters when asked, with a bearer token', async () => {
  const { client, requests } = await clientFor((_req, res) => send(res, 200, { issues: [issue(1)], isLast: true }), {
    searchMethod: 'GET',
    auth: { kind: 'bearer', token },
  });
  const page = await client.search({ jql: 'parent = ENG-1', fields: ['status', 'created', 'summary'], maxResults: 50, pageToken: 'abc' });
  expect(page).toEqual({ issues: [issue(1)], nextPageToken: null });
  expect(requests[0]?.method).toBe('GET');
  expect(requests[0]?.url).toBe('/rest/api/3/search/jql?jql=parent+%3D+ENG-1&fields=status%2Ccreated%2Csummary&maxResults=50&nextPageToken=abc');
  expect(requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
});

test('a 200 whose body is not JSON fails naming the request and what was expected', async () => {
  const { client } = await clientFor((_req, res) => send(res, 200, '<html><body>Log in to Atlassian</body></html>'));
  const e = await failureOf(client.approximateCount('project = ENG'));
  expect(e.message).toBe(
    'POST /rest/api/3/search/approximate-count returned 200 with a body that is not JSON (text/html; charset=utf-8), expected a count { count: number }; got "<html><body>Log in to Atlassian</body></html>"',
  );
  expect([e.kind, e.status, e.attempts]).toEqual(['malformed', 200, 1]);
});

test('an empty 200 body fails as not JSON', async () => {
  const { client } = await clientFor((_req, res) => send(res, 200, ''));
  const e = await failureOf(client.listFields());
  expect(e.message).toBe('GET /rest/api/3/field returned 200 with a body that is not JSON (text/html; charset=utf-8), expected a list of fields [{ id, name, custom, schema }]; got an empty body');
});

test('an issue of the wrong shape fails naming where, while unknown fields pass through', async () => {
  const broken = { id: '10002', key: 'ENG-2', fields: { created: '2025-01-01' } };
  const { client } = await clientFor((_req, res) => send(res, 200, { issues: [{ ...issue(1), extra: { x: 1 } }, broken], isLast: true }));
  const e = await failureOf(client.search({ jql: 'project = ENG', fields }));
  expect(e.message).toBe(
    'POST /rest/api/3/search/jql returned 200 with a body of the wrong shape, expected a search result { issues: [...], isLast, nextPageToken } with status and created on every issue; issues[1].fields.status: Invalid input: expected object, received undefined',
  );

  await server?.stop();
  const ok = await clientFor((_req, res) => send(res, 200, { issues: [{ ...issue(1), extra: { x: 1 } }], isLast: true, names: {} }));
  expect((await ok.client.search({ jql: 'project = ENG', fields })).issues).toEqual([{ ...issue(1), extra: { x: 1 } }]);
});

test('isLast false without a nextPageToken is refused rather than truncating the result', async () => {
  const { client } = await clientFor((_req, res) => send(res, 200, { issues: [issue(1)], isLast: false }));
  const e = await failureOf(client.searchAll({ jql: 'project = ENG', fields }));
  expect(e.message).toBe(
    'POST /rest/api/3/search/jql returned 200 with a body of the wrong shape, expected a search result { issues: [...], isLast, nextPageToken } with status and created on every issue; nextPageToken: expected a nextPageToken since isLast is false',
  );
});

test('a page token that comes back twice stops the search instead of looping', async () => {
  const { client, requests } = await clientFor((_req, res) => send(res, 200, { issues: [issue(1)], nextPageToken: 'same' }));
  const e = await failureOf(client.searchAll({ jql: 'project = ENG', fields }));
  expect(e.message).toBe('POST /rest/api/3/search/jql returned the same nextPageToken twice; stopped instead of reading the same page forever');
  expect(requests).toHaveLength(2);
});

test('credentials echoed back by the server never reach the error message', async () => {
  const { client } = await clientFor((req, res) =>
    send(res, 403, { errorMessages: [`Forbidden for ${email} with ${req.headers.authorization ?? ''} (token ${token})`] }),
  );
  const e = await failureOf(client.listFields());
  expect(e.message).toBe('GET /rest/api/3/field failed with 403 after 1 attempt: Forbidden for *** with Basic *** (token ***)');
  expect(e.jiraMessages).toEqual(['Forbidden for *** with Basic *** (token ***)']);
});

test('a refused connection is retried with backoff, then fails naming the cause', async () => {
  const closed = await startTestServer((_req, res) => send(res, 200, {}));
  const url = closed.url;
  await closed.stop();
  const waits: number[] = [];
  const client = createJiraClient({
    baseUrl: url,
    auth: { kind: 'bearer', token },
    retry: { maxRetries: 2, baseDelayMs: 100 },
    sleep: async (ms) => void waits.push(ms),
    random: () => 1,
  });
  const e = await failureOf(client.approximateCount('project = ENG'));
  expect(e.message).toBe(`POST /rest/api/3/search/approximate-count failed with a network error after 3 attempts: connect ECONNREFUSED ${url.slice('http://'.length)}`);
  expect([e.kind, e.status, e.attempts]).toEqual(['network', null, 3]);
  expect(waits).toEqual([100, 200]);
});

test('bulk fetch sends chunks of 100 unique keys and asks again once for issues Jira listed as errors', async () => {
  let erroredOnce = false;
  const { client, requests } = await clientFor((req, res) => {
    const ids = (JSON.parse(req.body) as { issueIdsOrKeys: string[] }).issueIdsOrKeys;
    if (ids.includes('ENG-150') && !erroredOnce) {
      erroredOnce = true;
      const found = ids.filter((k) => k !== 'ENG-150').map((k) => issue(Number(k.slice(4))));
      send(res, 200, { issues: found, issueErrors: [{ id: '10150', errorMessage: 'Retry later' }] });
    } else send(res, 200, { issues: ids.map((k) => issue(Number(/\d+$/.exec(k)?.[0]) % 10000)), issueErrors: [] });
  });
  const keys = Array.from({ length: 201 }, (_, i) => `ENG-${i + 1}`);
  const issues = await client.fetchIssues([...keys, 'ENG-1', 'ENG-2'], fields);
  expect(issues).toHaveLength(201);
  expect(requests.map((r) => (JSON.parse(r.body) as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([100, 100, 1, 1]);
  expect(JSON.parse(requests[2]?.body ?? '')).toEqual({ issueIdsOrKeys: ['10150'], fields });
  expect(client.stats().pagesRead).toBe(4);
});

test('bulk fetch fails naming the issues Jira still cannot return after asking again, within the retry bound', async () => {
  const { client } = await clientFor((_req, res) => send(res, 200, { issues: [], issueErrors: [{ id: '10001', errorMessage: 'Payload too large' }] }));
  const e = await failureOf(client.fetchIssues(['ENG-1'], fields));
  expect(e.message).toBe('POST /rest/api/3/issue/bulkfetch could not return 1 issue(s) after 6 attempts: 10001: Payload too large');
  expect([e.kind, e.retryable]).toEqual(['partial', true]);
});

test('asking for issues without status or created fails before any call', async () => {
  const { client, requests } = await clientFor((_req, res) => send(res, 200, {}));
  await expect(client.search({ jql: 'project = ENG', fields: ['key'] })).rejects.toThrow(
    'Jira issues are read as RawIssue, which needs the fields status and created; missing status, created (use searchRefs for id/key-only searches)',
  );
  expect(requests).toHaveLength(0);
});

test('a base URL with credentials or that is not http(s) is refused', () => {
  expect(() => createJiraClient({ baseUrl: 'https://me:pw@acme.atlassian.net', auth: { kind: 'bearer', token } })).toThrow(
    'Jira base URL: expected a URL without credentials; pass the email and token separately',
  );
  expect(() => createJiraClient({ baseUrl: 'acme.atlassian.net', auth: { kind: 'bearer', token } })).toThrow(
    'Jira base URL: expected an http(s) URL like https://acme.atlassian.net, got "acme.atlassian.net"',
  );
});
