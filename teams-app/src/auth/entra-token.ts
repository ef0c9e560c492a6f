/**
 * Verifies the Teams SSO token: a Microsoft Entra ID access token that Teams issues for the
 * app's `api://<domain>/<app id>` resource (`webApplicationInfo` in the manifest). Checks the
 * signature against the JWKS (Microsoft's by default; tests serve their own), the audience,
 * the expiry, the scope, and an issuer that matches the token's own tenant in either the v2
 * (`https://login.microsoftonline.com/{tid}/v2.0`) or v1 (`https://sts.windows.net/{tid}/`)
 * form. Whether that tenant is connected to a Jira site is the caller's check.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { TabIdentity, TokenVerification, VerifyToken } from './types';

/** Microsoft's signing keys for Entra ID tokens of every tenant. */
export const MICROSOFT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export interface EntraTokenOptions {
  /** The Entra app (client) id: `AAD_APP_ID` in the manifest. */
  readonly appId: string;
  /** The host serving the tab: `TAB_DOMAIN` in the manifest. */
  readonly domain: string;
  readonly jwksUrl?: string;
  /** The delegated scope the app exposes; Teams SSO apps conventionally name it access_as_user. */
  readonly requiredScope?: string;
  readonly clockToleranceSeconds?: number;
  readonly nowMs: () => number;
}

const TENANT_ID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** The audiences a Teams SSO token may carry: the resource URI (v1 tokens) or the app id (v2). */
export function ssoAudiences(options: Pick<EntraTokenOptions, 'appId' | 'domain'>): string[] {
  return [`api://${options.domain}/${options.appId}`, options.appId];
}

/** The issuers Entra ID uses for a tenant. */
export function entraIssuers(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

/** A verifier of Teams SSO tokens; keys are fetched once and cached by jose. */
export function createEntraTokenVerifier(options: EntraTokenOptions): VerifyToken {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? MICROSOFT_JWKS_URL), { timeoutDuration: 5000 });
  const audience = ssoAudiences(options);
  const requiredScope = options.requiredScope ?? 'access_as_user';
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        audience,
        algorithms: ['RS256'],
        currentDate: new Date(options.nowMs()),
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iss', 'aud', 'tid'],
      }));
    } catch (error) {
      return explainFailure(error, audience);
    }
    return checkClaims(payload, requiredScope);
  };
}

function checkClaims(payload: JWTPayload, requiredScope: string): TokenVerification {
  const tid = payload.tid;
  if (typeof tid !== 'string' || !TENANT_ID.test(tid)) return { kind: 'refused', reason: 'expected a tid claim holding the tenant id' };
  if (!entraIssuers(tid).includes(String(payload.iss))) {
    return { kind: 'refused', reason: `wrong issuer: expected ${entraIssuers(tid).join(' or ')}` };
  }
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(requiredScope)) return { kind: 'refused', reason: `expected the scope ${requiredScope} in scp` };
  const oid = typeof payload.oid === 'string' ? payload.oid : typeof payload.sub === 'string' ? payload.sub : null;
  if (oid === null) return { kind: 'refused', reason: 'expected an oid claim identifying the user' };
  const email = [payload.preferred_username, payload.upn, payload.email].find((x): x is string => typeof x === 'string') ?? null;
  const name = typeof payload.name === 'string' ? payload.name : (email ?? oid);
  const identity: TabIdentity = { tenantId: tid.toLowerCase(), userId: oid, name, email };
  return { kind: 'ok', identity };
}

function explainFailure(error: unknown, audience: readonly string[]): TokenVerification {
  if (error instanceof errors.JWTExpired) return { kind: 'refused', reason: 'token expired' };
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return { kind: 'refused', reason: `wrong audience: expected ${audience.join(' or ')}` };
    if (error.claim === 'nbf') return { kind: 'refused', reason: 'token not valid yet' };
    return { kind: 'refused', reason: `bad ${error.claim} claim: ${error.reason}` };
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return { kind: 'refused', reason: 'bad signature' };
  if (error instanceof errors.JWKSNoMatchingKey) return { kind: 'refused', reason: 'signed by a key that is not one of the issuer keys' };
  if (error instanceof errors.JOSEAlgNotAllowed) return { kind: 'refused', reason: 'expected an RS256 signature' };
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return { kind: 'unavailable', reason: 'the signing keys could not be read; try again shortly' };
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSEError) {
    return { kind: 'refused', reason: 'expected a signed JWT' };
  }
  // A failed fetch of the JWKS surfaces as a plain TypeError from fetch (by name: it may come
  // from another realm than this module's TypeError).
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TypeError') return { kind: 'unavailable', reason: 'the signing keys could not be read; try again shortly' };
  throw error;
}
