/**
 * Every function of the app over one set of dependencies: the resolvers, the issue trigger,
 * the scheduled reconcile, the queue consumer and the web trigger. The Forge entry and the
 * local Forge host both build their functions here, so they run the same code.
 */
import { createResolverHandlers, type ResolverHandlers } from '../resolvers';
import { handleQueueEvent, type ConsumerOutcome } from '../triggers/consumer';
import { handleIssueEvent, type IssueEventReport } from '../triggers/issue-trigger';
import { startReconcile, type ReconcileReport } from '../triggers/reconcile';
import { handleWebTrigger, type WebTriggerRequestEvent, type WebTriggerResponse } from '../webtrigger/web-trigger';
import type { AppDeps } from './deps';

export interface AppHandlers {
  readonly resolvers: ResolverHandlers;
  readonly issueEvent: (event: unknown) => Promise<IssueEventReport>;
  readonly scheduledReconcile: () => Promise<ReconcileReport>;
  readonly queueEvent: (body: unknown, retryCount?: number) => Promise<ConsumerOutcome>;
  readonly webTrigger: (request: WebTriggerRequestEvent) => Promise<WebTriggerResponse>;
}

export function createAppHandlers(deps: AppDeps): AppHandlers {
  return {
    resolvers: createResolverHandlers(deps),
    issueEvent: (event) => handleIssueEvent(deps, event),
    scheduledReconcile: () => startReconcile(deps),
    queueEvent: (body, retryCount) => handleQueueEvent(deps, body, retryCount),
    webTrigger: (request) => handleWebTrigger(deps, request),
  };
}
