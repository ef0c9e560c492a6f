import { BRIDGE_HEADERS, buildDependencyViews, buildDepartmentView, dependencyViewSchema, evaluateOrg, krViewSchema, signBridgeRequest, type BridgeEvent, type DependencyChangedEvent } from '@okr-bridge/core';
import { loadAcmeExample } from '../../../dev/forge-webtrigger';
import { cardOf, PEOPLE, startTestStack, testDirectory, type TestStack } from '../bot/testing';
import { validateAdaptiveCards } from '../cards/testing/validate-card';
import { startService } from '../server';

const { org, issues } = loadAcmeExample();
const evaluation = evaluateOrg(org, issues, { at: '2026-11-15' });
const sso = dependencyViewSchema.parse(buildDependencyViews(org, evaluation).find((d) => d.id === 'dep-sso'));
const engKr = krViewSchema.parse(buildDepartmentView(org, evaluation, 'eng')!.objectives[0]!.keyResults[0]);
const blockedEvent = (id: string): DependencyChangedEvent => ({ type: 'dependency.changed', id, occurredAt: '2026-11-15T09:00:00Z', previousState: 'at-risk', dependency: sso });
const unblockedEvent = (id: string): BridgeEvent => ({
  type: 'dependency.changed',
  id,
  occurredAt: '2026-11-16T10:30:00Z',
  previousState: 'blocked',
  dependency: { ...sso, state: 'open', stateLabel: 'Open', reason: 'ENG-142 and ENG-143 are moving again' },
});

// Real HTTP servers and the outbox's pacing: a loaded two-core CI machine needs more than Jest's 5 s.
jest.setTimeout(20_000);

let stack: TestStack;
const alerts = (conversationId: string) => stack.connector.activities(conversationId).filter((a) => String(a.versions[0]?.summary ?? '').startsWith('Blocked: '));
const send = (event: BridgeEvent) => stack.forge.sendEvent(`${stack.service.url}/api/events`, stack.connection, event);

/** The connector answers before the outbox records the answer: wait for the record. */
async function allSent(): Promise<void> {
  for (let i = 0; i < 200 && (await stack.store.listOutbox()).some((e) => e.state !== 'sent'); i++) await new Promise((r) => setTimeout(r, 10));
}

async function channel(id: string, departments: string[]): Promise<void> {
  await stack.install(id);
  for (const d of departments) await stack.store.follow(id, d);
}

/** Each channel in a team of its own: Raj in Engineering's, Zoe in Sales'; Ann in all of them. */
function rosters() {
  const directory = testDirectory();
  const team = (id: string, members: string[]) => directory.addTeam({ id, name: id, tenantId: PEOPLE[0]!.tenantId, channels: [], members: ['29:ann', ...members] });
  team('team-sales', ['29:zoe']);
  team('team-eng', ['29:raj']);
  team('team-fin', []);
  return directory;
}

beforeEach(async () => {
  stack = await startTestStack({ service: { outbox: { pollMs: 20 } }, connector: { directory: rosters() }, teamOf: { 'c-sales': 'team-sales', 'c-eng': 'team-eng', 'c-fin': 'team-fin' } });
  await channel('c-sales', ['sales']);
  await channel('c-eng', ['eng', 'plat']);
  await channel('c-fin', ['fin']);
});
afterEach(() => stack.close());

