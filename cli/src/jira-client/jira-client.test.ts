/**
 * The client against the Jira emulator over real HTTP on 127.0.0.1: paging to the last page
 * at both page-size limits, 429 storms, 5xx, timeouts, wrong credentials and bad JQL.
 * Waits are recorded by an injected `sleep`, so the retry tests take no wall time.
 */
import { generateSite, startJiraEmulator, type FaultOptions, type JiraEmulator, type Site } from '../../../dev/jira-emulator';
import { createJiraClient, type JiraClientOptions } from './jira-client';
import { JiraRequestError } from '@okr-bridge/core';

const credentials = { email: 'lead@example.com', token: 'emulator-api-token' };
const fields = ['summary', 'status', 'created', 'parent'];
const departments = ['ENG', 'MOB', 'WEB', 'DATA', 'MKT', 'SALES', 'OPS', 'SEC'];

let site: Site;
let emulator: JiraEmulator;

beforeAll(async () => {
  site = generateSite({ epics: 40, children: 5600, noise: 600, seed: 11 });
  emulator = await startJiraEmulator({ port: 0, site, auth: credentials });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
  emulator.setFaults({});
  emulator.resetStats();
});

function keysIn(projects: readonly string[]): string[] {
  return [...site.issues()].map((i) => i.key).filter((k) => projects.includes(k.slice(0, k.lastIndexOf('-'))));
}

function clientWith(extra: Partial<JiraClientOptions> = {}) {
  const waits: number[] = [];
  const client = createJiraClient({
    baseUrl: emulator.url,
    auth: { kind: 'basic', ...credentials },
    sleep: async (ms) => void waits.push(ms),
    random: () => 0,
    ...extra,
  });
  return { client, waits };
}

async function failureOf(p: Promise<unknown>): Promise<JiraRequestError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  if (!(e instanceof JiraRequestError)) throw new Error(`expected a JiraRequestError, got ${String(e)}`);
  return e;
}

const sorted = (keys: readonly string[]) => [...keys].sort();
const allDepartments = `project in (${departments.join(', ')})`;

describe('paging', () => {
  test('reads every page of 100 issues with fields, to the last page, even when asking for more', async () => {
    const expected = keysIn(['ENG', 'MOB']);
    const { client } = clientWith();
    const issues = await client.searchAll({ jql: 'project in (ENG, MOB)', fields, maxResults: 1000 });
    expect(sorted(issues.map((i) => i.key))).toEqual(sorted(expected));
    expect(new Set(issues.map((i) => i.key)).size).toBe(expected.length);
    const pages = Math.ceil(expected.length / 100);
    expect(client.stats()).toEqual({ calls: { 'POST /rest/api/3/search/jql': pages }, totalCalls: pages, pagesRead: pages, retries: 0, totalWaitMs: 0 });
    expect(emulator.stats().pages).toBe(pages);
  });

  test('reads every page of 5,000 ids and keys when only keys are asked for', async () => {
    const expected = keysIn(departments);
    expect(expected.length).toBeGreaterThan(5000);
    const { client } = clientWith();
    const refs = await client.searchAllRefs({ jql: allDepartments });
    expect(sorted(refs.map((r) => r.key ?? ''))).toEqual(sorted(expected));
    expect(refs.every((r) => site.get(r.id)?.key === r.key)).toBe(true);
    expect(client.stats().calls).toEqual({ 'POST /rest/api/3/search/jql': Math.ceil(expected.length / 5000) });
  });

  test('pages the same way by GET, and never asks for total', async () => {
    const number = (key: string) => Number(key.slice(key.indexOf('-') + 1));
    const expected = keysIn(['SEC']).sort((a, b) => number(b) - number(a));
    expect(expected.length).toBeGreaterThan(80);
    const { client } = clientWith({ searchMethod: 'GET' });
    const issues = await client.searchAll({ jql: 'project = SEC ORDER BY key DESC', fields, maxResults: 40 });
    expect(issues.map((i) => i.key)).toEqual(expected);
    expect(client.stats().calls).toEqual({ 'GET /rest/api/3/search/jql': Math.ceil(expected.length / 40) });
  });

  test('approximate count, bulk fetch in chunks of 100 and the story points field agree with the site', async () => {
    const { client } = clientWith();
    expect(await client.approximateCount('project = ENG')).toBe(keysIn(['ENG']).length);
    const wanted = [...keysIn(['ENG']).slice(0, 150), 'ENG-999999'];
    const fetched = await client.fetchIssues(wanted, ['status', 'created']);
    expect(sorted(fetched.map((i) => i.key))).toEqual(sorted(wanted.slice(0, 150)));
    expect(await client.findStoryPointsField()).toEqual({
      kind: 'found',
      field: { id: 'customfield_10016', name: 'Story Points', custom: true },
      alternatives: [],
    });
    expect(client.stats().calls).toEqual({
      'POST /rest/api/3/search/approximate-count': 1,
      'POST /rest/api/3/issue/bulkfetch': 2,
      'GET /rest/api/3/field': 1,
    });
    expect(emulator.stats().byEndpoint).toEqual(client.stats().calls);
  });
});

