import { join } from 'node:path';
import { loadSnapshotFile, startJiraEmulator, type JiraEmulator } from '../../../dev/jira-emulator';
import type { ResolverName } from '../contract';
import { createHttpRequestJira } from '../testing/http-request-jira';
import { createTestDeps, type TestDeps } from '../testing/test-deps';
import { createResolverHandlers } from '.';
import { PEOPLE_CACHE_KEY, PEOPLE_CACHE_TTL_MS } from './people-resolvers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };

const ANA = '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9';
const MEI = '712020:263467eb-d198-3786-8f77-e0744ed09341';

describe('people and project pickers over the Jira emulator', () => {
  let emulator: JiraEmulator;
  let deps: TestDeps;
  beforeAll(async () => {
    emulator = await startJiraEmulator({ site: loadSnapshotFile(join(__dirname, '../../../examples/acme-issues.json')) });
  });
  afterAll(() => emulator.stop());
  beforeEach(() => {
    deps = createTestDeps({ asUser: createHttpRequestJira(emulator.url) });
    emulator.resetStats();
  });

  async function call(name: ResolverName, payload: unknown, accountId: string | null = ANA): Promise<Answer> {
    const handlers = createResolverHandlers(deps) as unknown as Record<string, (r: unknown) => Promise<Answer>>;
    return handlers[name]!({ payload, context: accountId === null ? {} : { accountId } });
  }

  it('finds people by the start of a name, with account ids and avatars, never emails', async () => {
    const answer = await call('searchPeople', { query: 'me' });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.data.people.map((p: { displayName: string }) => p.displayName)).toEqual(['Mei Lin']);
    expect(answer.data.people[0]).toEqual({ accountId: MEI, displayName: 'Mei Lin', avatarUrl: expect.stringMatching(/^https:\/\/.+\/initials\/ML-\d\.png\?size=48/) });
    expect(JSON.stringify(answer.data)).not.toContain('@');
    expect(emulator.stats().byEndpoint).toEqual({ 'GET /rest/api/3/user/search': 1 });
  });

  it('bounds a broad search to 20 people', async () => {
    const answer = await call('searchPeople', { query: '' });
    expect(answer.ok && answer.data.people.length).toBe(20);
  });

  it('finds projects by key or name', async () => {
    const byName = await call('searchProjects', { query: 'plat' });
    expect(byName.ok && byName.data.projects).toEqual([{ key: 'PLAT', name: 'Platform' }]);
    const all = await call('searchProjects', { query: '' });
    expect(all.ok && all.data.projects.map((p: { key: string }) => p.key)).toEqual(['CS', 'ENG', 'FIN', 'MKT', 'OPS', 'PLAT', 'PROD', 'SALES']);
  });

  it('refuses a search too long or without a signed-in caller, asking Jira nothing', async () => {
    const long = await call('searchPeople', { query: 'x'.repeat(101) });
    expect(long).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-payload', message: 'searchPeople: query: expected a search of at most 100 characters' }) });
    const anonymous = await call('searchProjects', { query: 'eng' }, null);
    expect(anonymous.ok ? null : anonymous.error.code).toBe('forbidden');
    expect(emulator.stats().byEndpoint).toEqual({});
  });

  it('shows owners by name from one bulk call, then from the cache until it is a day old', async () => {
    const first = await call('getPeople', { accountIds: [MEI, ANA, 'unknown-account'] });
    expect(first.ok && first.data.people.map((p: { displayName: string }) => p.displayName)).toEqual(['Mei Lin', 'Ana Costa']);
    expect(emulator.stats().byEndpoint).toEqual({ 'GET /rest/api/3/user/bulk': 1 });
    // An account Jira does not know is remembered as such: asking again costs no call.
    const again = await call('getPeople', { accountIds: [ANA, MEI, 'unknown-account'] });
    expect(again.ok && again.data.people.map((p: { displayName: string }) => p.displayName)).toEqual(['Ana Costa', 'Mei Lin']);
    expect(emulator.stats().byEndpoint).toEqual({ 'GET /rest/api/3/user/bulk': 1 });
    deps.now += PEOPLE_CACHE_TTL_MS;
    await call('getPeople', { accountIds: [ANA] });
    expect(emulator.stats().byEndpoint).toEqual({ 'GET /rest/api/3/user/bulk': 2 });
    const cached = (await deps.kvs.get<{ people: Record<string, unknown> }>(PEOPLE_CACHE_KEY))?.people ?? {};
    expect(Object.keys(cached).sort()).toEqual([ANA, MEI, 'unknown-account'].sort());
    expect(cached['unknown-account']).toMatchObject({ unknown: true });
  });

  it('refuses an owner email that is no address, asking Jira nothing', async () => {
    const answer = await call('getPeople', { accountIds: [], emails: ['not an email'] });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-payload', message: expect.stringContaining('expected an email address') }) });
    expect(emulator.stats().byEndpoint).toEqual({});
  });
});
