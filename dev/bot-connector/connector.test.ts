import { createActivityFactory, placeOf, startBotConnector, TeamsDirectory, type BotConnector } from '.';

let connector: BotConnector;
let clock = 0;
beforeEach(async () => {
  clock = 1_000_000;
  connector = await startBotConnector({ nowMs: () => clock });
});
afterEach(() => connector.close());

const post = (conversationId: string, body: Record<string, unknown> = {}) =>
  fetch(`${connector.serviceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', conversation: { id: conversationId, tenantId: 't1' }, ...body }),
  });

describe('the Bot Connector emulator', () => {
  it('records sent and updated activities per conversation', async () => {
    const sent = (await (await post('c1', { text: 'one' })).json()) as { id: string };
    expect(sent.id).toMatch(/^act-[0-9a-f]{8}-1$/);
    const put = await fetch(`${connector.serviceUrl}v3/conversations/c1/activities/${sent.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'two' }) });
    expect(put.status).toBe(200);
    expect(connector.activities('c1').map((a) => a.versions.map((v) => v.text))).toEqual([['one', 'two']]);
    const missing = await fetch(`${connector.serviceUrl}v3/conversations/c1/activities/act-999`, { method: 'PUT', body: '{}' });
    expect(missing.status).toBe(404);
  });

  it('answers the 8th message in a second of one conversation with 429 and Retry-After', async () => {
    for (let i = 0; i < 7; i++) expect((await post('c1')).status).toBe(201);
    const throttled = await post('c1');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect((await post('c2')).status).toBe(201);
    clock += 1_000;
    expect((await post('c1')).status).toBe(201);
    expect(connector.stats()).toMatchObject({ accepted: 9, throttled: 1 });
  });

  it('holds a tenant to 30 requests per second across conversations', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post(`c${i}`)).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
  });

  it('injects 412, 502, 504 and 403 MessageWritesBlocked faults, then answers normally', async () => {
    connector.inject({ conversationId: 'c1', status: 412, times: 1 });
    connector.inject({ conversationId: 'c1', status: 403, times: 1 });
    const first = await post('c1');
    expect(first.status).toBe(412);
    const second = await post('c1');
    expect([second.status, await second.json()]).toEqual([403, { error: { code: 'MessageWritesBlocked', message: 'injected 403' } }]);
    expect((await post('c1')).status).toBe(201);
    connector.inject({ status: 502, times: 1 });
    connector.inject({ status: 504, times: 1 });
    expect([(await post('c9')).status, (await post('c9')).status, (await post('c9')).status]).toEqual([502, 504, 201]);
  });

  it('requires the bot token when told to', async () => {
    await connector.close();
    connector = await startBotConnector({ expectToken: 'tok' });
    expect((await post('c1')).status).toBe(401);
  });

  it('draws a new id prefix per run, so an activity id of an earlier run is unknown (404) after a restart', async () => {
    const before = ((await (await post('c1', { text: 'old' })).json()) as { id: string }).id;
    await connector.close();
    connector = await startBotConnector({ nowMs: () => clock });
    const after = ((await (await post('c1', { text: 'new' })).json()) as { id: string }).id;
    expect(after).toMatch(/^act-[0-9a-f]{8}-1$/);
    expect(after.split('-')[1]).not.toBe(before.split('-')[1]);
    const stale = await fetch(`${connector.serviceUrl}v3/conversations/c1/activities/${before}`, { method: 'PUT', body: JSON.stringify({ type: 'message', text: 'update' }) });
    expect(stale.status).toBe(404);
    expect(connector.activities('c1').map((a) => a.versions.map((v) => v.text))).toEqual([['new']]);
  });

  it('rejects with the address when its port is already taken', async () => {
    const port = Number(new URL(connector.serviceUrl).port);
    await expect(startBotConnector({ port })).rejects.toThrow(`bot connector: cannot listen on 127.0.0.1:${port}: the port is already in use`);
  });
});

