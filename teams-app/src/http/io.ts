/**
 * Small node:http helpers: read a bounded body, answer JSON, and the shapes the Agents SDK's
 * `CloudAdapter.process` expects of a request and a response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLarge extends Error {}

/** Reads the body as UTF-8, refusing more than `limitBytes`. */
export async function readBody(req: IncomingMessage, limitBytes = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BodyTooLarge(`expected a body of at most ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers JSON, unless an answer was already started. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
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
