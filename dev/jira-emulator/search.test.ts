import { generateSite } from './generate';
import { startJiraEmulator, type JiraEmulator } from './server';
import { Site } from './site';
import { call, rawIssue } from './testing';

const NOW = () => '2026-03-02T12:00:00.000Z';

describe('search over a small site', () => {
  let emulator: JiraEmulator;
  beforeAll(async () => {
    const site = new Site([
      rawIssue(10001, 'ENG-1', { type: 'Epic', status: 'In Progress' }),
      rawIssue(10002, 'ENG-2', { parent: 'ENG-1', status: 'Done', points: 3, updated: '2026-03-02T10:00:00.000+0000' }),
      rawIssue(10003, 'ENG-3', { parent: 'ENG-1', status: 'Blocked', points: 5 }),
      rawIssue(10004, 'ENG-4', { parent: 'ENG-1', status: 'In Review' }),
      rawIssue(10005, 'OPS-1', { parent: 'ENG-1', type: 'Task', status: 'To Do', points: 1, updated: '2026-03-01T13:00:00.000+0000' }),
      rawIssue(10006, 'ENG-5', { parent: 'ENG-2', type: 'Sub-task' }),
      rawIssue(10007, 'OPS-2', { type: 'Epic' }),
    ]);
    emulator = await startJiraEmulator({ site, now: NOW });
  });
  afterAll(() => emulator.stop());

  it('returns only ids by default, 50 a page, with isLast and no total', async () => {
    const res = await call(emulator.url, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('parent = ENG-1')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(res.body).toEqual({ issues: [{ id: '10002' }, { id: '10003' }, { id: '10004' }, { id: '10005' }], isLast: true });
  });

  it('answers GET and POST alike, with ORDER BY', async () => {
    const jql = 'parent = ENG-1 AND statusCategory != Done ORDER BY key DESC';
    const get = await call(emulator.url, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=key`);
    const post = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql, fields: ['key'] } });
    expect(get.body).toEqual({ issues: [{ id: '10005', key: 'OPS-1' }, { id: '10004', key: 'ENG-4' }, { id: '10003', key: 'ENG-3' }], isLast: true });
    expect(post.body).toEqual(get.body);
  });

  it('returns the fields asked for, null for known fields the issue lacks, self and key', async () => {
    const res = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'key = ENG-3', fields: ['status,customfield_10016', 'duedate', 'nosuchfield'] } });
    const issue = (res.body as { issues: Record<string, unknown>[] }).issues[0];
    expect(issue).toEqual({
      expand: '',
      id: '10003',
      self: `${emulator.url}/rest/api/3/issue/10003`,
      key: 'ENG-3',
      fields: {
        status: { id: '10002', name: 'Blocked', description: '', statusCategory: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' } },
        customfield_10016: 5,
        duedate: null,
      },
    });
  });

  it('reads *all, *navigable and -field as Jira does', async () => {
    const fieldsOf = async (fields: string[]) => {
      const res = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'key = ENG-2', fields } });
      return Object.keys((res.body as { issues: { fields: object }[] }).issues[0]?.fields ?? {}).sort();
    };
    const all = ['assignee', 'created', 'customfield_10016', 'customfield_10021', 'duedate', 'issuelinks', 'issuetype', 'parent', 'project', 'resolutiondate', 'status', 'summary', 'updated'];
    expect(await fieldsOf(['*all'])).toEqual(all.filter((f) => f !== 'assignee'));
    expect(await fieldsOf(['*navigable', '-summary', '-issuelinks'])).toEqual(all.filter((f) => !['assignee', 'summary', 'issuelinks'].includes(f)));
    expect(await fieldsOf(['-project'])).toEqual(all.filter((f) => !['assignee', 'project'].includes(f)));
  });

  it('finds sub-tasks under their story, not under the epic', async () => {
    const res = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'parent in (ENG-2, OPS-2)', fields: ['key'] } });
    expect(res.body).toEqual({ issues: [{ id: '10006', key: 'ENG-5' }], isLast: true });
  });

  it('evaluates relative dates against the emulator clock', async () => {
    const day = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project in (ENG, OPS) AND updated >= -1d', fields: ['key'] } });
    expect(day.body).toEqual({ issues: [{ id: '10002', key: 'ENG-2' }, { id: '10005', key: 'OPS-1' }], isLast: true });
    const hours = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project in (ENG, OPS) AND updated >= -20h', fields: ['key'] } });
    expect(hours.body).toEqual({ issues: [{ id: '10002', key: 'ENG-2' }], isLast: true });
  });

  it('answers 400 with Jira\'s body for unbounded and malformed JQL, and bad requests', async () => {
    const unbounded = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'status = Done ORDER BY key' } });
    expect(unbounded).toMatchObject({ status: 400, body: { errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'], errors: {} } });
    const empty = await call(emulator.url, 'GET', '/rest/api/3/search/jql');
    expect(empty.body).toEqual(unbounded.body);
    const malformed = await call(emulator.url, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = ENG foo')}`);
    expect(malformed).toMatchObject({ status: 400, body: { errorMessages: ["Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'. (line 1, character 15)"], errors: {} } });
    const unsupported = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = ENG AND assignee = currentUser()' } });
    expect((unsupported.body as { errorMessages: string[] }).errorMessages[0]).toBe("The JQL function 'currentUser()' is not supported by this JQL subset. (line 1, character 30)");
    const badBody = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: '{"jql": ' });
    expect(badBody).toMatchObject({ status: 400, body: { errorMessages: ['Invalid request payload. Refer to the REST API documentation and try again.'] } });
    const badMax = await call(emulator.url, 'GET', '/rest/api/3/search/jql?jql=project%3DENG&maxResults=ten');
    expect(badMax).toMatchObject({ status: 400, body: { errorMessages: ["The value 'ten' is invalid for the maxResults parameter."] } });
    const badToken = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = ENG', nextPageToken: 'nope' } });
    expect(badToken).toMatchObject({ status: 400, body: { errorMessages: ['The provided next page token is invalid or expired.'] } });
  });

  it('refuses a page token issued for another query', async () => {
    const first = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = ENG', maxResults: 2 } });
    const token = (first.body as { nextPageToken: string }).nextPageToken;
    const other = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = OPS', nextPageToken: token } });
    expect(other.status).toBe(400);
  });
});

