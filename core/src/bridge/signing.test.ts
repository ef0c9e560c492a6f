import { BRIDGE_HEADERS, signBridgeRequest, verifyBridgeRequest } from './signing';

const secret = 's3cret-s3cret-s3cret-s3cret-s3cret';
const now = Date.parse('2026-11-15T09:00:00Z');
const body = JSON.stringify({ action: 'company' });
const signed = signBridgeRequest(secret, { connection: 'c1', id: 'r1', nowMs: now, body });
const verify = (headers: Record<string, string>, b = body, at = now, seen = false) =>
  verifyBridgeRequest(headers, b, { nowMs: at, secretOf: (c) => (c === 'c1' ? secret : undefined), seen: () => seen });

describe('bridge signing', () => {
  it('accepts a request signed with the connection secret, headers in any case', () => {
    const upper = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verify(upper)).toEqual({ kind: 'ok', connection: 'c1', id: 'r1' });
  });

  it('refuses a tampered body', () => {
    expect(verify({ ...signed }, JSON.stringify({ action: 'departments' }))).toEqual({ kind: 'refused', reason: 'bad signature' });
  });

  it('refuses a signature made with another secret', () => {
    const forged = signBridgeRequest('another-secret-another-secret-xx', { connection: 'c1', id: 'r1', nowMs: now, body });
    expect(verify({ ...forged })).toEqual({ kind: 'refused', reason: 'bad signature' });
  });

  it('refuses requests outside the five-minute window, either side', () => {
    expect(verify({ ...signed }, body, now + 5 * 60 * 1000 + 1).kind).toBe('refused');
    expect(verify({ ...signed }, body, now - 5 * 60 * 1000 - 1)).toEqual({ kind: 'refused', reason: 'expected a timestamp within 5 minutes of now' });
    expect(verify({ ...signed }, body, now + 5 * 60 * 1000).kind).toBe('ok');
  });

  it('refuses a replayed id, an unknown connection and missing headers', () => {
    expect(verify({ ...signed }, body, now, true)).toEqual({ kind: 'refused', reason: 'replayed request id' });
    expect(verify({ ...signed, [BRIDGE_HEADERS.connection]: 'c2' })).toEqual({ kind: 'refused', reason: 'unknown connection' });
    const { [BRIDGE_HEADERS.signature]: _drop, ...unsigned } = signed;
    expect(verify(unsigned).kind).toBe('refused');
  });

  it('refuses a changed timestamp even within the window', () => {
    expect(verify({ ...signed, [BRIDGE_HEADERS.timestamp]: String(now + 1000) })).toEqual({ kind: 'refused', reason: 'bad signature' });
  });
});
