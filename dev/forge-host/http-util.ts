/** HTTP plumbing of the local Forge host: JSON bodies with a size limit, JSON and text replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type BodyOutcome = { readonly kind: 'json'; readonly value: unknown } | { readonly kind: 'invalid'; readonly message: string };

/** Reads a JSON body of at most `maxBytes` (an empty body reads as `{}`). */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<BodyOutcome> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return { kind: 'invalid', message: `expected a body of at most ${maxBytes} bytes` };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return { kind: 'json', value: {} };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid', message: 'expected a JSON body' };
  }
}

/** Sends `body` as JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** Sends `{ message }` with `status`: how every host endpoint says no. */
export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { message });
}

/** Sends text (HTML, JavaScript) with its content type and extra headers. */
export function sendText(res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}