describe('paging over a generated site', () => {
  let emulator: JiraEmulator;
  let expected: string[];
  const jql = 'project in (ENG, MOB, WEB, DATA, MKT, SALES, OPS, SEC) ORDER BY key';
  beforeAll(async () => {
    const site = generateSite({ epics: 30, children: 6000, noise: 400, seed: 3 });
    expected = [...site.issues()].filter((i) => !['SUP', 'ITH'].includes(i.key.split('-')[0] as string)).map((i) => i.key);
    emulator = await startJiraEmulator({ site, now: NOW });
  });
  afterAll(() => emulator.stop());

  async function pageThrough(body: Record<string, unknown>): Promise<{ sizes: number[]; keys: string[] }> {
    const sizes: number[] = [];
    const keys: string[] = [];
    let token: string | undefined;
    for (;;) {
      const res = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql, ...body, ...(token ? { nextPageToken: token } : {}) } });
      const page = res.body as { issues: { key: string }[]; nextPageToken?: string; isLast: boolean };
      sizes.push(page.issues.length);
      keys.push(...page.issues.map((i) => i.key));
      expect(page.isLast).toBe(page.nextPageToken === undefined);
      if (page.isLast) return { sizes, keys };
      token = page.nextPageToken;
    }
  }

  it('serves at most 5,000 issues a page when only id and key are asked for', async () => {
    expect(expected.length).toBeGreaterThan(5000);
    const { sizes, keys } = await pageThrough({ fields: ['id', 'key'], maxResults: 10000 });
    expect(sizes).toEqual([5000, expected.length - 5000]);
    expect(keys.slice().sort()).toEqual(expected.slice().sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('serves at most 100 issues a page when other fields are asked for, to the last page', async () => {
    const { sizes, keys } = await pageThrough({ fields: ['status', 'parent'], maxResults: 1000 });
    const full = Math.floor(expected.length / 100);
    expect(sizes).toEqual([...Array(full).fill(100), ...(expected.length % 100 ? [expected.length % 100] : [])]);
    expect(keys.slice().sort()).toEqual(expected.slice().sort());
    const byNumber = (k: string) => [k.split('-')[0], Number(k.split('-')[1])] as const;
    const sorted = keys.slice().sort((a, b) => (byNumber(a)[0] as string).localeCompare(byNumber(b)[0] as string) || byNumber(a)[1] - byNumber(b)[1]);
    expect(keys).toEqual(sorted);
    expect(emulator.stats().pages).toBeGreaterThanOrEqual(sizes.length);
  });

  // Speed is bench:sync's to measure; here the page, with its time printed.
  it('serves a 100-issue page with all fields from a page token', async () => {
    await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql, fields: ['*all'], maxResults: 100 } });
    const first = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql, fields: ['*all'], maxResults: 100 } });
    const token = (first.body as { nextPageToken: string }).nextPageToken;
    const started = performance.now();
    const second = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql, fields: ['*all'], maxResults: 100, nextPageToken: token } });
    const ms = performance.now() - started;
    expect((second.body as { issues: unknown[] }).issues).toHaveLength(100);
    console.log(`a second page of 100 issues with all fields served in ${ms.toFixed(1)} ms`);
  });
});
