/**
 * Linking a Teams user to a Jira account, through the signed web trigger: Mei owns a Platform
 * key result as a Jira account and hides her email from apps, so a check-in from Teams cannot
 * be told to be hers by email. She asks a Jira page for a one-time code and sends it to the bot;
 * from then on her check-ins from Teams count as her account's. Codes are single-use, expire,
 * and a link holds for the Teams tenant that made it only.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrg } from '@okr-bridge/core';
import { siteFromSnapshot, startJiraEmulator, type JiraEmulator } from '../../../dev/jira-emulator';
import { LINK_CODE_TTL_SECONDS } from '../app/teams-links';
import { createResolverHandlers } from '../resolvers';
import { createHttpRequestJira, permissionsOnlyJira } from '../testing/http-request-jira';
import { connectTeams, signedRequest, type TeamsConnection } from '../testing/teams-bridge';
import { createTestDeps, loadAcme, seedAcme, type TestDeps } from '../testing/test-deps';
import { handleWebTrigger } from './web-trigger';

const root = join(__dirname, '..', '..', '..');
const MEI = '712020:263467eb-d198-3786-8f77-e0744ed09341';
const ADMIN = 'admin-1';

/** Acme with Mei (Platform's owner and its uptime key result's) picked as her Jira account. */
const acmeWithMei = () => parseOrg(readFileSync(join(root, 'examples', 'acme.yaml'), 'utf8').replaceAll('mei@acme.example', MEI), 'acme.yaml');

/** The Acme snapshot with every email hidden, as Jira answers apps for people who keep theirs private. */
function snapshotWithoutEmails(): unknown {
  const snapshot = JSON.parse(readFileSync(join(root, 'examples', 'acme-issues.json'), 'utf8')) as { issues: { fields: Record<string, unknown> }[] };
  for (const issue of snapshot.issues) {
    for (const field of ['assignee', 'reporter', 'creator']) {
      const shown = issue.fields[field] as { emailAddress?: string } | null | undefined;
      if (shown) issue.fields[field] = (({ emailAddress: _hidden, ...rest }) => rest)(shown);
    }
  }
  return snapshot;
}

let emulator: JiraEmulator;
let deps: TestDeps;
let teams: TeamsConnection;
let n = 0;

beforeAll(async () => {
  emulator = await startJiraEmulator({ site: siteFromSnapshot(snapshotWithoutEmails(), {}, 'acme-issues.json') });
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  const base = createTestDeps({ asUser: permissionsOnlyJira(true), asApp: createHttpRequestJira(emulator.url), now: '2026-11-15T09:00:00Z' });
  // Real randomness: each code differs, as in Forge.
  deps = Object.assign(base, { ids: { ...base.ids, secret: () => randomBytes(32).toString('base64url') } });
  await seedAcme(deps, { org: acmeWithMei(), issues: loadAcme().issues });
  teams = await connectTeams(deps, ADMIN);
});

const call = async (body: unknown, connection = teams) => {
  const answer = await handleWebTrigger(deps, signedRequest(deps, connection, body, `r-${++n}`));
  return { status: answer.statusCode, body: JSON.parse(answer.body) as { ok: boolean; data?: unknown; error?: { code: string; message: string } } };
};
const codeFor = async (accountId: string | undefined) => createResolverHandlers(deps).createTeamsLinkCode({ payload: {}, context: accountId ? { accountId } : {} });
const checkIn = (extra: Record<string, unknown>) => call({ action: 'check-in', kr: 'plat-o1-kr1', value: 99.7, author: 'Mei', authorEmail: 'mei@acme.example', ...extra });