describe('proactive alerts: /api/events → outbox → connector', () => {
  it('alerts the channels of the needing and the delivering department once, naming the owners, then updates the same cards when unblocked', async () => {
    expect(await send(blockedEvent('ev-1'))).toEqual({ status: 200, body: { outcome: 'stored', entries: 2 } });
    await stack.connector.waitFor(() => alerts('c-sales').length === 1 && alerts('c-eng').length === 1);
    expect(alerts('c-fin')).toEqual([]);
    const card = JSON.stringify(cardOf(alerts('c-sales')[0]!.activity));
    expect(card).toContain('Sales needs Single sign-on and SCIM provisioning for enterprise deals from Engineering.');
    expect(card).toContain('raj@acme.example');

    expect(await send(blockedEvent('ev-1'))).toEqual({ status: 200, body: { outcome: 'duplicate', entries: 0 } });
    expect(await send(unblockedEvent('ev-2'))).toEqual({ status: 200, body: { outcome: 'stored', entries: 2 } });
    await stack.connector.waitFor(() => alerts('c-sales')[0]!.versions.length === 2 && alerts('c-eng')[0]!.versions.length === 2);
    await allSent();
    expect(JSON.stringify(cardOf(alerts('c-sales')[0]!.activity))).toContain('Unblocked: ');
    expect(alerts('c-sales')).toHaveLength(1);
    expect((await stack.store.listOutbox()).map((e) => [e.eventId, e.conversationId, e.kind, e.state])).toEqual([
      ['ev-1', 'c-eng', 'send', 'sent'],
      ['ev-1', 'c-sales', 'send', 'sent'],
      ['ev-2', 'c-eng', 'update', 'sent'],
      ['ev-2', 'c-sales', 'update', 'sent'],
    ]);
  });

  it('mentions the owners who are members of each channel (from the roster read on install), by their Teams identity, and names the others plainly', async () => {
    await send(blockedEvent('ev-m1'));
    await stack.connector.waitFor(() => alerts('c-sales').length === 1 && alerts('c-eng').length === 1);
    const fact = (card: Record<string, unknown> | undefined, title: string) =>
      ((card?.body as { type: string; facts?: { title: string; value: string }[] }[]).find((b) => b.type === 'FactSet')?.facts ?? []).find((f) => f.title === title)?.value;
    const eng = cardOf(alerts('c-eng')[0]!.activity);
    expect([fact(eng, 'Needed by'), fact(eng, 'Delivered by')]).toEqual(['Sales, owner zoe@acme.example', 'Engineering, owners <at>Raj Patel</at>']);
    expect(eng?.msteams).toEqual({ width: 'Full', entities: [{ type: 'mention', text: '<at>Raj Patel</at>', mentioned: { id: '29:raj', name: 'Raj Patel' } }] });
    const sales = cardOf(alerts('c-sales')[0]!.activity);
    expect([fact(sales, 'Needed by'), fact(sales, 'Delivered by')]).toEqual(['Sales, owner <at>Zoe Martin</at>', 'Engineering, owners raj@acme.example']);
    expect(sales?.msteams).toEqual({ width: 'Full', entities: [{ type: 'mention', text: '<at>Zoe Martin</at>', mentioned: { id: '29:zoe', name: 'Zoe Martin' } }] });
    expect(validateAdaptiveCards([eng, sales])).toEqual([[], []]);

    // Raj leaves the channel: the next alert names him plainly there.
    await stack.post(stack.activity('c-eng', { type: 'conversationUpdate', membersRemoved: [{ id: '29:raj', aadObjectId: 'aad-raj' }] }));
    await send({ ...blockedEvent('ev-m2'), previousState: 'open' });
    await stack.connector.waitFor(() => alerts('c-eng').length === 2);
    expect(fact(cardOf(alerts('c-eng')[1]!.activity), 'Delivered by')).toBe('Engineering, owners raj@acme.example');
  }, 15_000);

  it('keeps a key result status change without sending anything', async () => {
    const event: BridgeEvent = { type: 'kr.status-changed', id: 'ev-kr', occurredAt: '2026-11-15T09:00:00Z', previousStatus: 'on-track', department: { id: 'eng', name: 'Engineering' }, kr: engKr };
    expect(await send(event)).toEqual({ status: 200, body: { outcome: 'stored', entries: 0 } });
    expect(await stack.store.getEvent('ev-kr')).toMatchObject({ id: 'ev-kr', type: 'kr.status-changed', connectionId: stack.connection.id });
    expect(await stack.store.listOutbox()).toEqual([]);
  });

  it('retries 429 after Retry-After, and 412, 502 and 504 with backoff, delivering each alert once', async () => {
    stack.connector.inject({ conversationId: 'c-sales', status: 429, times: 1, retryAfterSeconds: 1 });
    stack.connector.inject({ conversationId: 'c-eng', status: 412, times: 1 });
    stack.connector.inject({ conversationId: 'c-eng', status: 502, times: 1 });
    stack.connector.inject({ conversationId: 'c-eng', status: 504, times: 1 });
    const started = Date.now();
    await send(blockedEvent('ev-3'));
    await stack.connector.waitFor(() => alerts('c-sales').length === 1 && alerts('c-eng').length === 1, 15_000);
    const statuses = (id: string) => stack.connector.requests.filter((r) => r.conversationId === id && r.method === 'POST' && r.path.endsWith('/activities')).map((r) => r.status);
    expect(statuses('c-sales')).toEqual([429, 201]);
    expect(statuses('c-eng')).toEqual([412, 502, 504, 201]);
    const retriedAt = stack.connector.requests.filter((r) => r.conversationId === 'c-sales').at(-1)!.atMs;
    expect(retriedAt - started).toBeGreaterThanOrEqual(1_000);
    await allSent();
    expect((await stack.store.listOutbox()).map((e) => [e.conversationId, e.attempts])).toEqual([
      ['c-eng', 4],
      ['c-sales', 2],
    ]);
  }, 20_000);

  it('stops sending to a conversation that answers 403 MessageWritesBlocked', async () => {
    stack.connector.inject({ conversationId: 'c-sales', status: 403, times: 1 });
    await send(blockedEvent('ev-4'));
    await stack.connector.waitFor(() => alerts('c-eng').length === 1);
    await stack.connector.waitFor(() => stack.connector.requests.some((r) => r.conversationId === 'c-sales' && r.status === 403));
    await new Promise((r) => setTimeout(r, 100));
    expect((await stack.store.getConversation('c-sales'))?.installed).toBe(false);
    expect((await stack.store.listOutbox()).find((e) => e.conversationId === 'c-sales')).toMatchObject({ state: 'dropped' });
    await send({ ...blockedEvent('ev-5'), previousState: 'open' });
    await stack.connector.waitFor(() => alerts('c-eng').length === 2);
    expect(alerts('c-sales')).toEqual([]);
    expect(stack.connector.requests.filter((r) => r.conversationId === 'c-sales' && r.method === 'POST' && r.path.endsWith('/activities')).length).toBe(1);
  });

  it('delivers an entry whose sender died after claiming it, once its lease runs out', async () => {
    await stack.service.close();
    const stopped = await startService({ store: stack.store, bot: { kind: 'anonymous' }, reminderIntervalMs: 0, log: () => undefined });
    await stopped.worker.stop();
    await stack.forge.sendEvent(`${stopped.url}/api/events`, stack.connection, blockedEvent('ev-6'));
    // A sender claims both entries and is killed before sending.
    expect(await stack.store.claimDue(Date.now(), 10, 300)).toHaveLength(2);
    await stopped.close();
    const restarted = await startService({ store: stack.store, bot: { kind: 'anonymous' }, reminderIntervalMs: 0, log: () => undefined, outbox: { pollMs: 20 } });
    try {
      await stack.connector.waitFor(() => alerts('c-sales').length === 1 && alerts('c-eng').length === 1);
      await new Promise((r) => setTimeout(r, 200));
      expect([alerts('c-sales').length, alerts('c-eng').length]).toEqual([1, 1]);
    } finally {
      await restarted.close();
    }
  });
});

