/**
 * The department panel's sparklines: core's `computeDepartmentTrend` over the department's
 * stored input alone (no Jira call, no extra read), key result JQLs answered from the stored
 * matches as the view's own evaluation answers them.
 */
import { buildIssueIndex, computeDepartmentTrend as computeTrend, metricsToIssues, TREND_POINTS } from '@okr-bridge/core';
import type { DepartmentTrend } from '../contract-results';
import type { DepartmentInput } from '../storage/records';
import { storedJqlIssues } from './evaluate-stored';

export { TREND_POINTS };

/**
 * The progress history of department `input.department`, its objectives and key results at
 * `at`, `points` points each (fewer early in the cycle: one a day at most).
 */
export function computeDepartmentTrend(input: DepartmentInput, at: string, points = TREND_POINTS): DepartmentTrend {
  const index = buildIssueIndex(metricsToIssues(input.metrics));
  return computeTrend({ org: input.org, index, jqlIssues: storedJqlIssues(input.metrics, index.all, at), department: input.department, at, points });
}
