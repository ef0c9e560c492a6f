import { startBotConnector, type BotConnector } from '.';

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
