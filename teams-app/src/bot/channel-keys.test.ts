/**
 * Follows and conversation references are kept per channel, not per post: in a real channel
 * every post has its own conversation id (`<channel>;messageid=<post>`), and the channel is
 * `channelData.channel.id`. Activities here come from the emulator's Teams-shaped factory.
 */
import { buildDependencyViews, dependencyViewSchema, evaluateOrg, type DependencyChangedEvent } from '@okr-bridge/core';
import { createActivityFactory, type ActivityFactory } from '../../../dev/bot-connector';
import { loadAcmeExample } from '../../../dev/forge-webtrigger';
import { BOT, startTestStack, TEAM_ID, TENANT, type TestStack } from './testing';

const CHANNEL = '19:okr-reviews@thread.tacv2';
let stack: TestStack;
let teams: ActivityFactory;
beforeAll(async () => {
  stack = await startTestStack({ service: { outbox: { pollMs: 20 } } });
  stack.connector.directory.addTeam({ id: TEAM_ID, name: 'Acme', tenantId: TENANT, channels: [CHANNEL], members: ['29:ann', '29:raj', '29:zoe', '29:tom'] });
  teams = createActivityFactory({ serviceUrl: stack.connector.serviceUrl, bot: BOT, directory: stack.connector.directory });
});
afterAll(() => stack.close());

const followed = () => stack.store.departmentsFollowedBy(CHANNEL);
const lastText = (conversationId: string) => JSON.stringify(stack.connector.activities(conversationId).at(-1)?.activity ?? null);

describe('a channel, whatever post a command is written in', () => {
  it('follows eng and mkt written as two posts: both on the channel, and the replies go in each post\'s thread', async () => {
    const first = teams.message({ kind: 'channel', channelId: CHANNEL }, '29:ann', 'follow eng');
    const second = teams.message({ kind: 'channel', channelId: CHANNEL }, '29:raj', 'follow mkt');
    expect([first.conversation.id, second.conversation.id]).toEqual([`${CHANNEL};messageid=${first.id}`, `${CHANNEL};messageid=${second.id}`]);
    expect((await stack.post(first)).status).toBe(200);
    expect((await stack.post(second)).status).toBe(200);
    expect(await followed()).toEqual(['eng', 'mkt']);
    expect(await stack.store.departmentsFollowedBy(first.conversation.id)).toEqual([]);
    expect(stack.connector.activities(second.conversation.id)).toHaveLength(1);
    expect(lastText(second.conversation.id)).toContain('Engineering and Marketing');
    expect((await stack.store.getConversation(CHANNEL))?.reference.conversation.id).toBe(CHANNEL);
  });

  it('unfollows eng from a reply in another post\'s thread', async () => {
    const post = teams.message({ kind: 'channel', channelId: CHANNEL }, '29:zoe', 'status');
    await stack.post(post);
    const reply = teams.message({ kind: 'thread', channelId: CHANNEL, postId: post.id }, '29:zoe', 'unfollow eng');
    expect(reply).toMatchObject({ replyToId: post.id, conversation: { id: post.conversation.id } });
    expect((await stack.post(reply)).status).toBe(200);
    expect(await followed()).toEqual(['mkt']);
    expect(lastText(post.conversation.id)).toContain('This channel follows Marketing.');
  });

  it('posts an alert as a new post in the channel, not as a reply in an old thread', async () => {
    const before = stack.connector.posts(CHANNEL).length;
    const { org, issues } = loadAcmeExample();
    const sso = dependencyViewSchema.parse(buildDependencyViews(org, evaluateOrg(org, issues, { at: '2026-11-15' })).find((d) => d.id === 'dep-sso'));
    await stack.store.follow(CHANNEL, 'sales');
    const event: DependencyChangedEvent = { type: 'dependency.changed', id: 'ev-post', occurredAt: '2026-11-15T09:00:00Z', previousState: 'at-risk', dependency: sso };
    expect((await stack.forge.sendEvent(`${stack.service.url}/api/events`, stack.connection, event)).status).toBe(200);
    await stack.connector.waitFor(() => stack.connector.posts(CHANNEL).length === before + 1);
    const alert = stack.connector.posts(CHANNEL).at(-1)!;
    expect([alert.conversationId, alert.replyToId, String(alert.activity.summary)]).toEqual([CHANNEL, null, expect.stringMatching(/^Blocked: /)]);
  });

  it('reads a person who joins from the roster at once, with one call for them alone', async () => {
    stack.connector.directory.addUser({ id: '29:new', name: 'New Person', aadObjectId: 'aad-new', email: 'New@Acme.example', userPrincipalName: 'new@acme.example', tenantId: TENANT });
    stack.connector.directory.addTeam({ id: TEAM_ID, name: 'Acme', tenantId: TENANT, channels: [CHANNEL], members: ['29:ann', '29:raj', '29:zoe', '29:tom', '29:new'] });
    const before = stack.connector.requests.filter((r) => r.method === 'GET').length;
    const joined = { ...teams.message({ kind: 'channel', channelId: CHANNEL }, '29:ann', ''), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '29:new', aadObjectId: 'aad-new' }] };
    expect((await stack.post(joined)).status).toBe(200);
    expect(stack.connector.requests.filter((r) => r.method === 'GET').slice(before).map((r) => r.path)).toEqual([`/v3/conversations/${TEAM_ID}/members/29:new`]);
    expect(await stack.store.memberOf(CHANNEL, '29:new')).toMatchObject({ name: 'New Person', email: 'new@acme.example', upn: 'new@acme.example' });
  });

  it('keeps the team on install (said in its General channel, the team\'s id) and stops sending there when the bot is removed', async () => {
    expect((await stack.post(teams.install({ kind: 'channel', channelId: CHANNEL }, '29:ann'))).status).toBe(200);
    expect((await stack.store.getConversation(TEAM_ID))?.installed).toBe(true);
    expect(stack.connector.posts(TEAM_ID)).toHaveLength(1);
    expect((await stack.post(teams.uninstall({ kind: 'channel', channelId: CHANNEL }, '29:ann'))).status).toBe(200);
    expect((await stack.store.getConversation(TEAM_ID))?.installed).toBe(false);
  });
});
