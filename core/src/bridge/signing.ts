/**
 * Signed requests between the Forge app and the Teams service. Each side holds the same
 * per-connection secret; a request carries its connection id, a unique request id, a
 * timestamp and an HMAC-SHA256 over all three and the body. Verification refuses a bad or
 * missing signature, a timestamp outside the window and (through the caller's `seen`
 * lookup) a replayed id. The clock and the replay store come in as arguments.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const BRIDGE_HEADERS = {
  connection: 'x-okr-connection',
  id: 'x-okr-request-id',
  timestamp: 'x-okr-timestamp',
  signature: 'x-okr-signature',
} as const;

/** Requests older or newer than this are refused. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export interface SignedHeaders {
  readonly [BRIDGE_HEADERS.connection]: string;
  readonly [BRIDGE_HEADERS.id]: string;
  readonly [BRIDGE_HEADERS.timestamp]: string;
  readonly [BRIDGE_HEADERS.signature]: string;
}

function mac(secret: string, connection: string, id: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`v1\n${connection}\n${id}\n${timestamp}\n`).update(body).digest('hex')}`;
}

/** The headers that sign `body` for `connection`, with the caller's request id and time. */
export function signBridgeRequest(secret: string, request: { connection: string; id: string; nowMs: number; body: string }): SignedHeaders {
  const timestamp = String(Math.floor(request.nowMs));
  return {
    [BRIDGE_HEADERS.connection]: request.connection,
    [BRIDGE_HEADERS.id]: request.id,
    [BRIDGE_HEADERS.timestamp]: timestamp,
    [BRIDGE_HEADERS.signature]: mac(secret, request.connection, request.id, timestamp, request.body),
  };
}

export type BridgeVerification =
  | { readonly kind: 'ok'; readonly connection: string; readonly id: string }
  | { readonly kind: 'refused'; readonly reason: string };

/** Reads a header case-insensitively from a plain record (Node, Forge and fetch shapes). */
export function headerOf(headers: Readonly<Record<string, string | readonly string[] | undefined>>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? v[0] : (v as string | undefined);
  }
  return undefined;
}

/**
 * Verifies a signed request. `secretOf` finds the connection's secret (undefined when the
 * connection is unknown); `seen` says whether the request id was already accepted. The caller
 * records the id only after it has acted on the request.
 */
export function verifyBridgeRequest(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  body: string,
  options: { nowMs: number; secretOf: (connection: string) => string | undefined; seen: (connection: string, id: string) => boolean },
): BridgeVerification {
  const connection = headerOf(headers, BRIDGE_HEADERS.connection);
  const id = headerOf(headers, BRIDGE_HEADERS.id);
  const timestamp = headerOf(headers, BRIDGE_HEADERS.timestamp);
  const signature = headerOf(headers, BRIDGE_HEADERS.signature);
  if (!connection || !id || !timestamp || !signature) {
    return { kind: 'refused', reason: `expected the headers ${Object.values(BRIDGE_HEADERS).join(', ')}` };
  }
  if (!/^\d{1,15}$/.test(timestamp) || Math.abs(options.nowMs - Number(timestamp)) > SIGNATURE_WINDOW_MS) {
    return { kind: 'refused', reason: 'expected a timestamp within 5 minutes of now' };
  }
  const secret = options.secretOf(connection);
  if (secret === undefined) return { kind: 'refused', reason: 'unknown connection' };
  const expected = Buffer.from(mac(secret, connection, id, timestamp, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { kind: 'refused', reason: 'bad signature' };
  if (options.seen(connection, id)) return { kind: 'refused', reason: 'replayed request id' };
  return { kind: 'ok', connection, id };
}
