import { decodeConnectionCode, signBridgeRequest } from '@okr-bridge/core';
import { createResolverHandlers } from '../resolvers';
import { permissionsOnlyJira } from '../testing/http-request-jira';
import { createTestDeps, seedAcme, type TestDeps } from '../testing/test-deps';
import { parse } from 'yaml';
import { createKvsBridgeStore } from '../adapters/kvs-bridge-store';
import { handleWebTrigger } from './web-trigger';

const AT = '2026-11-15T09:00:00Z';
/** The one write every accepted signature makes before acting: the request id, claimed. */
const WRITES_TO_CLAIM_THE_REQUEST_ID = 1;

function signed(deps: TestDeps, code: { connection: string; secret: string }, body: unknown, id: string, nowMs = deps.now) {
  const text = JSON.stringify(body);
  const headers = signBridgeRequest(code.secret, { connection: code.connection, id, nowMs, body: text });
  return { method: 'POST', headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), body: text };
}

async function connectedDeps(): Promise<{ deps: TestDeps; code: { connection: string; secret: string } }> {
  const deps = createTestDeps({ asUser: permissionsOnlyJira(true), now: AT });
  await seedAcme(deps);
  return { deps, code: await connectAgain(deps, 'r-connect') };
}

/** Makes a new connection code as the admin and completes it from Teams. */
async function connectAgain(deps: TestDeps, requestId: string): Promise<{ connection: string; secret: string }> {
  const made = await createResolverHandlers(deps).createConnectionCode({ payload: {}, context: { accountId: 'admin-1' } });
  if (!made.ok) throw new Error(made.error.message);
  const decoded = decodeConnectionCode(made.data.code, deps.now);
  if (decoded.kind !== 'ok') throw new Error(decoded.message);
  const code = decoded.payload;
  const answer = await handleWebTrigger(deps, signed(deps, code, { action: 'connect', eventsUrl: 'https://teams.example/api/events', tenantId: 't1' }, requestId));
  expect(answer.statusCode).toBe(200);
  expect(JSON.parse(answer.body)).toEqual({ ok: true, data: { siteUrl: 'https://acme.atlassian.net', siteName: 'Acme' } });
  return code;
}

async function checkInsOf(deps: TestDeps, kr: string): Promise<unknown[]> {
  const exported = await createResolverHandlers(deps).exportOrg({ payload: {}, context: { accountId: 'admin-1' } });
  if (!exported.ok) throw new Error(exported.error.message);
  return (parse(exported.data.text) as { checkIns: { kr: string }[] }).checkIns.filter((c) => c.kr === kr);
}

