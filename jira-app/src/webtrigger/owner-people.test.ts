/**
 * Owners picked in Jira are stored as account ids; what the web trigger answers and the events
 * it queues carry, beside the views, the people those ids name, read from the Jira emulator's
 * `user/bulk` as the app (one call, then the day-long cache), with an email only for a person
 * whose visibility lets Jira reveal it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrg, webTriggerResultSchemas } from '@okr-bridge/core';
import { siteFromSnapshot, startJiraEmulator, type JiraEmulator } from '../../../dev/jira-emulator';
import { queueBridgeEvents } from '../app/bridge-events';
import { openSession } from '../app/session';
import { createHttpRequestJira } from '../testing/http-request-jira';
import { createTestDeps, loadAcme, seedAcme, type TestDeps } from '../testing/test-deps';
import { runAction } from './actions';

const root = join(__dirname, '..', '..', '..');
const ANA = '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9';
const MEI = '712020:263467eb-d198-3786-8f77-e0744ed09341';
const TOM = '712020:d430758b-dd00-ae3c-e3b6-b33826ecbca1';

/** Acme with Ana (an Engineering key result's owner), Tom (another's) and Mei (Platform's owner, who delivers to Engineering) picked as accounts; Raj stays an email. */
function acmeWithAccounts() {
  const text = readFileSync(join(root, 'examples', 'acme.yaml'), 'utf8').replaceAll('ana@acme.example', ANA).replaceAll('mei@acme.example', MEI).replaceAll('tom@acme.example', TOM);
  return parseOrg(text, 'acme.yaml');
}

/** The Acme snapshot where only Ana and Tom let others see their emails (Jira then sends `emailAddress` for them); Mei and everyone else do not. */
function snapshotWithAnaEmail(): unknown {
  const snapshot = JSON.parse(readFileSync(join(root, 'examples', 'acme-issues.json'), 'utf8')) as { issues: { fields: Record<string, unknown> }[] };
  for (const issue of snapshot.issues) {
    for (const field of ['assignee', 'reporter', 'creator']) {
      const shown = issue.fields[field] as { accountId?: string; emailAddress?: string } | null | undefined;
      const person = shown ? (({ emailAddress: _hidden, ...rest }) => rest)(shown) : shown;
      if (person) issue.fields[field] = person;
      if (person?.accountId === ANA) issue.fields[field] = { ...person, emailAddress: 'ana@acme.example' };
      if (person?.accountId === TOM) issue.fields[field] = { ...person, emailAddress: 'tom@acme.example' };
    }
  }
  return snapshot;
}

