/**
 * The host's HTTP routes. Static: the index page, the built panels and their assets.
 * Per page load: the shim script (by session id). Calls from the shim (`x-forge-host-session`
 * header, JSON only, so a cross-origin page cannot make them without a preflight the host
 * never grants): invoke, fetchProduct, submit. From the emulator: issue events, on a URL that
 * carries the host's secret token. Every body is checked with zod; a bad one gets a 400 that
 * names what was expected and reaches nothing behind it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { PANEL_MODULES, type PanelName } from './context';
import { readJson, sendError, sendJson, sendText } from './http-util';
import type { PanelSession } from './sessions';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Where the app's web trigger is served (the URL `webTrigger.getUrl` gives the app here). */
export const WEB_TRIGGER_PATH = '/x1/webtrigger/teams-webtrigger';

export const invokeBodySchema = z.strictObject({
  functionKey: z.string({ error: 'expected functionKey, the resolver name' }).min(1, { error: 'expected functionKey, the resolver name' }),
  payload: z.unknown().optional(),
  metadata: z.unknown().optional(),
});

export const fetchProductBodySchema = z.looseObject({
  product: z.literal('jira', { error: 'expected product "jira": the local host has only Jira' }),
  restPath: z.string().startsWith('/', { error: 'expected restPath starting with "/"' }),
  fetchRequestInit: z.looseObject({ method: z.string().optional(), body: z.string().nullable().optional(), headers: z.array(z.tuple([z.string(), z.string()])).optional() }).optional(),
});

export const submitBodySchema = z.strictObject({ payload: z.record(z.string(), z.unknown(), { error: 'expected the gadget configuration object' }) });

export interface RouteHandlers {
  indexPage(): string;
  panelPage(res: ServerResponse, panel: PanelName, query: URLSearchParams): Promise<void>;
  asset(res: ServerResponse, panel: PanelName, path: string): Promise<void>;
  shim(res: ServerResponse, session: string | null): Promise<void>;
  session(id: string | undefined): PanelSession | undefined;
  /** The resolver's answer (200), or the failure Forge would raise in the bridge (404 unknown function, 500 a throw). */
  invoke(session: PanelSession, body: z.output<typeof invokeBodySchema>): Promise<{ readonly status: number; readonly body: unknown }>;
  fetchProduct(session: PanelSession, body: z.output<typeof fetchProductBodySchema>): Promise<unknown>;
  submit(session: PanelSession, body: z.output<typeof submitBodySchema>): Promise<void>;
  /** The app's web trigger: its own HMAC check decides; the host only passes the request through. */
  webTrigger(request: { method: string; headers: Record<string, string[]>; body: string }): Promise<{ statusCode: number; headers: Record<string, string[]>; body: string }>;
  /** False when `token` is not the host's event token. */
  event(token: string, body: unknown): Promise<boolean>;
}

const isPanel = (name: string): name is PanelName => Object.hasOwn(PANEL_MODULES, name);

async function parseBody<S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: S): Promise<z.output<S> | null> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    sendError(res, 415, 'expected content-type application/json');
    return null;
  }
  const body = await readJson(req, MAX_BODY_BYTES);
  if (body.kind === 'invalid') {
    sendError(res, 400, body.message);
    return null;
  }
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    sendError(res, 400, issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected body');
    return null;
  }
  return parsed.data;
}

async function webTrigger(req: IncomingMessage, res: ServerResponse, h: RouteHandlers): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return sendError(res, 413, `expected a body of at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value : [value];
  const answer = await h.webTrigger({ method: req.method ?? 'GET', headers, body: Buffer.concat(chunks).toString('utf8') });
  const flat = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k, v.join(', ')]));
  res.writeHead(answer.statusCode, { ...flat, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}

/** Routes one request. */
export async function route(req: IncomingMessage, res: ServerResponse, h: RouteHandlers): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (method === 'GET' && path === '/') return sendText(res, 200, 'text/html', h.indexPage());
  if (method === 'GET' && path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const panelMatch = /^\/panels\/([a-z]+)(\/.*)?$/.exec(path);
  if (method === 'GET' && panelMatch) {
    const [, name = '', rest] = panelMatch;
    if (!isPanel(name)) return sendError(res, 404, `no panel "${name}"; the panels are ${Object.keys(PANEL_MODULES).join(', ')}`);
    if (rest === undefined) {
      res.writeHead(302, { location: `/panels/${name}/${url.search}` }).end();
      return;
    }
    if (rest === '/' || rest === '/index.html') return h.panelPage(res, name, url.searchParams);
    return h.asset(res, name, rest.slice(1));
  }
  if (method === 'GET' && path === '/__forge-host/bridge.js') return h.shim(res, url.searchParams.get('session'));
  if (path === WEB_TRIGGER_PATH) return webTrigger(req, res, h);
  const eventMatch = /^\/__forge-host\/events\/([A-Za-z0-9_-]+)$/.exec(path);
  if (method === 'POST' && eventMatch) {
    const body = await readJson(req, MAX_BODY_BYTES);
    if (body.kind === 'invalid') return sendError(res, 400, body.message);
    return (await h.event(eventMatch[1] ?? '', body.value)) ? sendJson(res, 200, { accepted: true }) : sendError(res, 401, 'expected the host event token in the URL');
  }
  if (method === 'POST' && path.startsWith('/__forge-host/')) {
    const header = req.headers['x-forge-host-session'];
    const session = h.session(typeof header === 'string' ? header : undefined);
    if (!session) return sendError(res, 401, 'expected the x-forge-host-session header of a page this host served; reload the panel');
    if (path === '/__forge-host/invoke') {
      const body = await parseBody(req, res, invokeBodySchema);
      if (!body) return;
      const answer = await h.invoke(session, body);
      return sendJson(res, answer.status, answer.body);
    }
    if (path === '/__forge-host/fetch-product') {
      const body = await parseBody(req, res, fetchProductBodySchema);
      return body ? sendJson(res, 200, await h.fetchProduct(session, body)) : undefined;
    }
    if (path === '/__forge-host/submit') {
      if (session.panel !== 'gadget') return sendError(res, 400, 'expected submit from the gadget: only its edit view is submittable');
      const body = await parseBody(req, res, submitBodySchema);
      if (body) await h.submit(session, body);
      return body ? sendJson(res, 200, { saved: true }) : undefined;
    }
  }
  sendError(res, 404, `nothing at ${method} ${path}`);
}
