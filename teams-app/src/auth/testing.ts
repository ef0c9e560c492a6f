/**
 * A stand-in for Microsoft Entra ID in tests: an RSA key served as a JWKS on 127.0.0.1 and a
 * signer of Teams-SSO-shaped tokens. `forged` tokens are signed by a second key that the JWKS
 * does not hold, under the same key id, as an attacker would try.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface LocalTokenOptions {
  readonly tenantId: string;
  readonly audience: string;
  readonly email?: string;
  readonly name?: string;
  /** Seconds from `nowMs` until expiry; negative for an expired token. */
  readonly expiresIn?: number;
  readonly issuer?: 'v1' | 'v2' | string;
  readonly scope?: string;
  readonly forged?: boolean;
}

export interface LocalEntra {
  readonly jwksUrl: string;
  /** How many times the JWKS was fetched. */
  readonly fetches: () => number;
  sign(options: LocalTokenOptions): Promise<string>;
  close(): Promise<void>;
}

const KID = 'local-test-key';

/** Starts the JWKS server; `nowMs` is the clock tokens are dated by. */
export async function startLocalEntra(nowMs: () => number): Promise<LocalEntra> {
  const real = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(real.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  let fetches = 0;
  const server = createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/keys`,
    fetches: () => fetches,
    sign: (options) => signToken(options.forged ? other.privateKey : real.privateKey, options, nowMs()),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function signToken(key: CryptoKey, o: LocalTokenOptions, now: number): Promise<string> {
  const iat = Math.floor(now / 1000);
  const issuer = o.issuer === undefined || o.issuer === 'v2' ? `https://login.microsoftonline.com/${o.tenantId}/v2.0` : o.issuer === 'v1' ? `https://sts.windows.net/${o.tenantId}/` : o.issuer;
  const email = o.email ?? 'sofia@acme.example';
  return new SignJWT({ tid: o.tenantId, oid: `oid-${email}`, name: o.name ?? 'Sofia', preferred_username: email, scp: o.scope ?? 'access_as_user' })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(o.audience)
    .setIssuedAt(iat)
    .setNotBefore(iat - 60)
    .setExpirationTime(iat + (o.expiresIn ?? 3600))
    .sign(key);
}
