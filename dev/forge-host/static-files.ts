/**
 * Serves the built panels: `/panels/<name>/` is the panel's `index.html` with the bridge shim's
 * script tag put first in `<head>` (the bundle itself is untouched), under the CSP Forge would
 * apply to Custom UI with the app's manifest (`manifest.ts`), and `/panels/<name>/assets/…`
 * are its files. Paths never leave the panel's folder.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { sendError, sendText } from './http-util';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** `html` with `<script src="shimSrc">` as the first element of its head. */
export function injectShim(html: string, shimSrc: string): string {
  const tag = `<script src="${shimSrc.replace(/"/g, '&quot;')}"></script>`;
  if (!/<head>/i.test(html)) throw new Error('broken invariant: a built panel page has no <head>');
  return html.replace(/<head>/i, `<head>\n${tag}`);
}

/** Serves `relative` (a path below the panel folder) from `panelDir`. */
export async function serveAsset(res: ServerResponse, panelDir: string, relative: string): Promise<void> {
  const decoded = decodeURIComponent(relative);
  const path = normalize(join(panelDir, decoded));
  if (!path.startsWith(panelDir + sep) || decoded.includes('\0')) {
    sendError(res, 400, `expected a path inside the panel folder, got "${relative}"`);
    return;
  }
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    sendError(res, 404, `no file ${relative} in the built panel; run npm run build:jira`);
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': data.length, 'cache-control': 'no-cache' });
  res.end(data);
}

/** Serves the panel page with the shim tag injected, under `csp`. */
export async function servePanelPage(res: ServerResponse, panelDir: string, shimSrc: string, csp: string): Promise<void> {
  let html: string;
  try {
    html = await readFile(join(panelDir, 'index.html'), 'utf8');
  } catch {
    sendError(res, 404, `the panel is not built (${join(panelDir, 'index.html')}); run npm run build:jira`);
    return;
  }
  sendText(res, 200, 'text/html', injectShim(html, shimSrc), { 'content-security-policy': csp });
}
