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
];

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
    if (c.status === 200 && c.path !== FIELD && c.path !== COUNT) expect((res.body as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
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

  it('would catch a response with a wrong type or without a required property', () => {
    const schema = responseSchemaOf(doc, FIELD, 'get', '200') as OpenApiSchema;
    expect(validateOpenApi([{ id: 'x', name: 'X', custom: 'no', schema: { system: 'x' } }], schema, doc)).toEqual([
      '$[0].custom: expected boolean, got string',
      '$[0].schema: missing required property "type"',
    ]);
  });
});
