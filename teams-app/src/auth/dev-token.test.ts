import { DEV_TENANT_ID, devTokenFor, resolveDevTokenMode, withDevTokens } from './dev-token';
import type { VerifyToken } from './types';

const neverCalled: VerifyToken = async () => {
  throw new Error('the SSO verifier must not see dev tokens');
};

describe('local dev tokens', () => {
  test('are off unless local dev mode is asked for', () => {
    expect(resolveDevTokenMode({ localDev: false, host: '127.0.0.1' })).toEqual({ kind: 'off' });
  });

  test('refuse local dev mode on a non-loopback address', () => {
    expect(resolveDevTokenMode({ localDev: true, host: '0.0.0.0' })).toEqual({ kind: 'refused', reason: 'local dev mode needs the service bound to 127.0.0.1, not 0.0.0.0' });
  });

  test('map to the local tenant when the service is in local dev mode', async () => {
    const verify = withDevTokens(neverCalled, resolveDevTokenMode({ localDev: true, host: '127.0.0.1' }));
    expect(await verify(devTokenFor('sofia@acme.example'))).toEqual({
      kind: 'ok',
      identity: { tenantId: DEV_TENANT_ID, userId: 'dev:sofia@acme.example', name: 'sofia', email: 'sofia@acme.example' },
    });
  });

  test('are refused when the service is not in local dev mode', async () => {
    const verify = withDevTokens(neverCalled, { kind: 'off' });
    expect(await verify(devTokenFor('sofia@acme.example'))).toEqual({ kind: 'refused', reason: 'dev tokens are accepted only when the service runs in local dev mode' });
  });

  test('refuse a dev token without an email', async () => {
    const verify = withDevTokens(neverCalled, { kind: 'on', tenantId: DEV_TENANT_ID });
    expect(await verify('okr-dev.')).toEqual({ kind: 'refused', reason: 'expected a dev token like okr-dev.you@example.com' });
  });

  test('leave every other token to the SSO verifier', async () => {
    const sso: VerifyToken = async (token) => ({ kind: 'refused', reason: `sso saw ${token}` });
    expect(await withDevTokens(sso, { kind: 'on', tenantId: DEV_TENANT_ID })('eyJ.x.y')).toEqual({ kind: 'refused', reason: 'sso saw eyJ.x.y' });
  });
});