describe('/api/events answers a retry of a delivered event 2xx', () => {
  const post = (headers: Record<string, string>, body: string) => fetch(`${stack.service.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it('answers 200 duplicate to the same request id and event however often it comes, re-signed or replayed as is, sending nothing again', async () => {
    // The Forge consumer signs each attempt with the event id as request id and a fresh timestamp.
    const event = JSON.stringify(blockedEvent('ev-retry'));
    const attempt = (at: number) => ({ ...signBridgeRequest(stack.connection.secret, { connection: stack.connection.id, id: 'ev-retry', nowMs: at, body: event }) });
    const firstHeaders = attempt(Date.now() - 1_000);
    expect(await post(firstHeaders, event)).toEqual({ status: 200, body: { outcome: 'stored', entries: 2 } });
    await stack.connector.waitFor(() => alerts('c-sales').length === 1 && alerts('c-eng').length === 1);
    for (let i = 0; i < 3; i++) expect(await post(attempt(Date.now() + i), event)).toEqual({ status: 200, body: { outcome: 'duplicate', entries: 0 } });
    expect(await post(firstHeaders, event)).toEqual({ status: 200, body: { outcome: 'duplicate', entries: 0 } });
    await allSent();
    await new Promise((r) => setTimeout(r, 100));
    expect([alerts('c-sales').length, alerts('c-eng').length]).toEqual([1, 1]);
    expect((await stack.store.listOutbox()).map((e) => [e.eventId, e.conversationId, e.state])).toEqual([
      ['ev-retry', 'c-eng', 'sent'],
      ['ev-retry', 'c-sales', 'sent'],
    ]);
  });
});

describe('/api/events refuses what it cannot trust, storing nothing', () => {
  const post = (headers: Record<string, string>, body: string) => fetch(`${stack.service.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const body = JSON.stringify(blockedEvent('ev-x'));
  const signed = (b = body, at = Date.now(), secret = stack.connection.secret, id = 'req-1', connection = stack.connection.id) => ({ ...signBridgeRequest(secret, { connection, id, nowMs: at, body: b }) });

  afterEach(async () => {
    expect(await stack.store.getEvent('ev-x')).toBeUndefined();
    expect(await stack.store.listOutbox()).toEqual([]);
  });

  it('refuses an unsigned event', async () => {
    expect(await post({}, body)).toEqual({ status: 401, body: { error: `expected the headers ${Object.values(BRIDGE_HEADERS).join(', ')}` } });
  });
  it('refuses a tampered body', async () => {
    expect(await post(signed(), body.replace('Sales', 'Sa1es'))).toEqual({ status: 401, body: { error: 'bad signature' } });
  });
  it('refuses a signature made with another secret and an unknown connection', async () => {
    expect(await post(signed(body, Date.now(), 'x'.repeat(40)), body)).toEqual({ status: 401, body: { error: 'bad signature' } });
    expect(await post(signed(body, Date.now(), stack.connection.secret, 'req-1', 'conn-other'), body)).toEqual({ status: 401, body: { error: 'unknown connection' } });
  });
  it('refuses an expired request', async () => {
    expect(await post(signed(body, Date.now() - 6 * 60_000), body)).toEqual({ status: 401, body: { error: 'expected a timestamp within 5 minutes of now' } });
  });
  it('refuses a replayed request id carrying another body, and stores nothing of it', async () => {
    const first = JSON.stringify(blockedEvent('ev-y'));
    expect((await post(signed(first, Date.now(), stack.connection.secret, 'req-replay'), first)).status).toBe(200);
    const entries = (await stack.store.listOutbox()).length;
    // Same request id, another event (ev-x), validly signed: still a replay.
    expect(await post(signed(body, Date.now(), stack.connection.secret, 'req-replay'), body)).toEqual({ status: 401, body: { error: 'replayed request id' } });
    // Same request id and event id, altered content: a replay too.
    const altered = JSON.stringify({ ...blockedEvent('ev-y'), occurredAt: '2026-11-15T09:30:00Z' });
    expect(await post(signed(altered, Date.now(), stack.connection.secret, 'req-replay'), altered)).toEqual({ status: 401, body: { error: 'replayed request id' } });
    expect((await stack.store.getEvent('ev-y'))?.body).toEqual(JSON.parse(first));
    expect(await stack.store.listOutbox()).toHaveLength(entries);
    // The first one was accepted; clean it so the shared check after each test holds.
    await stack.close();
    stack = await startTestStack();
  });
  it('refuses a body that is not a bridge event with 400 naming what was expected', async () => {
    const bad = JSON.stringify({ type: 'dependency.exploded', id: 'ev-x' });
    expect(await post(signed(bad), bad)).toEqual({ status: 400, body: { error: 'expected a bridge event: type: expected an event with type dependency.changed, kr.status-changed or views.changed' } });
  });

  it('refuses an event whose people are malformed with 400 naming the field, and stores nothing', async () => {
    const people = [{ id: '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9', displayName: '', email: 'not an email' }];
    const bad = JSON.stringify({ ...blockedEvent('ev-people'), people });
    expect(await post(signed(bad), bad)).toEqual({
      status: 400,
      body: { error: 'expected a bridge event: people.0.displayName: expected displayName to be the name Jira shows; people.0.email: expected email to be an email address (or absent when Jira hides it)' },
    });
    expect(await stack.store.getEvent('ev-people')).toBeUndefined();
  });
});
