import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { parseOrg } from '@okr-bridge/core';
import { buildAlertCard } from '../../teams-app/src/cards/alert-card';
import { startBotConnector, type BotConnector } from '../bot-connector';
import { applySiteChange, loadSnapshotFile, type JiraEmulator, type Site } from '../jira-emulator';
import { startPage, type StartPage } from './page';
import type { BotAnswer, Conversation, TeamsClient } from './teams-client';

const ROOT = join(__dirname, '..', '..');
const org = parseOrg(readFileSync(join(ROOT, 'examples', 'acme.yaml'), 'utf8'), 'acme.yaml');
const CHANNEL: Conversation = { id: '19:okr-mkt@thread.tacv2', name: 'Marketing OKRs', type: 'channel' };
const urls = { jira: 'http://127.0.0.1:1', forge: 'http://127.0.0.1:2', teams: 'http://127.0.0.1:3', connector: 'http://127.0.0.1:4/' };

let site: Site;
let connector: BotConnector;
let page: StartPage;
const calls: { kind: string; conversation: string; verb?: string; data?: unknown; replyToId?: string; text?: string }[] = [];
let nextAnswer: BotAnswer = { status: 200, body: null };
const client: TeamsClient = {
  tenantId: 't',
  install: async () => ({ status: 200, body: null }),
  say: async (conversation, text) => {
    calls.push({ kind: 'say', conversation: conversation.id, text });
    return { status: 200, body: null };
  },
  execute: async (conversation, verb, data, replyToId) => {
    calls.push({ kind: 'execute', conversation: conversation.id, verb, data, ...(replyToId ? { replyToId } : {}) });
    return nextAnswer;
  },
};

beforeAll(async () => {
  site = loadSnapshotFile(join(ROOT, 'examples', 'acme-issues.json'));
  const emulator = { site, apply: (change: Parameters<JiraEmulator['apply']>[0]) => applySiteChange(site, change, '2026-11-26T10:00:00.000Z') } as unknown as JiraEmulator;
  connector = await startBotConnector({ enforceLimits: false });
  page = await startPage({ port: 0, urls, org, emulator, connector, client, conversations: [CHANNEL] });
});
afterAll(async () => {
  await page.close();
  await connector.close();
});

const get = (path: string) => fetch(`${page.url}${path}`).then(async (r) => ({ status: r.status, text: await r.text() }));
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${page.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const statusOf = (key: string) => (site.get(key)?.fields.status as { name: string }).name;

describe('the start page', () => {
  it('links every department panel and tab view as its lead, and the company pages', async () => {
    const { status, text } = await get('/');
    expect(status).toBe(200);
    expect(text).toContain('href="http://127.0.0.1:2/panels/department/?project=ENG&amp;accountId=raj%40acme.example"');
    expect(text).toContain('href="http://127.0.0.1:3/tab/index.html?view=review&amp;department=mkt&amp;as=liam%40acme.example"');
    expect(text).toContain('href="http://127.0.0.1:2/panels/company/"');
    expect(text).toContain('href="http://127.0.0.1:2/panels/admin/"');
    expect(text.match(/\/panels\/department\/\?project=/g)).toHaveLength(org.departments.length * 2);
  });

  it('applies an admin action posted with the page\'s token, then says what it did', async () => {
    const res = await post('/actions', { token: page.token, action: 'block-prod-58' });
    expect([res.status, res.headers.get('location')]).toEqual([303, '/']);
    expect(statusOf('PROD-58')).toBe('Blocked');
    expect((await get('/')).text).toContain('Block PROD-58: 1 change, 1 Jira event sent to the Forge host');
    const typed = await post('/actions', { token: page.token, action: 'transition', key: 'prod-58', status: 'In Review' });
    expect(typed.status).toBe(303);
    expect(statusOf('PROD-58')).toBe('In Review');
    await post('/actions', { token: page.token, action: 'transition', key: 'PROD-58', status: 'Shipped' });
    expect((await get('/')).text).toContain('expected a status: To Do, In Progress, In Review, Blocked, Done');
  });

  it('refuses a post without the token, or for another host, and changes nothing', async () => {
    const version = site.version;
    const forged = await post('/actions', { token: 'guess', action: 'block-prod-58' });
    expect([forged.status, await forged.text()]).toEqual([403, 'expected the form of the start page (its token); reload the page']);
    // fetch will not set Host; a DNS-rebound page would reach the server with its own name in it.
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(`${page.url}/actions`, { method: 'POST', headers: { host: 'attacker.example', 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(new URLSearchParams({ token: page.token, action: 'block-prod-58' }).toString());
    });
    expect(rebound).toBe(421);
    expect(site.version).toBe(version);
  });

  it('relays a click on a card button to the bot as an Action.Execute, with the card\'s data, and shows a card answered to the clicker only', async () => {
    const dependency = { id: 'dep-x', title: 'Launch specs', state: 'blocked', stateLabel: 'Blocked', reason: 'r', due: null, needs: { department: 'mkt', departmentName: 'Marketing', kr: 'k', krTitle: 'K', owner: null }, provider: { department: 'prod', departmentName: 'Product', owners: [] }, deliverables: [], companyObjectivesAtRisk: [] };
    const card = buildAlertCard(dependency as never, { since: '2026-11-26T02:00:00Z' });
    const sent = await fetch(`${connector.serviceUrl}v3/conversations/${encodeURIComponent(CHANNEL.id)}/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', summary: 'Blocked: Launch specs', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }) });
    const { id } = (await sent.json()) as { id: string };
    expect((await get('/conversations')).text).toContain('Blocked: Launch specs');

    nextAnswer = { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Only for you' }] } } };
    const res = await post('/conversations/act', { token: page.token, conversation: CHANNEL.id, activity: id, action: '0' });
    expect(res.status).toBe(303);
    expect(calls.at(-1)).toEqual({ kind: 'execute', conversation: CHANNEL.id, verb: 'acknowledge', data: { dependency: 'dep-x', since: '2026-11-26T02:00:00Z' }, replyToId: id });
    const shown = (await get('/conversations')).text;
    expect(shown).toContain('only you can see this · private-1');
    expect(shown).toContain('<div class="tb">Only for you</div>');

    const missing = await post('/conversations/act', { token: page.token, conversation: CHANNEL.id, activity: 'act-999', action: '0' });
    expect(missing.status).toBe(303);
    expect((await get('/')).text).toContain(`expected a card the bot sent to ${CHANNEL.id}, got act-999`);
  });

  it('sends what is typed to the bot as a message', async () => {
    await post('/conversations/say', { token: page.token, conversation: CHANNEL.id, text: ' status mkt ' });
    expect(calls.at(-1)).toEqual({ kind: 'say', conversation: CHANNEL.id, text: 'status mkt' });
  });
});