describe('the people a web trigger answer names', () => {
  let emulator: JiraEmulator;
  let deps: TestDeps;
  beforeAll(async () => {
    emulator = await startJiraEmulator({ site: siteFromSnapshot(snapshotWithAnaEmail(), {}, 'acme-issues.json') });
  });
  afterAll(() => emulator.stop());
  beforeEach(async () => {
    deps = createTestDeps({ asApp: createHttpRequestJira(emulator.url), now: '2026-11-15T09:00:00Z' });
    await seedAcme(deps, { org: acmeWithAccounts(), issues: loadAcme().issues });
    emulator.setFaults({});
    emulator.resetStats();
  });

  const department = async () => webTriggerResultSchemas.department.parse(await runAction(deps, openSession(deps), { action: 'department', department: 'eng' }, 'conn-1'));

  it('names each account-id owner once, with the email only where Jira reveals it, from one bulk call and then the cache', async () => {
    const view = await department();
    const kr = view.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'eng-o1-kr1');
    expect(kr?.owner).toBe(ANA);
    expect(view.owners).toEqual(['raj@acme.example']);
    expect(view.people).toEqual([
      { id: ANA, displayName: 'Ana Costa', email: 'ana@acme.example', avatarUrl: expect.stringMatching(/^https:\/\//) },
      { id: TOM, displayName: 'Tom Becker', email: 'tom@acme.example', avatarUrl: expect.stringMatching(/^https:\/\//) },
    ]);
    // The four owners the view still names by email (Raj, Priya, and the owners of the teams it
    // depends on) are looked up once each in user search; Jira shows none of them with that
    // email, so they stay as written.
    const calls = { 'GET /rest/api/3/user/bulk': 1, 'GET /rest/api/3/user/search': 4 };
    expect(emulator.stats().byEndpoint).toEqual(calls);
    await department();
    expect(emulator.stats().byEndpoint).toEqual(calls);
  });

  it('asks Jira about an account it does not know once a day, not on every answer; names an email owner Jira shows', async () => {
    const gone = '712020:00000000-0000-4000-8000-000000000000';
    await seedAcme(deps, { org: parseOrg(readFileSync(join(root, 'examples', 'acme.yaml'), 'utf8').replaceAll('ana@acme.example', gone), 'acme.yaml'), issues: loadAcme().issues });
    const view = await department();
    // Tom is still written as his email, which Jira shows on his account: he travels as that email.
    expect(view.people).toEqual([{ id: 'tom@acme.example', displayName: 'Tom Becker', email: 'tom@acme.example', avatarUrl: expect.stringMatching(/^https:\/\//) }]);
    const calls = emulator.stats().byEndpoint;
    expect(calls['GET /rest/api/3/user/bulk']).toBe(1);
    await department();
    expect(emulator.stats().byEndpoint).toEqual(calls);
  });

  it('answers the dependency list alone unless asked with people, as earlier apps did', async () => {
    const s = openSession(deps);
    const plain = webTriggerResultSchemas.dependencies.parse(await runAction(deps, s, { action: 'dependencies' }, 'conn-1'));
    expect(Array.isArray(plain)).toBe(true);
    const named = webTriggerResultSchemas.dependencies.parse(await runAction(deps, s, { action: 'dependencies', withPeople: true }, 'conn-1'));
    expect(Array.isArray(named) ? null : named.people.map((p) => p.displayName).sort()).toEqual(['Mei Lin']);
    // Mei keeps her email hidden: the person carries none.
    expect(Array.isArray(named) ? null : named.people[0]).toEqual({ id: MEI, displayName: 'Mei Lin', avatarUrl: expect.stringMatching(/^https:\/\//) });
  });

  it('still answers, without names, when Jira cannot be asked', async () => {
    Object.assign(deps, { sleep: async () => undefined });
    emulator.setFaults({ serverErrorEvery: 1 });
    const view = await department();
    expect(view.people).toEqual([]);
    expect(view.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'eng-o1-kr1')?.owner).toBe(ANA);
  });

  it('puts the people an event names on the event it queues', async () => {
    const s = openSession(deps);
    const deps2 = webTriggerResultSchemas.dependencies.parse(await runAction(deps, s, { action: 'dependencies' }, 'conn-1'));
    const dependency = (Array.isArray(deps2) ? deps2 : deps2.dependencies).find((d) => d.needs.owner === ANA || d.provider.owners.includes(MEI));
    expect(dependency).toBeDefined();
    const site = { teams: { status: 'connected' } } as never;
    await queueBridgeEvents(deps, site, [{ type: 'dependency.changed', id: 'ev-1', occurredAt: '2026-11-15T09:00:00Z', previousState: 'open', dependency: dependency! }]);
    const event = (deps.queued[0]?.body as { event: { people: { id: string; displayName: string }[] } }).event;
    expect(event.people.map((p) => p.displayName).sort()).toEqual(expect.arrayContaining([dependency!.needs.owner === ANA ? 'Ana Costa' : 'Mei Lin']));
    expect(JSON.stringify(event.people)).not.toContain('raj@');
  });

  it('lets an owner picked as an account check in from Teams when Jira reveals their email is the one Teams vouches for', async () => {
    const checkIn = (kr: string, authorEmail: string) => runAction(deps, openSession(deps), { action: 'check-in', kr, value: 1.9, author: 'Someone', authorEmail }, 'conn-1');
    const done = webTriggerResultSchemas['check-in'].parse(await checkIn('eng-o2-kr2', 'tom@acme.example'));
    expect([done.kr.owner, done.people?.map((p) => p.displayName)]).toEqual([TOM, ['Tom Becker']]);
    // Mei keeps her email hidden: Teams' word that this is mei@acme.example cannot be matched to her account.
    await expect(checkIn('plat-o1-kr1', 'mei@acme.example')).rejects.toThrow("only the key result's owner or the department's owners can check in");
    await expect(checkIn('eng-o2-kr2', 'mei@acme.example')).rejects.toThrow("only the key result's owner or the department's owners can check in");
  });
});