describe('the emulator as Teams', () => {
  const TENANT = 't1';
  const CHANNEL = '19:eng@thread.tacv2';
  const raj = { id: '29:raj', name: 'Raj Patel', aadObjectId: 'aad-raj', email: 'raj@acme.example', userPrincipalName: 'raj.patel@acme.example', givenName: 'Raj', surname: 'Patel', tenantId: TENANT };
  const zoe = { id: '29:zoe', name: 'Zoe', aadObjectId: 'aad-zoe', userPrincipalName: 'zoe@acme.example', tenantId: TENANT, userRole: 'guest' as const };
  const directory = () =>
    new TeamsDirectory()
      .addUser(raj)
      .addUser(zoe)
      .addTeam({ id: 'team-1', name: 'Acme', tenantId: TENANT, channels: [CHANNEL], members: ['29:raj', '29:zoe'] })
      .addChat({ id: 'a:raj-personal', type: 'personal', tenantId: TENANT, members: ['29:raj'] });
  const get = async (path: string) => {
    const res = await fetch(`${connector.serviceUrl}${path}`);
    return [res.status, await res.json()] as const;
  };
  beforeEach(async () => {
    await connector.close();
    connector = await startBotConnector({ nowMs: () => clock, directory: directory() });
  });

  it('answers one member of a team, channel, post or chat by Teams id or Entra object id, with email and UPN; 404 for anyone else', async () => {
    const account = { ...raj, userRole: 'user' };
    expect(await get('v3/conversations/team-1/members/29:raj')).toEqual([200, account]);
    expect(await get(`v3/conversations/${encodeURIComponent(`${CHANNEL};messageid=17`)}/members/aad-raj`)).toEqual([200, account]);
    expect(await get('v3/conversations/a:raj-personal/members/29:raj')).toEqual([200, account]);
    expect(await get('v3/conversations/a:raj-personal/members/29:zoe')).toEqual([404, { error: { code: 'MemberNotFoundInConversation', message: 'The member could not be found in the conversation.' } }]);
    expect((await get('v3/conversations/19:unknown/members/29:raj'))[0]).toBe(404);
  });

  it('pages the roster of a team (at least 50 a page) and answers a chat whole', async () => {
    const big = directory();
    const ids = Array.from({ length: 120 }, (_, i) => `29:p${i}`);
    for (const id of ids) big.addUser({ id, name: id, aadObjectId: `aad-${id}`, email: `${id.slice(3)}@acme.example`, userPrincipalName: `${id.slice(3)}@acme.example`, tenantId: TENANT });
    big.addTeam({ id: 'team-big', name: 'Big', tenantId: TENANT, channels: [], members: ids });
    await connector.close();
    connector = await startBotConnector({ directory: big });
    const [, first] = await get('v3/conversations/team-big/pagedmembers?pageSize=10');
    expect([first.members.length, first.continuationToken]).toEqual([50, '50']);
    const [, last] = await get('v3/conversations/team-big/pagedMembers?pageSize=100&continuationToken=100');
    expect([last.members.map((m: { id: string }) => m.id), last.continuationToken]).toEqual([ids.slice(100), undefined]);
    expect(await get('v3/conversations/a:raj-personal/pagedmembers?pageSize=50')).toEqual([200, { members: [{ ...raj, userRole: 'user' }] }]);
  });

  it('keeps new posts apart from replies in their threads; an update reaches a message through its channel', async () => {
    const send = async (conversationId: string, text: string) =>
      ((await (await fetch(`${connector.serviceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text }) })).json()) as { id: string }).id;
    const post = await send(CHANNEL, 'alert');
    const reply = await send(`${CHANNEL};messageid=${post}`, 'answer');
    expect(connector.posts(CHANNEL).map((a) => a.id)).toEqual([post]);
    expect(connector.activities(CHANNEL).map((a) => [a.id, a.replyToId])).toEqual([[post, null], [reply, post]]);
    const put = (conversationId: string, id: string) => fetch(`${connector.serviceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'edited' }) });
    expect((await put(CHANNEL, reply)).status).toBe(200);
    expect((await put('19:other@thread.tacv2', post)).status).toBe(404);
    connector.forget(post);
    expect((await put(CHANNEL, post)).status).toBe(404);
  });

  it('builds activities as Teams sends them: from without email or UPN, posts with ;messageid=, channelData with channel, team and tenant', () => {
    const teams = createActivityFactory({ serviceUrl: connector.serviceUrl, bot: { id: '28:bot', name: 'OKR' }, directory: connector.directory, newId: (() => { let n = 0; return () => String(1700000000000 + ++n); })() });
    const post = teams.message({ kind: 'channel', channelId: CHANNEL }, '29:raj', 'status');
    expect(post).toMatchObject({
      id: '1700000000001',
      type: 'message',
      from: { id: '29:raj', name: 'Raj Patel', aadObjectId: 'aad-raj' },
      conversation: { id: `${CHANNEL};messageid=1700000000001`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      channelData: { channel: { id: CHANNEL }, team: { id: 'team-1' }, tenant: { id: TENANT } },
    });
    expect(Object.keys(post.from as object).sort()).toEqual(['aadObjectId', 'id', 'name']);
    expect(teams.message({ kind: 'thread', channelId: CHANNEL, postId: post.id }, '29:zoe', 'follow eng')).toMatchObject({ replyToId: post.id, conversation: { id: post.conversation.id } });
    expect(teams.message({ kind: 'chat', chatId: 'a:raj-personal' }, '29:raj', 'help')).toMatchObject({ conversation: { id: 'a:raj-personal', conversationType: 'personal' }, channelData: { tenant: { id: TENANT } } });
    expect(teams.install({ kind: 'channel', channelId: CHANNEL }, '29:raj')).toMatchObject({ type: 'conversationUpdate', conversation: { id: 'team-1' }, membersAdded: [{ id: '28:bot' }], channelData: { eventType: 'teamMemberAdded', team: { id: 'team-1' } } });
    expect(teams.uninstall({ kind: 'channel', channelId: CHANNEL }, '29:raj')).toMatchObject({ type: 'conversationUpdate', membersRemoved: [{ id: '28:bot' }], channelData: { eventType: 'teamMemberRemoved' } });
    expect(teams.execute(placeOf(connector.directory, post.conversation.id), '29:zoe', 'act-1', 'check-in', { kr: 'k' })).toMatchObject({ type: 'invoke', name: 'adaptiveCard/action', replyToId: 'act-1', conversation: { id: post.conversation.id }, value: { action: { type: 'Action.Execute', verb: 'check-in', data: { kr: 'k' } } } });
  });
});
