import { startJiraEmulator, type JiraEmulator } from './server';
import { Site } from './site';
import { call, rawIssue } from './testing';

const person = (accountId: string, displayName: string, active = true, email: Record<string, string> = {}) => ({ accountId, displayName, active, accountType: 'atlassian', ...email });

describe('user and project lookups', () => {
  let emulator: JiraEmulator;
  beforeAll(async () => {
    const people = [person('a-1', 'Ana Costa'), person('a-2', 'Kenji Sato'), person('a-3', 'Anders Berg'), person('a-4', 'Old Timer', false), person('a-5', 'Mia Anand', true, { emailAddress: 'mia@acme.example' })];
    const issues = people.map((p, i) => rawIssue(10001 + i, `${i % 2 === 0 ? 'ENG' : 'MKT'}-${i + 1}`, { extra: { assignee: p, reporter: people[0] } }));
    issues.push(rawIssue(10010, 'PLAT-1', { extra: { project: { id: '10020', key: 'PLAT', name: 'Platform' } } }));
    emulator = await startJiraEmulator({ site: new Site(issues) });
  });
  afterAll(() => emulator.stop());

  const users = async (query: string) => {
    const res = await call(emulator.url, 'GET', `/rest/api/3/user/search?${query}`);
    return { status: res.status, names: Array.isArray(res.body) ? (res.body as { displayName: string }[]).map((u) => u.displayName) : res.body };
  };

  it('finds active people whose name has a word starting with the query, in name order', async () => {
    expect(await users('query=an')).toEqual({ status: 200, names: ['Ana Costa', 'Anders Berg', 'Mia Anand'] });
    expect(await users('query=SATO')).toEqual({ status: 200, names: ['Kenji Sato'] });
    expect(await users('query=old')).toEqual({ status: 200, names: [] });
    expect(await users('query=')).toEqual({ status: 200, names: ['Ana Costa', 'Anders Berg', 'Kenji Sato', 'Mia Anand'] });
  });

  it('pages with startAt and maxResults', async () => {
    expect(await users('query=an&startAt=1&maxResults=1')).toEqual({ status: 200, names: ['Anders Berg'] });
    expect(await users('query=an&startAt=3')).toEqual({ status: 200, names: [] });
    expect(await users('query=an&maxResults=x')).toEqual({ status: 400, names: { errorMessages: ["The value 'x' is invalid for the maxResults parameter."], errors: {} } });
  });

  it('returns no email, and the avatars and account fields the spec names', async () => {
    const res = await call(emulator.url, 'GET', '/rest/api/3/user?accountId=a-2');
    expect(res.status).toBe(200);
    const user = res.body as Record<string, unknown>;
    expect(Object.keys(user).sort()).toEqual(['accountId', 'accountType', 'active', 'avatarUrls', 'displayName', 'self']);
    expect(Object.keys(user.avatarUrls as object).sort()).toEqual(['16x16', '24x24', '32x32', '48x48']);
    expect((user.avatarUrls as Record<string, string>)['48x48']).toMatch(/^https:\/\/avatar-management--avatars\.[^/]+\/initials\/KS-\d\.png\?size=48/);
  });

  it('refuses what Jira refuses', async () => {
    expect((await users('')).status).toBe(400);
    expect((await users('query=a&accountId=a-1')).status).toBe(400);
    expect((await users('username=ana')).status).toBe(400);
    const missing = await call(emulator.url, 'GET', '/rest/api/3/user?accountId=nobody');
    expect([missing.status, missing.body]).toEqual([404, { errorMessages: ['Specified user does not exist or you do not have required permissions'], errors: {} }]);
  });

  it('reads many accounts in one bulk call, in pages, leaving out unknown ones', async () => {
    const ids = ['a-3', 'a-1', 'nobody', 'a-2'].map((id) => `accountId=${id}`).join('&');
    const first = await call(emulator.url, 'GET', `/rest/api/3/user/bulk?${ids}&maxResults=2`);
    const body = first.body as { values: { accountId: string }[]; isLast: boolean; total: number; startAt: number; nextPage?: string };
    expect([body.values.map((v) => v.accountId), body.isLast, body.total, body.startAt]).toEqual([['a-3', 'a-1'], false, 3, 0]);
    const next = await call(emulator.url, 'GET', (body.nextPage as string).slice(emulator.url.length));
    const rest = next.body as typeof body;
    expect([rest.values.map((v) => v.accountId), rest.isLast, rest.nextPage]).toEqual([['a-2'], true, undefined]);
  });

  it('shows an email only for a person whose visibility allows it (their snapshot carried one), in every user answer', async () => {
    const bulk = await call(emulator.url, 'GET', '/rest/api/3/user/bulk?accountId=a-5&accountId=a-1');
    const values = (bulk.body as { values: Record<string, unknown>[] }).values;
    expect(values.map((v) => [v.accountId, v.emailAddress])).toEqual([
      ['a-5', 'mia@acme.example'],
      ['a-1', undefined],
    ]);
    expect(Object.keys(values[1] ?? {})).not.toContain('emailAddress');
    const one = await call(emulator.url, 'GET', '/rest/api/3/user?accountId=a-5');
    expect((one.body as Record<string, unknown>).emailAddress).toBe('mia@acme.example');
  });

  it('finds a person by the start of an email they let others see, never by one they hide', async () => {
    const found = await call(emulator.url, 'GET', '/rest/api/3/user/search?query=MIA%40acme.example');
    expect((found.body as Record<string, unknown>[]).map((u) => [u.accountId, u.emailAddress])).toEqual([['a-5', 'mia@acme.example']]);
    expect(await users('query=mia%40acme')).toEqual({ status: 200, names: ['Mia Anand'] });
    // Ana's email is hidden (her user object carries none): the conservative reading of the
    // spec, since Atlassian does not say a hidden email still matches.
    expect(await users('query=ana%40acme.example')).toEqual({ status: 200, names: [] });
    expect(await users('query=mia%40acme.example.org')).toEqual({ status: 200, names: [] });
  });

  it('searches projects by key or name, paged, at most 100 a page', async () => {
    const page = async (query: string) => {
      const res = await call(emulator.url, 'GET', `/rest/api/3/project/search?${query}`);
      const body = res.body as { values: { key: string; name: string }[]; isLast: boolean; maxResults: number; total: number; nextPage?: string };
      return [body.values.map((v) => `${v.key} ${v.name}`), body.isLast, body.maxResults, body.total, body.nextPage !== undefined];
    };
    expect(await page('')).toEqual([['ENG ENG', 'MKT MKT', 'PLAT Platform'], true, 50, 3, false]);
    expect(await page('query=form')).toEqual([['PLAT Platform'], true, 50, 1, false]);
    expect(await page('query=mk')).toEqual([['MKT MKT'], true, 50, 1, false]);
    expect(await page('maxResults=2&startAt=0&orderBy=-key')).toEqual([['PLAT Platform', 'MKT MKT'], false, 2, 3, true]);
    expect(await page('maxResults=500')).toEqual([['ENG ENG', 'MKT MKT', 'PLAT Platform'], true, 100, 3, false]);
    expect(await page('keys=eng&keys=PLAT')).toEqual([['ENG ENG', 'PLAT Platform'], true, 50, 2, false]);
  });
});
