/**
 * The local dev token path. Outside Teams there is no SSO token, so the tab in local mode sends
 * `Authorization: Bearer okr-dev.<email>`. The service accepts such a token only when it runs
 * in its explicit local dev mode, bound to a loopback address, and then maps it to one fixed
 * local tenant; in every other configuration a dev token is refused like any bad token.
 * See README.md in this folder.
 */
import type { TokenVerification, VerifyToken } from './types';

export const DEV_TOKEN_PREFIX = 'okr-dev.';

/** The tenant local dev tokens belong to unless the service names another. */
export const DEV_TENANT_ID = '00000000-0000-0000-0000-00000000d3f0';

export type DevTokenMode = { readonly kind: 'off' } | { readonly kind: 'on'; readonly tenantId: string } | { readonly kind: 'refused'; readonly reason: string };

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Decides whether dev tokens are accepted: only when local dev mode is asked for explicitly and
 * the service listens on a loopback address. Asking for it on any other address is refused, so
 * a misconfigured production server fails to start instead of opening a back door.
 */
export function resolveDevTokenMode(options: { readonly localDev: boolean; readonly host: string; readonly tenantId?: string }): DevTokenMode {
  if (!options.localDev) return { kind: 'off' };
  if (!LOOPBACK.has(options.host)) return { kind: 'refused', reason: `local dev mode needs the service bound to 127.0.0.1, not ${options.host}` };
  return { kind: 'on', tenantId: (options.tenantId ?? DEV_TENANT_ID).toLowerCase() };
}

/** The dev token for a local user, as the tab sends it in local mode. */
export function devTokenFor(email: string): string {
  return `${DEV_TOKEN_PREFIX}${email}`;
}

function verifyDevToken(token: string, mode: DevTokenMode): TokenVerification {
  if (mode.kind !== 'on') return { kind: 'refused', reason: 'dev tokens are accepted only when the service runs in local dev mode' };
  const email = token.slice(DEV_TOKEN_PREFIX.length);
  if (!/^[^\s@]{1,64}@[^\s@]{1,190}$/.test(email)) return { kind: 'refused', reason: `expected a dev token like ${DEV_TOKEN_PREFIX}you@example.com` };
  return { kind: 'ok', identity: { tenantId: mode.tenantId, userId: `dev:${email}`, name: email.split('@')[0] ?? email, email } };
}

/** A verifier that sends dev tokens to the dev path and every other token to `verify`. */
export function withDevTokens(verify: VerifyToken, mode: DevTokenMode): VerifyToken {
  return async (token) => (token.startsWith(DEV_TOKEN_PREFIX) ? verifyDevToken(token, mode) : verify(token));
}
