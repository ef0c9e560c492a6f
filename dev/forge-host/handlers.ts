/**
 * What the host's routes do: open a session per page load with the context it picked, serve
 * the shim, run resolver calls as the session's caller, proxy `requestJira` from the browser,
 * keep gadget configurations, and hand the emulator's issue events to the app's trigger.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { buildForgeContext, PANEL_MODULES, panelQuerySchema, type PanelName } from './context';
import { FunctionFailure, type HostBackend } from './backend';
import type { GadgetStore } from './gadget-store';
import { sendError, sendText } from './http-util';
import type { JiraAccess } from './jira-access';
import { renderIndexPage } from './index-page';
import type { RouteHandlers } from './routes';
import type { SessionStore } from './sessions';
import { shimScript } from './shim-script';
import { serveAsset, servePanelPage } from './static-files';
import { deliverIssueEvent } from './events';
import { panelCsp, type ManifestFacts } from './manifest';

export interface HandlerDeps {
  readonly uiDir: string;
  readonly backend: HostBackend;
  readonly jira: JiraAccess;
  readonly sessions: SessionStore;
  readonly gadgets: GadgetStore;
  readonly eventToken: string;
  readonly defaultAccountId: string;
  readonly siteUrl: string;
  /** What the app's manifest says about its pages (CSP, the gadget's edit view). */
  readonly manifest: ManifestFacts;
  readonly log: (message: string) => void;
}

export interface Handlers extends RouteHandlers {
  /** Runs a resolver with an explicit context (what `invoke` does with a session's). */
  invokeAs(context: { accountId?: string; extension?: Record<string, unknown> }, body: { functionKey: string; payload?: unknown }): Promise<{ readonly status: number; readonly body: unknown }>;
  subscribe(emulatorUrl: string, eventsUrl: string, authorization?: string): Promise<string>;
  unsubscribe(emulatorUrl: string, id: string, authorization?: string): Promise<void>;
  settled(): Promise<void>;
}

/** Compares tokens in constant time (through their hashes, so lengths may differ). */
function sameToken(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

const authHeaders = (authorization?: string): Record<string, string> => (authorization ? { authorization } : {});

/** The handlers over `d`. */
export function createHandlers(d: HandlerDeps): Handlers {
  let pendingEvents: Promise<void> = Promise.resolve();

  async function panelPage(res: ServerResponse, panel: PanelName, params: URLSearchParams): Promise<void> {
    const parsed = panelQuerySchema.safeParse(Object.fromEntries(params));
    if (!parsed.success) return sendError(res, 400, parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
    const query = parsed.data;
    if (panel === 'department' && !query.project) return sendError(res, 400, 'expected ?project=KEY: the project page shows the department owning a project');
    if (panel === 'epic' && !query.issue) return sendError(res, 400, 'expected ?issue=KEY: the issue panel shows one epic');
    const editing = panel === 'gadget' && query.mode === 'edit';
    // Jira offers a gadget's edit view only when the manifest names its resource.
    if (editing && d.manifest.gadgetEdit === null) return sendError(res, 404, 'the manifest declares no edit view for the jira:dashboardGadget (edit: { resource }), so Jira shows none');
    const issue = query.issue ? await d.jira.issueFacts(query.issue) : null;
    if (query.issue && !issue) return sendError(res, 404, `no issue ${query.issue} in the Jira emulator`);
    const context = buildForgeContext({ panel, query, accountId: query.accountId ?? d.defaultAccountId, siteUrl: d.siteUrl, issue, gadgetConfiguration: d.gadgets.get(query.gadget) });
    const session = d.sessions.open(panel, query.gadget, context);
    const folder = editing && d.manifest.gadgetEdit !== null ? d.manifest.gadgetEdit : panel;
    await servePanelPage(res, join(d.uiDir, folder), `/__forge-host/bridge.js?session=${session.id}`, panelCsp(d.manifest.inlineStyles));
  }

  async function invokeAs(context: { accountId?: string; extension?: Record<string, unknown> }, body: { functionKey: string; payload?: unknown }): Promise<{ status: number; body: unknown }> {
    const name = body.functionKey;
    const moduleType = typeof context.extension?.type === 'string' ? context.extension.type : 'jira:adminPage';
    try {
      const answer = await d.backend.serialize('invoke', name, () => d.backend.invokeResolver(moduleType, name, body.payload ?? {}, context), (a) => (a as { ok?: unknown } | undefined)?.ok === true);
      return { status: 200, body: answer };
    } catch (e) {
      if (!(e instanceof FunctionFailure)) throw e;
      d.log(`resolver ${name}: ${e.message}`);
      // What the bridge's invoke rejects with when the function fails.
      return { status: 500, body: { message: e.message } };
    }
  }

  return {
    indexPage: () => renderIndexPage(Object.keys(PANEL_MODULES) as PanelName[]),
    panelPage,
    asset: (res, panel, path) => serveAsset(res, join(d.uiDir, panel), path),
    async shim(res, id) {
      const session = d.sessions.get(id ?? undefined);
      if (!session) return sendError(res, 401, 'expected the session of a page this host served; reload the panel');
      const keep = new URLSearchParams({ accountId: String(session.context.accountId ?? d.defaultAccountId), theme: (session.context.theme as { colorMode?: string } | undefined)?.colorMode ?? 'light' });
      const routes = { issue: `/panels/epic/?${keep}&issue={key}`, project: `/panels/department/?${keep}&project={key}` };
      const script = await shimScript({ session: session.id, context: session.context, routes });
      sendText(res, 200, 'text/javascript', script);
    },
    session: (id) => d.sessions.get(id),
    invoke: (session, body) => invokeAs(session.context as { accountId?: string; extension?: Record<string, unknown> }, body),
    invokeAs,
    async fetchProduct(session, body) {
      const init = body.fetchRequestInit ?? {};
      const accountId = (session.context as { accountId?: string }).accountId;
      const res = await d.jira.runAs({ accountId }, () =>
        d.jira.asUser(body.restPath, { method: init.method ?? 'GET', headers: Object.fromEntries(init.headers ?? []), ...(init.body ? { body: init.body } : {}) }),
      );
      return { status: res.status, statusText: '', headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' }, body: await res.text() };
    },
    async submit(session, body) {
      d.gadgets.set(session.gadget, body.payload);
    },
    webTrigger: (request) => d.backend.serialize('webtrigger', request.method, () => d.backend.webTrigger(request), (r) => r.statusCode < 400),
    async event(token, body) {
      if (!sameToken(token, d.eventToken)) return false;
      const delivery = pendingEvents.then(() => deliverIssueEvent(d.backend, body, d.log));
      pendingEvents = delivery;
      return true;
    },
    async subscribe(emulatorUrl, eventsUrl, authorization) {
      const res = await fetch(new URL('/_emulator/webhooks', emulatorUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...authHeaders(authorization) }, body: JSON.stringify({ url: eventsUrl }) });
      if (!res.ok) throw new Error(`the Jira emulator refused the host's webhook: ${res.status} ${await res.text()}`);
      const hook = (await res.json()) as { id?: unknown };
      return String(hook.id);
    },
    async unsubscribe(emulatorUrl, id, authorization) {
      const res = await fetch(new URL(`/_emulator/webhooks/${encodeURIComponent(id)}`, emulatorUrl), { method: 'DELETE', headers: authHeaders(authorization) });
      await res.arrayBuffer();
    },
    settled: () => pendingEvents,
  };
}
