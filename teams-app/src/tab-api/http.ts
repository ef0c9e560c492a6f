/** Small HTTP helpers of the tab API: JSON answers, errors in one shape, bounded JSON bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { TabError } from './contract';

const MAX_BODY_BYTES = 32 * 1024;

/** Sends `body` as JSON; tab data is per user, so nothing is cached by shared caches. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body: TabError = { error: { code, message } };
  sendJson(res, status, body, headers);
}

/** The first problem zod found, as "where: what was expected". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export type BodyResult = { readonly kind: 'ok'; readonly value: unknown } | { readonly kind: 'bad'; readonly status: 400 | 413 | 415; readonly message: string };

/** Reads a JSON body of at most 32 KiB. */
export async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) return { kind: 'bad', status: 415, message: 'expected content-type application/json' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { kind: 'bad', status: 413, message: `expected a body of at most ${MAX_BODY_BYTES} bytes` };
    chunks.push(chunk as Buffer);
  }
  try {
    return { kind: 'ok', value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { kind: 'bad', status: 400, message: 'expected a JSON body' };
  }
}

/** The query string as a plain record; a repeated parameter keeps its last value. */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