describe('linking a Teams user to a Jira account', () => {
  it('lets Mei check in from Teams once she linked, and not before', async () => {
    // Jira hides her email: Teams' address for her names no owner.
    expect(await checkIn({ authorAadObjectId: 'aad-mei' })).toMatchObject({ status: 403, body: { error: { code: 'not-allowed' } } });

    const made = await codeFor(MEI);
    if (!made.ok) throw new Error(made.error.message);
    expect(made.data.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(Date.parse(made.data.expiresAt) - deps.now).toBe(LINK_CODE_TTL_SECONDS * 1000);
    expect(made.data.validForMinutes).toBe(15);

    // Typed in Teams in lower case, with a space instead of the dash.
    const linked = await call({ action: 'link-account', code: made.data.code.toLowerCase().replace('-', ' '), aadObjectId: 'aad-mei', name: 'Mei' });
    expect(linked).toEqual({ status: 200, body: { ok: true, data: { accountId: MEI, displayName: 'Mei Lin' } } });

    const done = await checkIn({ authorAadObjectId: 'aad-mei' });
    expect(done).toMatchObject({ status: 200, body: { ok: true } });
    expect((done.body.data as { kr: { id: string; valueLabel: string } }).kr).toMatchObject({ id: 'plat-o1-kr1' });
    // Someone else's Teams account is not hers, whatever name or email it sends.
    expect(await checkIn({ authorAadObjectId: 'aad-tom' })).toMatchObject({ status: 403 });
  });

  it('uses a code once, refuses it after 15 minutes or once voided, and refuses codes Jira never gave', async () => {
    const first = await codeFor(MEI);
    if (!first.ok) throw new Error(first.error.message);
    expect((await call({ action: 'link-account', code: first.data.code, aadObjectId: 'aad-mei', name: 'Mei' })).status).toBe(200);
    const again = await call({ action: 'link-account', code: first.data.code, aadObjectId: 'aad-eve', name: 'Eve' });
    expect(again).toMatchObject({ status: 404, body: { ok: false, error: { code: 'not-found' } } });
    expect(again.body.error?.message).toContain('ask Jira for a new one');
    // Eve's account was not linked by the second try.
    expect(await checkIn({ authorAadObjectId: 'aad-eve', authorEmail: undefined })).toMatchObject({ status: 403 });

    const late = await codeFor(MEI);
    if (!late.ok) throw new Error(late.error.message);
    deps.now += LINK_CODE_TTL_SECONDS * 1000;
    expect(await call({ action: 'link-account', code: late.data.code, aadObjectId: 'aad-mei-2', name: 'Mei' })).toMatchObject({ status: 404 });

    expect(await call({ action: 'link-account', code: '00000-00000', aadObjectId: 'aad-mei', name: 'Mei' })).toMatchObject({ status: 404 });
    // A code seen in a channel is voided by the bot: nobody can link with it after.
    const seen = await codeFor(MEI);
    if (!seen.ok) throw new Error(seen.error.message);
    expect(await call({ action: 'void-link-code', code: seen.data.code })).toEqual({ status: 200, body: { ok: true, data: { voided: true } } });
    expect(await call({ action: 'link-account', code: seen.data.code, aadObjectId: 'aad-eve', name: 'Eve' })).toMatchObject({ status: 404 });
    expect(await call({ action: 'void-link-code', code: seen.data.code })).toEqual({ status: 200, body: { ok: true, data: { voided: false } } });
    // Not a code at all: refused by the contract, naming what was expected.
    const bad = await call({ action: 'link-account', code: 'hello', aadObjectId: 'aad-mei', name: 'Mei' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('expected a code of 10 letters and digits');
  });

  it('lists the Teams accounts linked to a Jira account for its owner alone, who can undo each', async () => {
    const handlers = createResolverHandlers(deps);
    const linkAs = async (aadObjectId: string, name: string) => {
      const made = await codeFor(MEI);
      if (!made.ok) throw new Error(made.error.message);
      expect((await call({ action: 'link-account', code: made.data.code, aadObjectId, name })).status).toBe(200);
      deps.now += 60_000;
    };
    await linkAs('aad-mei', 'Mei');
    await linkAs('aad-mei-phone', 'Mei (phone)');
    expect(await handlers.getTeamsLinks({ payload: {}, context: { accountId: MEI } })).toEqual({
      ok: true,
      data: { links: [expect.objectContaining({ aadObjectId: 'aad-mei-phone', name: 'Mei (phone)' }), expect.objectContaining({ aadObjectId: 'aad-mei', name: 'Mei' })] },
    });
    expect(await handlers.getTeamsLinks({ payload: {}, context: { accountId: 'someone-else' } })).toEqual({ ok: true, data: { links: [] } });
    // Someone else cannot undo Mei's link.
    expect(await handlers.unlinkTeams({ payload: { aadObjectId: 'aad-mei' }, context: { accountId: 'someone-else' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await checkIn({ authorAadObjectId: 'aad-mei' })).toMatchObject({ status: 200 });
    // Mei can: that Teams account's check-ins no longer count as hers.
    const after = await handlers.unlinkTeams({ payload: { aadObjectId: 'aad-mei' }, context: { accountId: MEI } });
    expect(after).toEqual({ ok: true, data: { links: [expect.objectContaining({ aadObjectId: 'aad-mei-phone' })] } });
    expect(await checkIn({ authorAadObjectId: 'aad-mei' })).toMatchObject({ status: 403 });
    expect(await checkIn({ authorAadObjectId: 'aad-mei-phone' })).toMatchObject({ status: 200 });
  });

  it('keeps the five newest Teams accounts linked to one Jira account, undoing the oldest', async () => {
    for (let i = 1; i <= 6; i++) {
      const made = await codeFor(MEI);
      if (!made.ok) throw new Error(made.error.message);
      expect((await call({ action: 'link-account', code: made.data.code, aadObjectId: `aad-${i}`, name: `Device ${i}` })).status).toBe(200);
    }
    const listed = await createResolverHandlers(deps).getTeamsLinks({ payload: {}, context: { accountId: MEI } });
    expect(listed.ok && listed.data.links.map((l) => l.aadObjectId)).toEqual(['aad-6', 'aad-5', 'aad-4', 'aad-3', 'aad-2']);
    expect(await checkIn({ authorAadObjectId: 'aad-1' })).toMatchObject({ status: 403 });
    expect(await checkIn({ authorAadObjectId: 'aad-2' })).toMatchObject({ status: 200 });
  });

  it('takes a Teams user off the list of the account they linked before when they link another', async () => {
    const link = async (accountId: string) => {
      const made = await codeFor(accountId);
      if (!made.ok) throw new Error(made.error.message);
      expect((await call({ action: 'link-account', code: made.data.code, aadObjectId: 'aad-shared', name: 'Shared' })).status).toBe(200);
    };
    await link(MEI);
    await link('acct-other');
    const handlers = createResolverHandlers(deps);
    expect(await handlers.getTeamsLinks({ payload: {}, context: { accountId: MEI } })).toEqual({ ok: true, data: { links: [] } });
    expect(await handlers.getTeamsLinks({ payload: {}, context: { accountId: 'acct-other' } })).toEqual({ ok: true, data: { links: [expect.objectContaining({ aadObjectId: 'aad-shared' })] } });
    // Mei's list no longer holds it, so unlinking it there changes nothing of the other account's.
    expect(await handlers.unlinkTeams({ payload: { aadObjectId: 'aad-shared' }, context: { accountId: MEI } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('holds a link for the Teams tenant that made it only', async () => {
    const made = await codeFor(MEI);
    if (!made.ok) throw new Error(made.error.message);
    expect((await call({ action: 'link-account', code: made.data.code, aadObjectId: 'aad-mei', name: 'Mei' })).status).toBe(200);
    // The admin connects another Teams tenant: the same object id there is someone else.
    const other = await connectTeams(deps, ADMIN, 'r-connect-2', 't2');
    expect(await call({ action: 'check-in', kr: 'plat-o1-kr1', value: 99.8, author: 'Mei', authorAadObjectId: 'aad-mei' }, other)).toMatchObject({ status: 403 });
  });

  it('gives codes to signed-in Jira users of a site connected to Teams only', async () => {
    expect(await codeFor(undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const off = await createResolverHandlers(deps).disconnectTeams({ payload: {}, context: { accountId: ADMIN } });
    expect(off.ok).toBe(true);
    expect(await codeFor(MEI)).toMatchObject({ ok: false, error: { code: 'not-configured', message: expect.stringContaining('a Jira admin connects it in OKR settings') } });
  });
});
