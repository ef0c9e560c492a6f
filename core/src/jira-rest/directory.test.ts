import { createJiraDirectory } from './directory';
import { defaultRetryPolicy } from './retry';
import { createSender, type JiraAttempt, type JiraHttpRequest } from './send';
import { createStatsCounter } from './stats';

const ok = (body: unknown): JiraAttempt => ({ kind: 'response', status: 200, text: JSON.stringify(body), headers: new Headers({ 'content-type': 'application/json' }) });
const user = (accountId: string, over: Record<string, unknown> = {}) => ({ accountId, accountType: 'atlassian', displayName: `Person ${accountId}`, active: true, avatarUrls: { '48x48': `https://a.example/${accountId}.png` }, ...over });

/** A directory over a transport that answers with `answer(request)` and records each request. */
function directoryOver(answer: (req: JiraHttpRequest, url: URL) => JiraAttempt) {
  const sent: URL[] = [];
  const sender = createSender({
    transport: async (req) => {
      const url = new URL(req.path, 'https://site.example');
      sent.push(url);
      return answer(req, url);
    },
    retry: defaultRetryPolicy,
    secrets: [],
    now: () => 0,
    sleep: async () => undefined,
    random: () => 0,
    stats: createStatsCounter(),
  });
  return { directory: createJiraDirectory(sender), sent };
}

describe('the Jira directory', () => {
  it('reads accounts 100 a call, following a page Jira cuts short, each id once', async () => {
    const { directory, sent } = directoryOver((_req, url) => {
      const ids = url.searchParams.getAll('accountId');
      const startAt = Number(url.searchParams.get('startAt'));
      // Jira answers at most 60 a page here, whatever maxResults says.
      const page = ids.slice(startAt, startAt + 60);
      return ok({ values: page.map((id) => user(id)), startAt, total: ids.length, isLast: startAt + page.length >= ids.length });
    });
    const ids = Array.from({ length: 150 }, (_, i) => `acc${String(i).padStart(3, '0')}`);
    const people = await directory.findPeople([...ids, 'acc000', ' ']);
    expect(people.map((p) => p.accountId)).toEqual(ids);
    expect(sent.map((u) => [u.pathname, u.searchParams.getAll('accountId').length, u.searchParams.get('startAt')])).toEqual([
      ['/rest/api/3/user/bulk', 100, '0'],
      ['/rest/api/3/user/bulk', 100, '60'],
      ['/rest/api/3/user/bulk', 50, '0'],
    ]);
  });

  it('keeps people only (no app accounts), their 48 px avatar, and bounds the search', async () => {
    const { directory, sent } = directoryOver(() => ok([user('a'), user('bot', { accountType: 'app' }), user('b', { avatarUrls: {} }), user('c', { active: false })]));
    const found = await directory.searchPeople('pe', 5000);
    expect(found).toEqual([
      { accountId: 'a', displayName: 'Person a', avatarUrl: 'https://a.example/a.png', active: true, email: null },
      { accountId: 'b', displayName: 'Person b', avatarUrl: null, active: true, email: null },
      { accountId: 'c', displayName: 'Person c', avatarUrl: 'https://a.example/c.png', active: false, email: null },
    ]);
    expect(sent[0]?.searchParams.get('maxResults')).toBe('1000');
  });

  it('keeps an email only where Jira reveals it (null, absent or not an address: hidden)', async () => {
    const { directory } = directoryOver(() =>
      ok({ values: [user('a', { emailAddress: 'Ana@Acme.example' }), user('b', { emailAddress: null }), user('c'), user('d', { emailAddress: '' })], isLast: true }),
    );
    const found = await directory.findPeople(['a', 'b', 'c', 'd']);
    expect(found.map((p) => [p.accountId, p.email])).toEqual([
      ['a', 'ana@acme.example'],
      ['b', null],
      ['c', null],
      ['d', null],
    ]);
  });

  it('refuses a user list of the wrong shape, naming what was expected', async () => {
    const { directory } = directoryOver(() => ok({ values: [] }));
    await expect(directory.searchPeople('x', 10)).rejects.toThrow('GET /rest/api/3/user/search returned 200 with a body of the wrong shape, expected a list of users [{ accountId, displayName, avatarUrls }]');
  });

  it('asks for projects by key order, at most 100', async () => {
    const { directory, sent } = directoryOver(() => ok({ values: [{ id: '1', key: 'ENG', name: 'Engineering', extra: true }], isLast: true }));
    expect(await directory.searchProjects('en', 500)).toEqual([{ id: '1', key: 'ENG', name: 'Engineering' }]);
    expect(Object.fromEntries(sent[0]!.searchParams)).toEqual({ query: 'en', maxResults: '100', orderBy: 'key' });
  });
});
