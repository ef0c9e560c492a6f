/**
 * `/api/tab/*`: the tab's data behind the Teams SSO token. Every request is authenticated
 * first (401 without a valid token for a connected tenant), then its path, query and body are
 * validated (400 naming what was expected) before anything is read or written.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { STORE_RETRY_AFTER_SECONDS, StoreUnavailable } from '../store/unavailable';
import { agendaQuerySchema, departmentParamsSchema, emptyQuerySchema, reviewItemParamsSchema, reviewItemUpdateSchema } from '../tab-api/contract';
import { authenticate, type TabCaller, type TabRoutesDeps } from '../tab-api/deps';
import { getAgenda, getCompany, getContext, getDependencies, getDepartment, getVersion, saveReviewItem, type Reply } from '../tab-api/handlers';
import { TAB_API_PREFIX } from '../tab-api/paths';
import { describeIssues, queryOf, readJsonBody, sendError, sendJson } from './io';

/** The largest body the tab sends (a review item change). */
const MAX_TAB_BODY_BYTES = 32 * 1024;

type Handler = (caller: TabCaller, input: { params: Record<string, string>; query: Record<string, string>; req: IncomingMessage }) => Promise<Reply<unknown> | Invalid>;
interface Invalid {
  readonly status: 400 | 413 | 415;
  readonly invalid: string;
}
interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handle: Handler;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): { ok: true; data: z.infer<S> } | { ok: false; invalid: Invalid } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, invalid: { status: 400, invalid: `${where}: ${describeIssues(result.error)}` } };
}

function routesOf(deps: TabRoutesDeps): Route[] {
  const store = deps.reviewStore;
  const noQuery = (query: Record<string, string>) => parse(emptyQuerySchema, query, 'query');
  return [
    { method: 'GET', pattern: /^context$/, names: [], handle: async (c, { query }) => { const q = noQuery(query); return q.ok ? getContext(c) : q.invalid; } },
    { method: 'GET', pattern: /^version$/, names: [], handle: async (c, { query }) => { const q = noQuery(query); return q.ok ? getVersion(c) : q.invalid; } },
    { method: 'GET', pattern: /^company$/, names: [], handle: async (c, { query }) => { const q = noQuery(query); return q.ok ? getCompany(c, store) : q.invalid; } },
    { method: 'GET', pattern: /^dependencies$/, names: [], handle: async (c, { query }) => { const q = noQuery(query); return q.ok ? getDependencies(c, store, deps.nowMs()) : q.invalid; } },
    {
      method: 'GET',
      pattern: /^department\/([^/]+)$/,
      names: ['id'],
      handle: async (c, { params, query }) => {
        const p = parse(departmentParamsSchema, params, 'path');
        if (!p.ok) return p.invalid;
        const q = noQuery(query);
        return q.ok ? getDepartment(c, store, p.data.id) : q.invalid;
      },
    },
    {
      method: 'GET',
      pattern: /^agenda$/,
      names: [],
      handle: async (c, { query }) => {
        const q = parse(agendaQuerySchema, query, 'query');
        return q.ok ? getAgenda(c, store, q.data) : q.invalid;
      },
    },
    {
      method: 'POST',
      pattern: /^review\/([^/]+)\/items\/([^/]+)$/,
      names: ['reviewId', 'itemId'],
      handle: async (c, { params, req }) => {
        const p = parse(reviewItemParamsSchema, params, 'path');
        if (!p.ok) return p.invalid;
        const body = await readJsonBody(req, MAX_TAB_BODY_BYTES);
        if (body.kind === 'bad') return { status: body.status, invalid: body.message };
        const b = parse(reviewItemUpdateSchema, body.value, 'body');
        return b.ok ? saveReviewItem(c, store, p.data, b.data, deps.nowMs()) : b.invalid;
      },
    },
  ];
}

function decodeParams(match: RegExpExecArray, names: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  try {
    names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? '')));
  } catch {
    return null;
  }
  return params;
}

/**
 * The tab API as a request handler for the service's HTTP server. Answers every request under
 * `/api/tab/` and returns true; returns false, answering nothing, for any other path.
 */
export function createTabRoutes(deps: TabRoutesDeps): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const routes = routesOf(deps);
  const answer = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const gate = await authenticate(req, deps);
    if (gate.kind === 'refused') {
      const headers: Record<string, string> = gate.status === 401 ? { 'www-authenticate': `Bearer error="invalid_token", error_description="${gate.message.replace(/"/g, "'")}"` } : {};
      return sendError(res, gate.status, gate.status === 401 ? 'unauthorized' : 'unavailable', gate.message, headers);
    }
    const rest = url.pathname.slice(TAB_API_PREFIX.length);
    const matching = routes.filter((r) => r.pattern.test(rest));
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      if (matching.length > 0) return sendError(res, 405, 'method-not-allowed', `expected ${matching.map((r) => r.method).join(' or ')}`, { allow: matching.map((r) => r.method).join(', ') });
      return sendError(res, 404, 'not-found', `expected one of /api/tab/context, version, department/:id, company, dependencies, agenda, review/:reviewId/items/:itemId`);
    }
    const params = decodeParams(route.pattern.exec(rest)!, route.names);
    if (params === null) return sendError(res, 400, 'bad-request', 'path: expected a well-formed percent-encoded path');
    const reply = await route.handle(gate.caller, { params, query: queryOf(url), req });
    if ('invalid' in reply) sendError(res, reply.status, 'bad-request', reply.invalid);
    else sendJson(res, reply.status, reply.body);
  };
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://tab.invalid');
    if (!url.pathname.startsWith(TAB_API_PREFIX)) return false;
    try {
      await answer(req, res, url);
    } catch (error) {
      // The database away is a moment to wait, in the tab's error shape; anything else is the server's 500.
      if (!(error instanceof StoreUnavailable)) throw error;
      sendError(res, 503, 'unavailable', `${error.message}; try again later`, { 'retry-after': String(STORE_RETRY_AFTER_SECONDS) });
    }
    return true;
  };
}
