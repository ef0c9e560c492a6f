/**
 * The Forge entry: wires the real `@forge/*` modules into the app's functions and exports the
 * handlers `manifest.yml` names. Only registration here; the work is in `app/handlers.ts`.
 */
import api, { assumeTrustedRoute, fetch, webTrigger } from '@forge/api';
import { InvocationError, InvocationErrorCode, Queue, type AsyncEvent } from '@forge/events';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';
import { randomBytes, randomUUID } from 'node:crypto';
import { createAppHandlers } from './app/handlers';
import type { AppDeps, HttpResponse, RequestJira } from './app/deps';
import type { KvsLike } from './adapters/kvs-port';
import { RESOLVER_NAMES } from './contract';

/** The queue `manifest.yml` binds the consumer to. */
export const QUEUE_KEY = 'okr-work';
export const WEB_TRIGGER_KEY = 'teams-webtrigger';

const asUser: RequestJira = async (path, init) => (await api.asUser().requestJira(assumeTrustedRoute(path), init)) as unknown as HttpResponse;
const asApp: RequestJira = async (path, init) => (await api.asApp().requestJira(assumeTrustedRoute(path), init)) as unknown as HttpResponse;
const queue = new Queue({ key: QUEUE_KEY });

const deps: AppDeps = {
  kvs: kvs satisfies KvsLike,
  jira: { asUser, asApp },
  queue: { push: async (events) => void (await queue.push(events.map((e) => ({ body: e.body, ...(e.delayInSeconds ? { delayInSeconds: e.delayInSeconds } : {}) })))) },
  fetch: async (url, init) => (await fetch(url, init)) as unknown as HttpResponse,
  clock: () => Date.now(),
  ids: { id: () => randomUUID(), secret: () => randomBytes(32).toString('base64url') },
  webTriggerUrl: () => webTrigger.getUrl(WEB_TRIGGER_KEY),
  log: (message) => console.warn(message),
};

const app = createAppHandlers(deps);

const resolver = new Resolver();
for (const name of RESOLVER_NAMES) {
  resolver.define(name, (request) => app.resolvers[name]({ payload: request.payload, context: { accountId: request.context.accountId, extension: request.context.extension } }));
}

/** `function` of the panels' resolver. */
export const resolverHandler = resolver.getDefinitions();

/** `avi:jira:created|updated|deleted:issue` (with `filter.ignoreSelf`). Forge ignores the answer; it says what the trigger did, for logs and the local host. */
export async function issueTrigger(event: unknown) {
  return app.issueEvent(event);
}

/** The hourly `scheduledTrigger`. The report is for logs and the local host (Forge ignores it). */
export async function reconcileTrigger() {
  return app.scheduledReconcile();
}

/** The queue consumer: deliveries to Teams and reconcile continuations. */
export async function queueConsumer(event: AsyncEvent): Promise<InvocationError | void> {
  const outcome = await app.queueEvent(event.body, event.retryContext?.retryCount ?? 0);
  if (outcome.kind === 'retry') return new InvocationError({ retryAfter: outcome.afterSeconds, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, retryData: { reason: outcome.reason } });
}

/** The web trigger the Teams service calls. */
export async function teamsWebTrigger(request: { method?: string; headers?: Record<string, string[]>; body?: string }) {
  return app.webTrigger(request);
}
