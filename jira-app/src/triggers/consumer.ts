/**
 * The queue consumer: delivers signed events to the connected Teams service, and continues
 * reconciles and org imports that did not fit one invocation. A delivery that fails for a reason that may pass
 * (network, 408, 429, 5xx) asks Forge to retry it later; after `MAX_DELIVERY_ATTEMPTS`, or on a
 * refusal that will not pass (other 4xx), it gives up and records why in the sync state, which
 * the settings page shows.
 */
import { bridgeEventSchema, signBridgeRequest } from '@okr-bridge/core';
import { z } from 'zod';
import { createKvsBridgeStore } from '../adapters/kvs-bridge-store';
import type { AppDeps } from '../app/deps';
import { IMPORT_BUDGET_MS, importJobSchema, runImportJob } from '../app/import-org';
import { openSession } from '../app/session';
import { BUDGET_MS, reconcileJobSchema, runReconcile } from './reconcile';

export const MAX_DELIVERY_ATTEMPTS = 6;

const deliverSchema = z.strictObject({ kind: z.literal('deliver'), event: bridgeEventSchema });
const bodySchema = z.discriminatedUnion('kind', [deliverSchema, reconcileJobSchema, importJobSchema]);

export type ConsumerOutcome =
  | { readonly kind: 'done'; readonly detail: string }
  /** Ask Forge to run this event again after `afterSeconds` (Forge: `InvocationError`). */
  | { readonly kind: 'retry'; readonly reason: string; readonly afterSeconds: number };

async function recordFailure(deps: AppDeps, message: string): Promise<void> {
  const s = openSession(deps);
  const sync = await s.repo.loadSync();
  await s.repo.commit({ sync: { ...sync, lastDeliveryError: `${s.at}: ${message}` } });
}

async function deliver(deps: AppDeps, event: z.infer<typeof bridgeEventSchema>, attempt: number): Promise<ConsumerOutcome> {
  const s = openSession(deps);
  const site = await s.repo.loadSite();
  if (!site || site.teams.status !== 'connected') return { kind: 'done', detail: 'no Teams service connected; event dropped' };
  const connection = await createKvsBridgeStore(deps.kvs).loadConnection(site.teams.connection);
  if (!connection || connection.state !== 'connected') return { kind: 'done', detail: 'the connection has no secret; event dropped' };
  const body = JSON.stringify(event);
  const headers = signBridgeRequest(connection.secret, { connection: site.teams.connection, id: event.id, nowMs: s.nowMs, body });
  let status: number;
  try {
    status = (await deps.fetch(site.teams.eventsUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })).status;
  } catch (e) {
    status = 0;
    deps.log?.(`delivery of ${event.id} failed: ${(e as Error).message}`);
  }
  if (status >= 200 && status < 300) return { kind: 'done', detail: `delivered ${event.type} ${event.id}` };
  const passing = status === 0 || status === 408 || status === 429 || status >= 500;
  const reason = status === 0 ? 'the Teams service could not be reached' : `the Teams service answered ${status}`;
  if (passing && attempt < MAX_DELIVERY_ATTEMPTS) return { kind: 'retry', reason, afterSeconds: Math.min(900, 30 * 2 ** attempt) };
  await recordFailure(deps, `${event.type} ${event.id} not delivered: ${reason}`);
  return { kind: 'done', detail: `gave up on ${event.id}: ${reason}` };
}

/** Handles one queued event (`body`), on its `retryCount`-th retry (0 the first time). */
export async function handleQueueEvent(deps: AppDeps, body: unknown, retryCount = 0): Promise<ConsumerOutcome> {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return { kind: 'done', detail: `dropped an event the app does not know: ${parsed.error.issues[0]?.message ?? ''}` };
  if (parsed.data.kind === 'deliver') return deliver(deps, parsed.data.event, retryCount);
  if (parsed.data.kind === 'import') {
    const report = await runImportJob(deps, parsed.data, IMPORT_BUDGET_MS);
    return { kind: 'done', detail: `import ${report.kind}${report.kind === 'failed' ? `: ${report.message}` : ''}` };
  }
  const report = await runReconcile(deps, parsed.data, BUDGET_MS.consumer);
  return { kind: 'done', detail: `reconcile ${report.kind}` };
}