describe('429 storms', () => {
  const storm = (f: FaultOptions) => emulator.setFaults(f);

  test('waits what Retry-After asks for, then reads every page', async () => {
    storm({ rateLimitBurst: { start: 2, length: 3 }, retryAfterSeconds: 2 });
    const { client, waits } = clientWith();
    const issues = await client.searchAll({ jql: 'project = ENG', fields });
    expect(issues).toHaveLength(keysIn(['ENG']).length);
    expect(waits).toEqual([2000, 2000, 2000]);
    expect(client.stats()).toMatchObject({ retries: 3, totalWaitMs: 6000 });
    expect(emulator.stats().rateLimited).toBe(3);
  });

  test('adds at most 10% of jitter on top of Retry-After, never less', async () => {
    storm({ rateLimitBurst: { start: 1, length: 2 }, retryAfterSeconds: 3 });
    const { client, waits } = clientWith({ random: () => 1 });
    await client.approximateCount('project = ENG');
    expect(waits).toEqual([3300, 3300]);
  });

  test('gives up after the last retry with the request, the status, Retry-After and Jira message', async () => {
    storm({ rateLimitEvery: 1, retryAfterSeconds: 2 });
    const { client, waits } = clientWith();
    const e = await failureOf(client.search({ jql: 'project = ENG', fields }));
    expect(e.message).toBe('POST /rest/api/3/search/jql failed with 429 after 6 attempts (Retry-After 2 s): Rate limit exceeded.');
    expect([e.kind, e.status, e.attempts, e.jiraMessages]).toEqual(['http', 429, 6, ['Rate limit exceeded.']]);
    expect(waits).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(emulator.stats().requests).toBe(6);
  });

  test('gives up before a wait that would pass the total time budget', async () => {
    storm({ rateLimitEvery: 1, retryAfterSeconds: 25 });
    const { client, waits } = clientWith();
    const e = await failureOf(client.approximateCount('project = ENG'));
    expect(e.message).toBe(
      'POST /rest/api/3/search/approximate-count failed with 429 after 3 attempts (Retry-After 25 s; gave up: the next wait of 25 s would pass the 60 s retry budget, 50 s already waited): Rate limit exceeded.',
    );
    expect(waits).toEqual([25_000, 25_000]);
  });
});

describe('server errors and timeouts', () => {
  test('a 500 is retried with backoff and the search goes on', async () => {
    emulator.setFaults({ serverErrorEvery: 2 });
    const { client, waits } = clientWith({ retry: { baseDelayMs: 100 } });
    const issues = await client.searchAll({ jql: 'project = ENG', fields });
    const pages = Math.ceil(keysIn(['ENG']).length / 100);
    expect(issues).toHaveLength(keysIn(['ENG']).length);
    // Calls 2, 4, 6… fail: every page after the first needs one retry.
    expect(pages).toBeGreaterThan(2);
    expect(waits).toEqual(Array.from({ length: pages - 1 }, () => 50));
    expect(client.stats()).toMatchObject({ totalCalls: 2 * pages - 1, pagesRead: pages, retries: pages - 1 });
    expect(emulator.stats().serverErrors).toBe(pages - 1);
  });

  test('repeated 500s give up after the retries with exponential, jittered waits', async () => {
    emulator.setFaults({ serverErrorEvery: 1 });
    const { client, waits } = clientWith({ retry: { maxRetries: 3, baseDelayMs: 100 }, random: () => 0.5 });
    const e = await failureOf(client.listFields());
    expect(e.message).toBe('GET /rest/api/3/field failed with 500 after 4 attempts: Internal server error.');
    expect(waits).toEqual([75, 150, 300]);
  });

  test('an answer slower than the timeout is abandoned and retried, then fails naming the timeout', async () => {
    emulator.setFaults({ latencyMs: 400 });
    const { client, waits } = clientWith({ timeoutMs: 100, retry: { maxRetries: 1, baseDelayMs: 10 } });
    const e = await failureOf(client.approximateCount('project = ENG'));
    expect(e.message).toBe('POST /rest/api/3/search/approximate-count failed with a timeout (no response within 0.1 s) after 2 attempts');
    expect([e.kind, e.status, e.attempts]).toEqual(['timeout', null, 2]);
    expect(waits).toEqual([5]);
  });

  test('after a timeout, a prompt answer to the retry is used', async () => {
    emulator.setFaults({ latencyMs: 2_000 });
    const { client } = clientWith({ timeoutMs: 1_000, onRetry: () => emulator.setFaults({}) });
    expect(await client.approximateCount('project = SEC')).toBe(keysIn(['SEC']).length);
    expect(client.stats()).toMatchObject({ totalCalls: 2, retries: 1 });
  });
});

describe('refusals', () => {
  test('wrong credentials fail at once with 401, without the token in the message', async () => {
    const { client } = clientWith({ auth: { kind: 'basic', email: credentials.email, token: 'wrong-token-123' } });
    const e = await failureOf(client.search({ jql: 'project = ENG', fields }));
    expect(e.message).toBe(
      'POST /rest/api/3/search/jql failed with 401 after 1 attempt: Client must be authenticated to access this resource. (check the email and API token, or the bearer token, given for this site)',
    );
    expect(e.message).not.toContain('wrong-token-123');
    expect(emulator.stats().requests).toBe(1);
  });

  test('bad JQL fails at once with 400 showing Jira message', async () => {
    const { client } = clientWith();
    const e = await failureOf(client.search({ jql: 'project = ENG foo', fields }));
    expect(e.message).toBe(
      "POST /rest/api/3/search/jql failed with 400 after 1 attempt: Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'. (line 1, character 15)",
    );
    expect([e.status, e.attempts]).toEqual([400, 1]);
    expect(emulator.stats().requests).toBe(1);
  });

  test('unbounded JQL fails with Jira message', async () => {
    const { client } = clientWith();
    const e = await failureOf(client.approximateCount('ORDER BY key'));
    expect(e.message).toBe(
      'POST /rest/api/3/search/approximate-count failed with 400 after 1 attempt: Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  });
});
