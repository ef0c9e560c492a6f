import { startJiraEmulator, type JiraEmulator } from './server';
import { Site } from './site';
import { basicAuth, call, rawIssue } from './testing';

const site = () => new Site([rawIssue(10001, 'ENG-1', { type: 'Epic' }), rawIssue(10002, 'ENG-2', { parent: 'ENG-1' })]);
const SEARCH = `/rest/api/3/search/jql?jql=${encodeURIComponent('project = ENG')}`;

describe('auth', () => {
  let basic: JiraEmulator;
  let bearer: JiraEmulator;
  beforeAll(async () => {
    basic = await startJiraEmulator({ site: site(), auth: { email: 'ana@acme.test', token: 's3cret' } });
    bearer = await startJiraEmulator({ site: site(), auth: { bearer: 'tok-123' } });
  });
  afterAll(async () => {
    await basic.stop();
    await bearer.stop();
  });

  it('accepts the right email and token', async () => {
    expect((await call(basic.url, 'GET', SEARCH, { authorization: basicAuth('ana@acme.test', 's3cret') })).status).toBe(200);
  });

  it('answers 401 with Jira\'s body to missing or wrong credentials', async () => {
    const missing = await call(basic.url, 'GET', SEARCH);
    expect(missing).toMatchObject({ status: 401, body: { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} } });
    expect(missing.headers.get('www-authenticate')).toBe('Basic realm="protected-area"');
    const wrong = await call(basic.url, 'GET', SEARCH, { authorization: basicAuth('ana@acme.test', 'guess') });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    expect((await call(basic.url, 'GET', SEARCH, { authorization: 'Bearer s3cret' })).status).toBe(401);
    expect((await call(basic.url, 'GET', '/_emulator/stats')).status).toBe(401);
    expect(basic.stats().unauthorized).toBe(3);
  });

  it('accepts a bearer token and refuses another one', async () => {
    expect((await call(bearer.url, 'GET', SEARCH, { authorization: 'Bearer tok-123' })).status).toBe(200);
    expect((await call(bearer.url, 'GET', SEARCH, { authorization: 'Bearer tok-124' })).status).toBe(401);
  });
});

describe('fault injection', () => {
  let emulator: JiraEmulator;
  beforeAll(async () => {
    emulator = await startJiraEmulator({ site: site(), faults: { rateLimitEvery: 3, retryAfterSeconds: 7 } });
  });
  afterAll(() => emulator.stop());
  beforeEach(() => {
    emulator.resetStats();
  });

  it('answers 429 with Retry-After on every Nth call', async () => {
    emulator.setFaults({ rateLimitEvery: 3, retryAfterSeconds: 7 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await call(emulator.url, 'GET', SEARCH);
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBe('7');
        expect(res.body).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
      }
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429, 200]);
    expect(emulator.stats()).toMatchObject({ requests: 7, rateLimited: 2, pages: 5, byEndpoint: { 'GET /rest/api/3/search/jql': 7 } });
  });

  it('answers 429 in bursts and 500 every Nth call, set at runtime over HTTP', async () => {
    const set = await call(emulator.url, 'POST', '/_emulator/faults', { body: { rateLimitBurst: { start: 2, length: 3 }, serverErrorEvery: 6 } });
    expect(set).toMatchObject({ status: 200, body: { rateLimitBurst: { start: 2, length: 3 }, serverErrorEvery: 6 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await call(emulator.url, 'POST', '/rest/api/3/search/approximate-count', { body: { jql: 'project = ENG' } })).status);
    expect(statuses).toEqual([200, 429, 429, 429, 200, 500, 200, 200]);
    expect(emulator.stats()).toMatchObject({ requests: 8, rateLimited: 3, serverErrors: 1 });
    await call(emulator.url, 'POST', '/_emulator/faults', { body: {} });
    expect((await call(emulator.url, 'GET', '/_emulator/faults')).body).toEqual({});
  });

  it('refuses malformed faults', async () => {
    const res = await call(emulator.url, 'POST', '/_emulator/faults', { body: { rateLimitEvery: 0 } });
    expect(res.status).toBe(400);
    expect(Object.keys((res.body as { errors: object }).errors)).toEqual(['rateLimitEvery']);
  });

  it('adds latency', async () => {
    emulator.setFaults({ latencyMs: 60 });
    const started = performance.now();
    expect((await call(emulator.url, 'GET', '/rest/api/3/field')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    emulator.setFaults({});
  });

  it('reports and resets stats over HTTP, without counting its own calls', async () => {
    await call(emulator.url, 'GET', '/rest/api/3/field');
    await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'parent = ENG-1', fields: ['key'] } });
    const stats = await call(emulator.url, 'GET', '/_emulator/stats');
    expect(stats.body).toEqual({
      requests: 2,
      byEndpoint: { 'GET /rest/api/3/field': 1, 'POST /rest/api/3/search/jql': 1 },
      pages: 1,
      issuesServed: 1,
      rateLimited: 0,
      serverErrors: 0,
      unauthorized: 0,
      badRequests: 0,
      hung: 0,
      truncated: 0,
      issueErrors: 0,
      webhooks: { delivered: 0, failed: 0, pending: 0, lastError: null },
    });
    expect((await call(emulator.url, 'DELETE', '/_emulator/stats')).status).toBe(204);
    expect(emulator.stats().requests).toBe(0);
  });
});
