/**
 * Every endpoint the emulator serves, answered for real over HTTP and checked against the
 * copied OpenAPI document: 2xx bodies against the operation's response schema, error bodies
 * against ErrorCollection (the document gives 400/401 no schema; Jira sends this one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSite } from './generate';
import { responseSchemaOf, validateOpenApi, type OpenApiDocument, type OpenApiSchema } from './openapi-validate';
import { startJiraEmulator, type JiraEmulator } from './server';
import { basicAuth, call } from './testing';

const doc = JSON.parse(readFileSync(join(__dirname, 'openapi-subset.json'), 'utf8')) as OpenApiDocument;
const ERROR: OpenApiSchema = { $ref: '#/components/schemas/ErrorCollection' };
const AUTH = basicAuth('bot@acme.test', 'token');

interface Case {
  readonly name: string;
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly query?: string;
  readonly body?: unknown;
  readonly status: number;
  readonly auth?: string | null;
}

const SEARCH = '/rest/api/3/search/jql';
const COUNT = '/rest/api/3/search/approximate-count';
const BULK = '/rest/api/3/issue/bulkfetch';
const FIELD = '/rest/api/3/field';
const USERS = '/rest/api/3/user/search';
const USER = '/rest/api/3/user';
const BULK_USERS = '/rest/api/3/user/bulk';
const PROJECTS = '/rest/api/3/project/search';

const cases: Case[] = [
  { name: 'search GET, ids only', method: 'get', path: SEARCH, query: `jql=${encodeURIComponent('project = ENG')}`, status: 200 },
  { name: 'search GET, all fields, last page', method: 'get', path: SEARCH, query: `jql=${encodeURIComponent('project = ENG AND statusCategory = Done')}&fields=*all&maxResults=100`, status: 200 },
  { name: 'search POST, fields, first of several pages', method: 'post', path: SEARCH, body: { jql: 'project = ENG ORDER BY key', fields: ['summary', 'status', 'parent', 'issuelinks', 'customfield_10016'], maxResults: 20 }, status: 200 },
  { name: 'search POST, keys', method: 'post', path: SEARCH, body: { jql: 'project in (ENG, OPS)', fields: ['key'], maxResults: 5000 }, status: 200 },
  { name: 'search POST, unbounded', method: 'post', path: SEARCH, body: { jql: 'status = Done' }, status: 400 },
  { name: 'search GET, malformed JQL', method: 'get', path: SEARCH, query: `jql=${encodeURIComponent('project = = ENG')}`, status: 400 },
  { name: 'search POST, no credentials', method: 'post', path: SEARCH, body: { jql: 'project = ENG' }, status: 401, auth: null },
  { name: 'count', method: 'post', path: COUNT, body: { jql: 'project = ENG' }, status: 200 },
  { name: 'count, unsupported field', method: 'post', path: COUNT, body: { jql: 'project = ENG AND labels = x' }, status: 400 },
  { name: 'count, wrong credentials', method: 'post', path: COUNT, body: { jql: 'project = ENG' }, status: 401, auth: basicAuth('bot@acme.test', 'nope') },
  { name: 'bulk fetch', method: 'post', path: BULK, body: { issueIdsOrKeys: ['ENG-1', 'ENG-2', '10010', 'NOPE-1'], fields: ['*all'] }, status: 200 },
  { name: 'bulk fetch, navigable by default', method: 'post', path: BULK, body: { issueIdsOrKeys: ['ENG-3'] }, status: 200 },
  { name: 'bulk fetch, too many', method: 'post', path: BULK, body: { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `ENG-${i + 1}`) }, status: 400 },
  { name: 'bulk fetch, no credentials', method: 'post', path: BULK, body: { issueIdsOrKeys: ['ENG-1'] }, status: 401, auth: null },
  { name: 'fields', method: 'get', path: FIELD, status: 200 },
  { name: 'fields, no credentials', method: 'get', path: FIELD, status: 401, auth: null },
  { name: 'user search', method: 'get', path: USERS, query: 'query=user%201&maxResults=5', status: 200 },
  { name: 'user search, second page', method: 'get', path: USERS, query: 'query=user&startAt=5&maxResults=5', status: 200 },
  { name: 'user search, no query', method: 'get', path: USERS, status: 400 },
  { name: 'user search, query and accountId', method: 'get', path: USERS, query: 'query=a&accountId=5b10a2844c20165700ede001', status: 400 },
  { name: 'user search, no credentials', method: 'get', path: USERS, query: 'query=a', status: 401, auth: null },
  { name: 'user', method: 'get', path: USER, query: 'accountId=5b10a2844c20165700ede001', status: 200 },
  { name: 'user, unknown', method: 'get', path: USER, query: 'accountId=nobody', status: 404 },
  { name: 'user, no accountId', method: 'get', path: USER, status: 400 },
  { name: 'user bulk', method: 'get', path: BULK_USERS, query: 'accountId=5b10a2844c20165700ede001&accountId=5b10a2844c20165700ede002&accountId=nobody&maxResults=1', status: 200 },
  { name: 'user bulk, no accountId', method: 'get', path: BULK_USERS, status: 400 },
  { name: 'project search, first page', method: 'get', path: PROJECTS, query: 'maxResults=2', status: 200 },
  { name: 'project search, query', method: 'get', path: PROJECTS, query: 'query=eng', status: 200 },
  { name: 'project search, bad orderBy', method: 'get', path: PROJECTS, query: 'orderBy=colour', status: 400 },
  { name: 'project search, no credentials', method: 'get', path: PROJECTS, status: 401, auth: null },
];

const LISTS_NOTHING = new Set([FIELD, COUNT, USER]);

describe('OpenAPI contract', () => {
  let emulator: JiraEmulator;
  beforeAll(async () => {
    const site = generateSite({ epics: 10, children: 400, noise: 200, seed: 11 });
    emulator = await startJiraEmulator({ site, auth: { email: 'bot@acme.test', token: 'token' }, now: () => '2026-03-02T12:00:00.000Z' });
  });
  afterAll(() => emulator.stop());

  it.each(cases)('$name answers $status with a body the document allows', async (c) => {
    if (c.body !== undefined) {
      const op = doc.paths?.[c.path]?.[c.method] as { requestBody: { content: { 'application/json': { schema: OpenApiSchema } } } };
      expect(validateOpenApi(c.body, op.requestBody.content['application/json'].schema, doc)).toEqual([]);
    }
    const auth = c.auth === undefined ? AUTH : c.auth;
    const res = await call(emulator.url, c.method.toUpperCase(), c.query ? `${c.path}?${c.query}` : c.path, {
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(auth ? { authorization: auth } : {}),
    });
    expect(res.status).toBe(c.status);
    const schema = c.status < 300 ? responseSchemaOf(doc, c.path, c.method, String(c.status)) : ERROR;
    expect(schema).not.toBeNull();
    expect(validateOpenApi(res.body, schema as OpenApiSchema, doc)).toEqual([]);
    if (c.status === 200 && !LISTS_NOTHING.has(c.path)) {
      const body = res.body as { issues?: unknown[]; values?: unknown[] } | unknown[];
      expect((Array.isArray(body) ? body : (body.issues ?? body.values ?? [])).length).toBeGreaterThan(0);
    }
  });

  it('checks 429 and 500 bodies too', async () => {
    emulator.setFaults({ rateLimitEvery: 1 });
    const limited = await call(emulator.url, 'GET', FIELD, { authorization: AUTH });
    emulator.setFaults({ serverErrorEvery: 1 });
    const failed = await call(emulator.url, 'GET', FIELD, { authorization: AUTH });
    emulator.setFaults({});
    expect([limited.status, failed.status]).toEqual([429, 500]);
    expect(validateOpenApi(limited.body, ERROR, doc)).toEqual([]);
    expect(validateOpenApi(failed.body, ERROR, doc)).toEqual([]);
  });

  it('lists issues it cannot return in issueErrors, valid against BulkIssueResults', async () => {
    emulator.setFaults({ issueErrorsEvery: 1 });
    const res = await call(emulator.url, 'POST', BULK, { authorization: AUTH, body: { issueIdsOrKeys: ['ENG-1', 'ENG-2', 'ENG-3', 'ENG-4'], fields: ['status'] } });
    emulator.setFaults({});
    expect(validateOpenApi(res.body, responseSchemaOf(doc, BULK, 'post', '200') as OpenApiSchema, doc)).toEqual([]);
    const body = res.body as { issues: unknown[]; issueErrors: { id: string; errorMessage: string }[] };
    expect([body.issues.length, body.issueErrors.length]).toEqual([2, 2]);
  });

  it('pages through a whole query with every page valid', async () => {
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await call(emulator.url, 'POST', SEARCH, { authorization: AUTH, body: { jql: 'project in (ENG, MOB, WEB, DATA, MKT, SALES, OPS, SEC)', fields: ['status'], maxResults: 100, ...(token ? { nextPageToken: token } : {}) } });
      expect(validateOpenApi(res.body, responseSchemaOf(doc, SEARCH, 'post', '200') as OpenApiSchema, doc)).toEqual([]);
      token = (res.body as { nextPageToken?: string }).nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBeGreaterThan(1);
  });

  it('pages through every project with nextPage links, each page valid against PageBeanProject', async () => {
    let next: string | undefined = `${emulator.url}${PROJECTS}?maxResults=3`;
    const keys: string[] = [];
    while (next) {
      const res = await call(emulator.url, 'GET', next.slice(emulator.url.length), { authorization: AUTH });
      expect(validateOpenApi(res.body, responseSchemaOf(doc, PROJECTS, 'get', '200') as OpenApiSchema, doc)).toEqual([]);
      const page = res.body as { values: { key: string }[]; nextPage?: string; isLast: boolean };
      keys.push(...page.values.map((v) => v.key));
      expect(page.isLast).toBe(page.nextPage === undefined);
      next = page.nextPage;
    }
    expect(keys).toEqual([...emulator.site.projects.keys()].sort());
    expect(keys.length).toBeGreaterThan(3);
  });

  it('would catch a user with an unknown property or a wrong account type', () => {
    const schema = responseSchemaOf(doc, USER, 'get', '200') as OpenApiSchema;
    expect(validateOpenApi({ accountId: 'x', accountType: 'robot', displayName: 'X', email: 'x@y' }, schema, doc)).toEqual([
      '$.accountType: expected one of "atlassian", "app", "customer", "unknown", got "robot"',
      '$.email: property not allowed by the schema',
    ]);
  });

  it('would catch a response with a wrong type or without a required property', () => {
    const schema = responseSchemaOf(doc, FIELD, 'get', '200') as OpenApiSchema;
    expect(validateOpenApi([{ id: 'x', name: 'X', custom: 'no', schema: { system: 'x' } }], schema, doc)).toEqual([
      '$[0].custom: expected boolean, got string',
      '$[0].schema: missing required property "type"',
    ]);
  });
});
