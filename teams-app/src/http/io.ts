/**
 * The service's one HTTP kit over node:http: read a bounded body (raw, or JSON of an expected
 * content type), answer JSON (never cached by shared caches: answers are per caller), answer
 * an error in the tab API's `{ error: { code, message } }` shape, describe zod issues, read a
 * query, and the shapes the Agents SDK's `CloudAdapter.process` expects of a response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

/** The largest body read unless a caller says otherwise (Teams activities, Forge events). */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

/** Reads the body as UTF-8, refusing more than `limitBytes`. */
export async function readBody(req: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BodyTooLarge(`expected a body of at most ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type BodyResult = { readonly kind: 'ok'; readonly value: unknown } | { readonly kind: 'bad'; readonly status: 400 | 413 | 415; readonly message: string };

/** Reads a JSON body sent as `application/json`, of at most `limitBytes`. */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) return { kind: 'bad', status: 415, message: 'expected content-type application/json' };
  let text: string;
  try {
    text = await readBody(req, limitBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return { kind: 'bad', status: 413, message: error.message };
    throw error;
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'bad', status: 400, message: 'expected a JSON body' };
  }
}

/** Answers `body` as JSON, unless an answer was already started. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
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

/** An error in the shape `{ error: { code, message } }`. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

/** The first few problems zod found, as "where: what was expected". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** The query string as a plain record; a repeated parameter keeps its last value. */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** The WebResponse shape of the Agents SDK over a node:http response. */
export function toWebResponse(res: ServerResponse) {
  let status = 200;
  const web = {
    status(code: number) {
      status = code;
      return web;
    },
    setHeader(name: string, value: string) {
      res.setHeader(name, value);
      return web;
    },
    send(body?: unknown) {
      if (!res.headersSent) res.statusCode = status;
      if (body === undefined) return web;
      if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
      res.write(typeof body === 'string' ? body : JSON.stringify(body));
      return web;
    },
    end() {
      if (!res.headersSent) res.statusCode = status;
      res.end();
      return web;
    },
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
  };
  return web;
}
