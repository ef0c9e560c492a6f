/** Jira sync: what a reconcile reads from Jira, and how its pages and issue events update the stored epic metrics. */
export {
  buildEpicMetrics,
  emptyMetrics,
  epicMetricsSchema,
  metricsToIssues,
  type CategoryCounts,
  type ChildFacts,
  type EpicMetrics,
  type IssueSetMetrics,
  type IssueSetTotals,
} from './metrics';
export type { MetricsChange } from './metrics-draft';
export {
  DEFAULT_MAX_EPICS_PER_QUERY,
  DEFAULT_SKEW_MINUTES,
  normalizeUserJql,
  planReconcile,
  reconcileFields,
  reconcileKrsOf,
  shouldSweep,
  type FoldedJql,
  type QueryPurpose,
  type ReconcileInput,
  type ReconcileKr,
  type ReconcilePlan,
  type ReconcileQuery,
  type SyncMode,
} from './plan';
export { applyReconcile, type ReconcileOutcome, type ReconcilePage } from './reconcile';
export { forgeIssueEventSchema, forgeIssueEventTypes, parseForgeIssueEvent, type ForgeIssueEvent, type ForgeIssueEventType, type ParsedEvent } from './event-schema';
export { applyFetchedIssue, applyIssueEvent, eventEpicHints, type IssueEventContext, type IssueEventOutcome } from './apply-event';
