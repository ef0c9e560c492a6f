import { startJiraEmulator, type JiraEmulator } from './server';
import { Site } from './site';
import { call, rawIssue } from './testing';

describe('bulk fetch, approximate count and fields', () => {
  let emulator: JiraEmulator;
  beforeAll(async () => {
    const issues = [rawIssue(10001, 'ENG-1', { type: 'Epic' })];
    for (let i = 2; i <= 130; i++) issues.push(rawIssue(10000 + i, `ENG-${i}`, { parent: 'ENG-1', status: i % 3 === 0 ? 'Done' : 'To Do', points: i % 5 }));
    emulator = await startJiraEmulator({ site: new Site(issues, { storyPointsField: 'customfield_10016' }), now: () => '2026-03-02T12:00:00.000Z' });
  });
  afterAll(() => emulator.stop());

  it('fetches issues by key or id in ascending id order, leaving out unknown ones', async () => {
    const res = await call(emulator.url, 'POST', '/rest/api/3/issue/bulkfetch', {
      body: { issueIdsOrKeys: ['ENG-12', '10003', 'eng-7', 'ENG-999', 'ENG-3'], fields: ['status', 'customfield_10016'] },
    });
    expect(res.status).toBe(200);
    const body = res.body as { issues: { key: string; fields: Record<string, { name?: string } | number> }[]; issueErrors: unknown[] };
    expect(body.issues.map((i) => i.key)).toEqual(['ENG-3', 'ENG-7', 'ENG-12']);
    expect(body.issues.map((i) => [(i.fields.status as { name: string }).name, i.fields.customfield_10016])).toEqual([
      ['Done', 3],
      ['To Do', 2],
      ['Done', 2],
    ]);
    expect(body.issueErrors).toEqual([]);
  });

  it('returns navigable fields by default and refuses more than 100 issues', async () => {
    const one = await call(emulator.url, 'POST', '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys: ['ENG-2'] } });
    expect(Object.keys((one.body as { issues: { fields: object }[] }).issues[0]?.fields ?? {}).sort()).toEqual([
      'created', 'customfield_10016', 'customfield_10021', 'duedate', 'issuelinks', 'issuetype', 'parent', 'project', 'resolutiondate', 'status', 'summary', 'updated',
    ]);
    const many = await call(emulator.url, 'POST', '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `ENG-${i + 1}`) } });
    expect(many).toMatchObject({ status: 400, body: { errorMessages: ['The number of issues requested (101) exceeds the maximum of 100.'], errors: {} } });
    const missing = await call(emulator.url, 'POST', '/rest/api/3/issue/bulkfetch', { body: { fields: ['status'] } });
    expect(missing.status).toBe(400);
  });

  it('counts the issues a bounded query matches', async () => {
    const count = await call(emulator.url, 'POST', '/rest/api/3/search/approximate-count', { body: { jql: 'parent = ENG-1 AND statusCategory = done' } });
    expect(count).toMatchObject({ status: 200, body: { count: 43 } });
    const all = await call(emulator.url, 'POST', '/rest/api/3/search/approximate-count', { body: { jql: 'project = ENG' } });
    expect(all.body).toEqual({ count: 130 });
    const unbounded = await call(emulator.url, 'POST', '/rest/api/3/search/approximate-count', { body: { jql: 'statusCategory = done' } });
    expect(unbounded).toMatchObject({ status: 400, body: { errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'] } });
  });

  it('lists fields, story points and Flagged among them', async () => {
    const res = await call(emulator.url, 'GET', '/rest/api/3/field');
    const fields = res.body as { id: string; name: string; custom: boolean }[];
    expect(fields.find((f) => f.name === 'Story Points')).toMatchObject({ id: 'customfield_10016', custom: true, schema: { type: 'number', customId: 10016 } });
    expect(fields.find((f) => f.name === 'Flagged')).toMatchObject({ id: 'customfield_10021', custom: true });
    expect(fields.find((f) => f.id === 'status')).toMatchObject({ name: 'Status', custom: false });
  });

  it('answers unknown paths 404 and wrong methods 405, in Jira\'s error shape', async () => {
    const unknown = await call(emulator.url, 'GET', '/rest/api/3/nothing');
    expect(unknown).toMatchObject({ status: 404, body: { errorMessages: [`null for uri: ${emulator.url}/rest/api/3/nothing`], errors: {} } });
    const wrong = await call(emulator.url, 'GET', '/rest/api/3/issue/bulkfetch');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});
