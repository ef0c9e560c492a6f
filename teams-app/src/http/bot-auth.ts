/**
 * Validates the Bot Framework token on every `/api/messages` request (production mode): an
 * RS256 JWT signed by a key of the configured JWKS, from an accepted issuer, for this bot's
 * app id, within its lifetime (5 minutes of clock skew), and issued for exactly the serviceUrl
 * the activity came from: the `serviceurl` claim is required and must equal the activity's
 * `serviceUrl`, as the Bot Framework's channel validation requires. Without that check a token
 * signed for this bot could carry any serviceUrl, and the bot would send its own outbound token
 * there and keep the URL for later alerts. The defaults are the Bot Framework's published values;
 * tests point the issuer and JWKS at a local server. The SDK's own middleware hard-codes the
 * Bot Framework JWKS URL for that issuer, so this check is done here with `jose`.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const BOT_FRAMEWORK_JWKS_URL = 'https://login.botframework.com/v1/.well-known/keys';

export interface BotAuthConfig {
  /** The bot's Microsoft App Id: the token's audience. */
  readonly appId: string;
  readonly issuers?: readonly string[];
  readonly jwksUrl?: string;
  readonly clockToleranceSec?: number;
}

export type BotAuthVerdict = { readonly kind: 'ok'; readonly claims: JWTPayload } | { readonly kind: 'refused'; readonly reason: string };

export interface BotAuthVerifier {
  verify(authorization: string | undefined, activity: { readonly serviceUrl?: string }): Promise<BotAuthVerdict>;
}

/** Creates a verifier; the JWKS is fetched on first use and cached by `jose`. */
export function createBotAuthVerifier(config: BotAuthConfig, nowMs: () => number): BotAuthVerifier {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl ?? BOT_FRAMEWORK_JWKS_URL));
  const issuers = [...(config.issuers ?? [BOT_FRAMEWORK_ISSUER])];
  return {
    async verify(authorization, activity) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
      if (!match) return { kind: 'refused', reason: 'expected an Authorization: Bearer token' };
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(match[1]!, jwks, {
          issuer: issuers,
          audience: config.appId,
          algorithms: ['RS256'],
          clockTolerance: config.clockToleranceSec ?? 300,
          currentDate: new Date(nowMs()),
        }));
      } catch (error) {
        return { kind: 'refused', reason: describe(error) };
      }
      const claimed = (claims as { serviceurl?: unknown }).serviceurl;
      if (typeof claimed !== 'string' || claimed === '') return { kind: 'refused', reason: 'expected a token with a serviceurl claim' };
      if (!activity.serviceUrl) return { kind: 'refused', reason: "expected a token issued for the activity's serviceUrl; the activity has none" };
      if (claimed !== activity.serviceUrl) return { kind: 'refused', reason: "expected a token issued for the activity's serviceUrl; it names another" };
      return { kind: 'ok', claims };
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'the token is not signed by a trusted key';
  if (error instanceof errors.JOSEError) return `invalid token (${error.code})`;
  return 'invalid token';
}
