/**
 * The dependency graph of an org against the issues read: each declared dependency with the
 * state of its deliverables, the company objectives its needing key result feeds, and the
 * hidden dependencies (cross-department links nobody declared). Lookups are built once, so
 * the cost grows with the issues under key result epics and the deliverables, not with
 * dependencies × issues.
 */
import type { IssueIndex } from '../model/issue-index';
import type { Dependency, Org } from '../model/org';
import type { StatusCategory } from '../model/issue';
import { assessDeliverable } from './assess-deliverable';
import type { DeliverableContext } from './assess-deliverable';
import { buildCompanyObjectivesOf } from './company-objectives';
import type { CompanyObjectivesOf } from './company-objectives';
import { findHiddenDependencies } from './find-hidden-dependencies';
import type { DeliverableState, DependencyGraph, DependencyResult, DependencyState } from './types';

const SEVERITY: Readonly<Record<DependencyState, number>> = { done: 0, open: 1, 'at-risk': 2, blocked: 3 };

/** The worst of the states (blocked > at-risk > open > done); `done` for none. */
export function worstState(states: readonly DependencyState[]): DependencyState {
  let worst: DependencyState = 'done';
  for (const s of states) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** "ENG-12: status is Blocked; ENG-14: flagged (Impediment)": the reasons of the deliverables in `state`. */
export function summarizeReasons(deliverables: readonly DeliverableState[], state: DependencyState): string {
  return deliverables
    .filter((d) => d.state === state && d.reasons.length > 0)
    .map((d) => `${d.key}: ${d.reasons.join(', ')}`)
    .join('; ');
}

function assessDependency(
  dependency: Dependency,
  index: IssueIndex,
  base: Omit<DeliverableContext, 'dependencyDue'>,
  companyObjectivesOf: CompanyObjectivesOf,
): DependencyResult {
  const ctx: DeliverableContext = { ...base, dependencyDue: dependency.due ?? null };
  const deliverables = dependency.deliverables.map((key) => assessDeliverable(key, index.byKey.get(key), ctx));
  const state = worstState(deliverables.map((d) => d.state));
  return {
    id: dependency.id,
    title: dependency.title ?? null,
    needs: { department: dependency.needs.department, kr: dependency.needs.kr },
    provider: dependency.provider,
    due: dependency.due ?? null,
    state,
    reason: summarizeReasons(deliverables, state),
    deliverables,
    // A delivered dependency puts nothing at risk any more.
    companyObjectivesAtRisk: state === 'done' ? [] : companyObjectivesOf(dependency.needs.kr),
  };
}

/**
 * Computes every declared dependency's state at `at` (an ISO date or instant) from the
 * issues in `index`, in the org file's order, and the hidden dependencies. A dependency is
 * as bad as its worst deliverable; its `reason` gathers the reasons of the deliverables in
 * that state, each prefixed by its key.
 */
export function computeDependencies(org: Org, index: IssueIndex, at: string): DependencyGraph {
  const base = {
    at,
    blockedStatuses: new Set(org.jira.blockedStatuses.map((s) => s.toLowerCase())),
    dueSoonDays: org.settings.dueSoonDays,
    categoryOf: (key: string): StatusCategory | undefined => index.byKey.get(key)?.category,
  };
  const companyObjectivesOf = buildCompanyObjectivesOf(org);
  return {
    dependencies: org.dependencies.map((d) => assessDependency(d, index, base, companyObjectivesOf)),
    hidden: findHiddenDependencies(org, index),
  };
}
