import { startJiraEmulator, Site, type JiraEmulator } from '../../../dev/jira-emulator';
import { rawIssue } from '../../../dev/jira-emulator/testing';
import { createHttpRequestJira } from '../testing/http-request-jira';
import { createTestDeps, type TestDeps } from '../testing/test-deps';
import { bridgePeopleOf, lookUpOwners, MAX_EMAIL_LOOKUPS, PEOPLE_CACHE_KEY, PEOPLE_CACHE_TTL_MS } from './people-cache';

const MEI = '712020:263467eb-d198-3786-8f77-e0744ed09341';
const RAJ = '712020:5f0b6a3e-2c1d-4e8f-9a7b-1c2d3e4f5a6b';
const PRIYA = '712020:bbef4a84-df67-2fc4-4756-0223b6c8f375';
const person = (accountId: string, displayName: string, emailAddress?: string) => ({ accountId, displayName, active: true, accountType: 'atlassian', ...(emailAddress ? { emailAddress } : {}) });
// Mei and Raj let others see their emails; Priya hides hers (her user object carries none).
const PEOPLE = [person(MEI, 'Mei Lin', 'mei@acme.example'), person(RAJ, 'Raj Mehta', 'raj@acme.example'), person(PRIYA, 'Priya Nair')];
const search = 'GET /rest/api/3/user/search';

describe('owners written as emails, looked up in Jira', () => {
  let emulator: JiraEmulator;
  let deps: TestDeps;
  beforeAll(async () => {
    emulator = await startJiraEmulator({ site: new Site(PEOPLE.map((p, i) => rawIssue(10001 + i, `ENG-${i + 1}`, { extra: { assignee: p } }))) });
  });
  afterAll(() => emulator.stop());
  beforeEach(() => {
    const jira = createHttpRequestJira(emulator.url);
    deps = createTestDeps({ asUser: jira, asApp: jira });
    emulator.resetStats();
  });

  const names = (found: Map<string, { displayName: string }>) => Object.fromEntries([...found].map(([owner, p]) => [owner, p.displayName]));

  it('names an email Jira shows on a person, one user search per address, then from the cache for a day', async () => {
    const first = await lookUpOwners(deps, { accountIds: [], emails: ['Mei@Acme.example', 'raj@acme.example', 'nobody@acme.example'] }, 'asUser', deps.now);
    expect(names(first)).toEqual({ 'Mei@Acme.example': 'Mei Lin', 'raj@acme.example': 'Raj Mehta' });
    expect(first.get('raj@acme.example')).toMatchObject({ accountId: RAJ, email: 'raj@acme.example', avatarUrl: expect.stringMatching(/^https:\/\//) });
    expect(emulator.stats().byEndpoint).toEqual({ [search]: 3 });
    // Unknown addresses are remembered too: asking again (any case) costs nothing.
    const again = await lookUpOwners(deps, { accountIds: [], emails: ['mei@acme.example', 'nobody@acme.example', 'RAJ@acme.example'] }, 'asUser', deps.now);
    expect(names(again)).toEqual({ 'mei@acme.example': 'Mei Lin', 'RAJ@acme.example': 'Raj Mehta' });
    expect(emulator.stats().byEndpoint).toEqual({ [search]: 3 });
    const cached = (await deps.kvs.get<{ people: Record<string, { unknown?: true }> }>(PEOPLE_CACHE_KEY))?.people ?? {};
    expect(cached['email:nobody@acme.example']).toMatchObject({ unknown: true });
    deps.now += PEOPLE_CACHE_TTL_MS;
    await lookUpOwners(deps, { accountIds: [], emails: ['mei@acme.example'] }, 'asUser', deps.now);
    expect(emulator.stats().byEndpoint).toEqual({ [search]: 4 });
  });

  it('leaves an owner whose email Jira hides as written (no match is taken on trust), and asks no more that day', async () => {
    const found = await lookUpOwners(deps, { accountIds: [], emails: ['priya@acme.example'] }, 'asApp', deps.now);
    expect(found.size).toBe(0);
    await lookUpOwners(deps, { accountIds: [], emails: ['priya@acme.example'] }, 'asApp', deps.now);
    expect(emulator.stats().byEndpoint).toEqual({ [search]: 1 });
  });

  it(`looks up at most ${MAX_EMAIL_LOOKUPS} new addresses at a time, the rest the next time`, async () => {
    const emails = Array.from({ length: MAX_EMAIL_LOOKUPS + 5 }, (_, i) => `someone${i}@acme.example`);
    await lookUpOwners(deps, { accountIds: [], emails: [...emails, 'mei@acme.example'] }, 'asApp', deps.now);
    expect(emulator.stats().byEndpoint).toEqual({ [search]: MAX_EMAIL_LOOKUPS });
    const later = await lookUpOwners(deps, { accountIds: [], emails: [...emails, 'mei@acme.example'] }, 'asApp', deps.now);
    expect(emulator.stats().byEndpoint).toEqual({ [search]: MAX_EMAIL_LOOKUPS + 6 });
    expect(names(later)).toEqual({ 'mei@acme.example': 'Mei Lin' });
  });

  it("keeps no email a user's lookup of an account was shown: the app asks Jira itself before the bridge sends one", async () => {
    const bulk = 'GET /rest/api/3/user/bulk';
    const asUser = await lookUpOwners(deps, { accountIds: [RAJ], emails: [] }, 'asUser', deps.now);
    expect(asUser.get(RAJ)).toMatchObject({ displayName: 'Raj Mehta' });
    const stored = (await deps.kvs.get<{ people: Record<string, { email?: string | null }> }>(PEOPLE_CACHE_KEY))!.people[RAJ]!;
    expect('email' in stored).toBe(false);
    // The panels read it from the cache; the bridge (as the app) asks Jira once, then keeps what the app was shown.
    await lookUpOwners(deps, { accountIds: [RAJ], emails: [] }, 'asUser', deps.now);
    expect(emulator.stats().byEndpoint[bulk]).toBe(1);
    expect((await lookUpOwners(deps, { accountIds: [RAJ], emails: [] }, 'asApp', deps.now)).get(RAJ)).toMatchObject({ email: 'raj@acme.example' });
    await lookUpOwners(deps, { accountIds: [RAJ], emails: [] }, 'asApp', deps.now);
    expect(emulator.stats().byEndpoint[bulk]).toBe(2);
  });

  it('sends the bridge the person for an email owner, with the owner as stored for its id', async () => {
    const view = { owners: ['Raj@acme.example', 'priya@acme.example'], keyResults: [{ owner: MEI }, { owner: 'Dana Lee' }], items: [{ presenter: 'mei@acme.example' }] };
    const people = await bridgePeopleOf(deps, view, deps.now);
    expect(people).toEqual([
      { id: MEI, displayName: 'Mei Lin', email: 'mei@acme.example', avatarUrl: expect.stringMatching(/^https:\/\//) },
      { id: 'Raj@acme.example', displayName: 'Raj Mehta', email: 'raj@acme.example', avatarUrl: expect.stringMatching(/^https:\/\//) },
      { id: 'mei@acme.example', displayName: 'Mei Lin', email: 'mei@acme.example', avatarUrl: expect.stringMatching(/^https:\/\//) },
    ]);
    expect(emulator.stats().byEndpoint).toEqual({ 'GET /rest/api/3/user/bulk': 1, [search]: 3 });
  });
});
