import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEntraTokenVerifier } from './entra-token';
import { startLocalEntra, type LocalEntra } from './testing';

const NOW = Date.parse('2026-11-15T09:00:00Z');
const appId = '66666666-7777-8888-9999-000000000000';
const domain = 'okr.example.com';
const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const audience = `api://${domain}/${appId}`;

let entra: LocalEntra;
let verify: ReturnType<typeof createEntraTokenVerifier>;
beforeAll(async () => {
  entra = await startLocalEntra(() => NOW);
  verify = createEntraTokenVerifier({ appId, domain, jwksUrl: entra.jwksUrl, nowMs: () => NOW });
});
afterAll(() => entra.close());

describe('Teams SSO token verification', () => {
  test('accepts a v2 token for the api:// audience and names the user and tenant', async () => {
    expect(await verify(await entra.sign({ tenantId, audience }))).toEqual({
      kind: 'ok',
      identity: { tenantId, userId: 'oid-sofia@acme.example', name: 'Sofia', email: 'sofia@acme.example' },
    });
  });

  test('accepts the v1 issuer form and the bare app id audience', async () => {
    const result = await verify(await entra.sign({ tenantId, audience: appId, issuer: 'v1' }));
    expect(result.kind).toBe('ok');
  });

  test('refuses a token signed by another key under the same key id', async () => {
    expect(await verify(await entra.sign({ tenantId, audience, forged: true }))).toEqual({ kind: 'refused', reason: 'bad signature' });
  });

  test('refuses an expired token', async () => {
    expect(await verify(await entra.sign({ tenantId, audience, expiresIn: -120 }))).toEqual({ kind: 'refused', reason: 'token expired' });
  });

  test('refuses a token for another audience', async () => {
    expect(await verify(await entra.sign({ tenantId, audience: 'api://evil.example.com/66666666-7777-8888-9999-000000000000' }))).toEqual({
      kind: 'refused',
      reason: `wrong audience: expected ${audience} or ${appId}`,
    });
  });

  test("refuses an issuer that is not the token's own tenant", async () => {
    const issuer = 'https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0';
    expect(await verify(await entra.sign({ tenantId, audience, issuer }))).toEqual({
      kind: 'refused',
      reason: `wrong issuer: expected https://login.microsoftonline.com/${tenantId}/v2.0 or https://sts.windows.net/${tenantId}/`,
    });
  });

  test('refuses a token without the access_as_user scope', async () => {
    expect(await verify(await entra.sign({ tenantId, audience, scope: 'User.Read' }))).toEqual({ kind: 'refused', reason: 'expected the scope access_as_user in scp' });
  });

  test('refuses something that is not a JWT', async () => {
    expect(await verify('not-a-token')).toEqual({ kind: 'refused', reason: 'expected a signed JWT' });
  });

  test('reports unreadable signing keys as unavailable, not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const offline = createEntraTokenVerifier({ appId, domain, jwksUrl: `http://127.0.0.1:${port}/keys`, nowMs: () => NOW });
    expect(await offline(await entra.sign({ tenantId, audience }))).toEqual({ kind: 'unavailable', reason: 'the signing keys could not be read; try again shortly' });
  });
});