describe('web trigger', () => {
  it('completes a connection with the one-time code, once, then answers signed snapshots', async () => {
    const { deps, code } = await connectedDeps();
    const again = await handleWebTrigger(deps, signed(deps, code, { action: 'connect', eventsUrl: 'https://evil.example/x', tenantId: 't2' }, 'r-again'));
    expect(again.statusCode).toBe(401);
    const departments = await handleWebTrigger(deps, signed(deps, code, { action: 'departments' }, 'r-1'));
    expect(departments.statusCode).toBe(200);
    expect(JSON.parse(departments.body).data.departments.map((d: { id: string }) => d.id)).toEqual(['eng', 'plat', 'prod', 'mkt', 'sales', 'cs', 'fin']);
    const department = await handleWebTrigger(deps, signed(deps, code, { action: 'department', department: 'plat' }, 'r-2'));
    expect(JSON.parse(department.body).data.name).toBe('Platform');
  });

  it('writes a check-in from Teams and answers the key result as it is now', async () => {
    const { deps, code } = await connectedDeps();
    const answer = await handleWebTrigger(deps, signed(deps, code, { action: 'check-in', kr: 'eng-o2-kr2', value: 2, author: 'Tom', authorEmail: 'tom@acme.example' }, 'r-ci'));
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body).data.kr.explain.value).toEqual({ start: 2.8, target: 1.2, current: 2, source: 'check-in', unit: 's' });
  });

  it.each([
    ['the key result owner', 'Tom@Acme.example'],
    ["a department's owner", 'raj@acme.example'],
  ])('writes a check-in from Teams by %s email', async (_who, email) => {
    const { deps, code } = await connectedDeps();
    const before = await checkInsOf(deps, 'eng-o2-kr2');
    const answer = await handleWebTrigger(deps, signed(deps, code, { action: 'check-in', kr: 'eng-o2-kr2', value: 2, author: 'Someone', authorEmail: email }, 'r-ok'));
    expect(answer.statusCode).toBe(200);
    expect(await checkInsOf(deps, 'eng-o2-kr2')).toEqual([...before, { kr: 'eng-o2-kr2', date: '2026-11-15', value: 2, author: 'Someone' }]);
  });

  it.each([
    ['another person', { authorEmail: 'mallory@acme.example' }],
    ['nobody named', {}],
  ])('refuses a check-in from Teams by %s with 403 not-allowed and stores no check-in', async (_who, identity) => {
    const { deps, code } = await connectedDeps();
    const before = await checkInsOf(deps, 'eng-o2-kr2');
    deps.kvs.resetCounts();
    const answer = await handleWebTrigger(deps, signed(deps, code, { action: 'check-in', kr: 'eng-o2-kr2', value: 2, author: 'Tom', ...identity }, 'r-no'));
    expect(answer.statusCode).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'not-allowed', message: "only the key result's owner or the department's owners can check in" } });
    expect(deps.kvs.counts.writes).toBe(WRITES_TO_CLAIM_THE_REQUEST_ID);
    expect(await checkInsOf(deps, 'eng-o2-kr2')).toEqual(before);
  });

  it.each([
    ['unsigned', (_deps: TestDeps, _code: { connection: string; secret: string }) => ({ method: 'POST', headers: {}, body: JSON.stringify({ action: 'check-in', kr: 'eng-o2-kr2', value: 1, author: 'x' }) }), 'expected the headers x-okr-connection, x-okr-request-id, x-okr-timestamp, x-okr-signature'],
    ['tampered', (deps: TestDeps, code: { connection: string; secret: string }) => ({ ...signed(deps, code, { action: 'check-in', kr: 'eng-o2-kr2', value: 1, author: 'x' }, 'r-t'), body: JSON.stringify({ action: 'check-in', kr: 'eng-o2-kr2', value: 0, author: 'x' }) }), 'bad signature'],
    ['expired', (deps: TestDeps, code: { connection: string; secret: string }) => signed(deps, code, { action: 'check-in', kr: 'eng-o2-kr2', value: 1, author: 'x' }, 'r-e', deps.now - 6 * 60_000), 'expected a timestamp within 5 minutes of now'],
    ['signed with another secret', (deps: TestDeps, code: { connection: string; secret: string }) => signed(deps, { ...code, secret: 'z'.repeat(43) }, { action: 'check-in', kr: 'eng-o2-kr2', value: 1, author: 'x' }, 'r-s'), 'bad signature'],
  ])('refuses a %s request with 401 and stores nothing', async (_name, make, reason) => {
    const { deps, code } = await connectedDeps();
    deps.kvs.resetCounts();
    const answer = await handleWebTrigger(deps, make(deps, code));
    expect(answer.statusCode).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: reason } });
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('refuses a replayed request with 401 and stores nothing the second time', async () => {
    const { deps, code } = await connectedDeps();
    const request = signed(deps, code, { action: 'check-in', kr: 'eng-o2-kr2', value: 2, author: 'Tom', authorEmail: 'tom@acme.example' }, 'r-replay');
    expect((await handleWebTrigger(deps, request)).statusCode).toBe(200);
    deps.kvs.resetCounts();
    const replay = await handleWebTrigger(deps, request);
    expect(replay.statusCode).toBe(401);
    expect(JSON.parse(replay.body).error.message).toBe('replayed request id');
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('applies two identical signed requests arriving together once, refusing the other with 401', async () => {
    const { deps, code } = await connectedDeps();
    const before = (await checkInsOf(deps, 'eng-o2-kr2')).length;
    const request = signed(deps, code, { action: 'check-in', kr: 'eng-o2-kr2', value: 2, author: 'Tom', authorEmail: 'tom@acme.example' }, 'r-twin');
    const answers = await Promise.all([handleWebTrigger(deps, request), handleWebTrigger(deps, request)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
    expect(JSON.parse(answers.find((a) => a.statusCode === 401)!.body).error).toEqual({ code: 'unauthorized', message: 'replayed request id' });
    expect((await checkInsOf(deps, 'eng-o2-kr2')).length).toBe(before + 1);
  });

  it('revokes the replaced connection on reconnect: its signed calls get 401 and change nothing', async () => {
    const { deps, code: first } = await connectedDeps();
    const second = await connectAgain(deps, 'r-connect-2');
    expect(second.connection).not.toBe(first.connection);
    expect(await createKvsBridgeStore(deps.kvs).loadConnection(first.connection)).toBeNull();
    deps.kvs.resetCounts();
    const old = await handleWebTrigger(deps, signed(deps, first, { action: 'check-in', kr: 'eng-o2-kr2', value: 1, author: 'x' }, 'r-old'));
    expect(old.statusCode).toBe(401);
    expect(deps.kvs.counts.writes).toBe(0);
    expect((await handleWebTrigger(deps, signed(deps, second, { action: 'departments' }, 'r-new'))).statusCode).toBe(200);
  });

  it('refuses a connected secret that is not the site current connection, with 401 and nothing stored', async () => {
    const { deps, code: first } = await connectedDeps();
    await connectAgain(deps, 'r-connect-2');
    // A record left connected by an older version of the app, before reconnecting revoked it.
    await createKvsBridgeStore(deps.kvs).markConnected(first.connection, first.secret);
    deps.kvs.resetCounts();
    const old = await handleWebTrigger(deps, signed(deps, first, { action: 'check-in', kr: 'eng-o2-kr2', value: 1, author: 'x' }, 'r-stale'));
    expect(old.statusCode).toBe(401);
    expect(JSON.parse(old.body).error).toEqual({ code: 'unauthorized', message: 'this connection was replaced or disconnected; connect again with a new code' });
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('refuses the current connection with 401 after disconnecting', async () => {
    const { deps } = await connectedDeps();
    const second = await connectAgain(deps, 'r-connect-2');
    const off = await createResolverHandlers(deps).disconnectTeams({ payload: {}, context: { accountId: 'admin-1' } });
    expect(off.ok).toBe(true);
    expect(await createKvsBridgeStore(deps.kvs).loadConnection(second.connection)).toBeNull();
    deps.kvs.resetCounts();
    expect((await handleWebTrigger(deps, signed(deps, second, { action: 'departments' }, 'r-after'))).statusCode).toBe(401);
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('refuses a signed but invalid body with 400 naming what was expected, and stores nothing', async () => {
    const { deps, code } = await connectedDeps();
    deps.kvs.resetCounts();
    const answer = await handleWebTrigger(deps, signed(deps, code, { action: 'check-in', kr: 'eng-o2-kr2', author: 'Tom' }, 'r-bad'));
    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'bad-request', message: 'body: expected a value (metric) or done (milestone)' } });
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('does not accept a connection code after 15 minutes', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true), now: AT });
    await seedAcme(deps);
    const made = await createResolverHandlers(deps).createConnectionCode({ payload: {}, context: { accountId: 'admin-1' } });
    if (!made.ok) throw new Error(made.error.message);
    const decoded = decodeConnectionCode(made.data.code, deps.now);
    if (decoded.kind !== 'ok') throw new Error(decoded.message);
    deps.now += 16 * 60_000;
    deps.kvs.resetCounts();
    const answer = await handleWebTrigger(deps, signed(deps, decoded.payload, { action: 'connect', eventsUrl: 'https://teams.example/api/events', tenantId: 't1' }, 'r-late'));
    expect(answer.statusCode).toBe(401);
    expect(deps.kvs.counts.writes).toBe(0);
  });
});
