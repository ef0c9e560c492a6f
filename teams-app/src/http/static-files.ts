/**
 * Serves the tab's built files (`teams-app/dist/tab/`) under `/tab/`: GET and HEAD only,
 * never outside the folder, with the content types the tab uses.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const TAB_STATIC_PREFIX = '/tab/';

/** A handler answering `/tab/*` from `dir`; returns false for other paths. */
export function createStaticFiles(dir: string): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const root = normalize(dir);
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://static.invalid').pathname;
    if (path !== '/tab' && !path.startsWith(TAB_STATIC_PREFIX)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(path.slice(TAB_STATIC_PREFIX.length - 1)).replace(/^\/+/, '');
    } catch {
      res.writeHead(400).end();
      return true;
    }
    const file = normalize(join(root, relative || 'index.html'));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404).end();
      return true;
    }
    const info = await stat(file).catch(() => null);
    const target = info?.isDirectory() ? join(file, 'index.html') : file;
    const found = info?.isDirectory() ? await stat(target).catch(() => null) : info;
    if (!found?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return true;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'content-length': String(found.size), 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
    return true;
  };
}
