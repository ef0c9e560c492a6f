/**
 * HTTP plumbing shared by the emulator's routes: replies, Jira's error body
 * (`{ errorMessages, errors }`), reading a JSON body, and checking basic or bearer auth
 * in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type AuthOptions = { readonly email: string; readonly token: string } | { readonly bearer: string };

export const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Jira's error body. */
export function jiraError(status: number, messages: readonly string[], errors: Record<string, string> = {}, headers?: Record<string, string>): Reply {
  return { status, body: { errorMessages: [...messages], errors }, ...(headers ? { headers } : {}) };
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

export type BodyOutcome = { readonly kind: 'json'; readonly value: unknown } | { readonly kind: 'invalid' };

/** Reads a request body as JSON (an empty body reads as `{}`). */
export async function readJsonBody(req: IncomingMessage): Promise<BodyOutcome> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { kind: 'invalid' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return { kind: 'json', value: {} };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid' };
  }
}

function sameSecret(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/** `ok` when the Authorization header carries the expected credentials (always, when none are configured). */
export function checkAuth(header: string | undefined, auth: AuthOptions | undefined): 'ok' | 'missing' | 'wrong' {
  if (auth === undefined) return 'ok';
  if (!header) return 'missing';
  const [scheme, value = ''] = header.split(/\s+/, 2) as [string, string?];
  if ('bearer' in auth) return scheme.toLowerCase() === 'bearer' && sameSecret(value, auth.bearer) ? 'ok' : 'wrong';
  if (scheme.toLowerCase() !== 'basic') return 'wrong';
  return sameSecret(Buffer.from(value, 'base64').toString('utf8'), `${auth.email}:${auth.token}`) ? 'ok' : 'wrong';
}

/** Jira's answer to missing or wrong credentials. */
export function unauthorized(kind: 'missing' | 'wrong'): Reply {
  return jiraError(401, ['Client must be authenticated to access this resource.'], {}, {
    'www-authenticate': 'Basic realm="protected-area"',
    ...(kind === 'wrong' ? { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } : {}),
  });
}
