import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDependencyViews, dependencyViewSchema, evaluateOrg } from '@okr-bridge/core';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { loadAcmeExample } from '../../../dev/forge-webtrigger';
import { channelOf } from '../../../dev/bot-connector';
import { ANN, cardOf, startTestStack, type TestStack } from '../bot/testing';
import { startService } from '../server';
import { BOT_FRAMEWORK_ISSUER } from './bot-auth';

const { org, issues } = loadAcmeExample();
const blockedDependency = dependencyViewSchema.parse(buildDependencyViews(org, evaluateOrg(org, issues, { at: '2026-11-15' })).find((d) => d.id === 'dep-sso'));
const APP_ID = '5d2b6f4e-1111-4c3b-9c1e-0a0b0c0d0e0f';
let jwks: Server;
let key: CryptoKey;
let otherKey: CryptoKey;
let stack: TestStack;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
  jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
  stack = await startTestStack({
    connector: { expectToken: 'outbound-bot-token' },
    service: { bot: { kind: 'authenticated', appId: APP_ID, auth: { jwksUrl }, outboundToken: async () => 'outbound-bot-token' } },
  });
});
afterAll(async () => {
  await stack.close();
  await new Promise((resolve) => jwks.close(resolve));
});

const token = (fields: { aud?: string; iss?: string; expSec?: number; signWith?: CryptoKey; serviceUrl?: string | null } = {}) => {
  const now = Math.floor(Date.now() / 1000);
  const serviceUrl = fields.serviceUrl === undefined ? stack.connector.serviceUrl : fields.serviceUrl;
  return new SignJWT(serviceUrl === null ? {} : { serviceurl: serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(fields.iss ?? BOT_FRAMEWORK_ISSUER)
    .setAudience(fields.aud ?? APP_ID)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (fields.expSec ?? 600))
    .sign(fields.signWith ?? key);
};
const message = (conversationId: string, fields: Record<string, unknown> = {}) =>
  stack.activity(conversationId, { type: 'message', text: 'help', ...fields });
const membersSeen = async (conversationId: string) => (await stack.store.membersByAddress([conversationId], ['ann@acme.example'])).map((m) => m.userId);

describe('/api/messages with Bot Framework authentication on', () => {
  it('accepts a valid token, runs the turn and replies with the bot token', async () => {
    const answer = await stack.post(message('c-ok'), { authorization: `Bearer ${await token()}` });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(cardOf(stack.connector.activities('c-ok')[0]?.activity))).toContain('status [department]');
    expect(stack.connector.requests.at(-1)?.authorization).toBe('Bearer outbound-bot-token');
    expect(await membersSeen('c-ok')).toEqual([ANN.id]);
  });

  it('sends proactive alerts with the bot token too', async () => {
    await stack.post(stack.activity('c-alerts', { type: 'conversationUpdate', membersAdded: [{ id: '28:okr-bot' }] }), { authorization: `Bearer ${await token()}` });
    await stack.store.follow('c-alerts', 'sales');
    const event = { type: 'dependency.changed' as const, id: 'ev-auth', occurredAt: '2026-11-15T09:00:00Z', previousState: 'open' as const, dependency: blockedDependency };
    expect((await stack.forge.sendEvent(`${stack.service.url}/api/events`, stack.connection, event)).status).toBe(200);
    await stack.connector.waitFor(() => stack.connector.activities('c-alerts').some((a) => String(a.activity.summary).startsWith('Blocked: ')));
    expect(stack.connector.requests.filter((r) => r.method === 'POST' && channelOf(r.conversationId ?? '') === 'c-alerts').map((r) => [r.status, r.authorization])).toEqual([
      [201, 'Bearer outbound-bot-token'],
      [201, 'Bearer outbound-bot-token'],
    ]);
  });

  it.each([
    ['no token', async () => undefined, 'expected an Authorization: Bearer token'],
    ['a forged token (another key)', () => token({ signWith: otherKey }), 'the token is not signed by a trusted key'],
    ['an expired token (past the 5-minute skew)', () => token({ expSec: -400 }), 'the token has expired'],
    ['a token for another bot', () => token({ aud: 'another-app' }), "the token's aud is not accepted"],
    ['a token from another issuer', () => token({ iss: 'https://evil.example' }), "the token's iss is not accepted"],
    ['a token for another serviceUrl', () => token({ serviceUrl: 'https://smba.example/other/' }), 'expected a token issued for the activity\'s serviceUrl; it names another'],
    ['a token for the same host under another path', () => token({ serviceUrl: `${stack.connector.serviceUrl}/other` }), 'expected a token issued for the activity\'s serviceUrl; it names another'],
    ['a validly signed token without a serviceurl claim', () => token({ serviceUrl: null }), 'expected a token with a serviceurl claim'],
  ])('refuses %s with 401 and stores nothing', async (name, make, reason) => {
    const id = `c-${name.replace(/\W+/g, '-')}`;
    const t = await make();
    const answer = await stack.post(message(id), t ? { authorization: `Bearer ${t}` } : {});
    expect(answer).toEqual({ status: 401, body: { error: reason } });
    expect(await stack.store.getConversation(id)).toBeUndefined();
    expect(await membersSeen(id)).toEqual([]);
    expect(stack.connector.activities(id)).toEqual([]);
  });

  it('refuses an activity without a serviceUrl, whatever the token names, with 401 and stores nothing', async () => {
    const id = 'c-no-service-url';
    const answer = await stack.post(message(id, { serviceUrl: undefined }), { authorization: `Bearer ${await token()}` });
    expect(answer).toEqual({ status: 401, body: { error: "expected a token issued for the activity's serviceUrl; the activity has none" } });
    expect(await stack.store.getConversation(id)).toBeUndefined();
    expect(await membersSeen(id)).toEqual([]);
    expect(stack.connector.requests.filter((r) => r.conversationId === id)).toEqual([]);
  });
});

describe('the anonymous local mode', () => {
  it('refuses to listen anywhere but loopback', async () => {
    await expect(startService({ store: stack.store, bot: { kind: 'anonymous' }, host: '0.0.0.0' })).rejects.toThrow('the anonymous local mode listens on 127.0.0.1 only, not 0.0.0.0');
  });
});
