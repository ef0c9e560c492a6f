/**
 * The report as text-ready views, for the CLI's human output: the same company, department,
 * dependency and agenda views the panels, the tab and the cards render, so `okr report` prints
 * the words and numbers every other surface shows instead of formatting the raw evaluation.
 */
import type { ReviewAgenda } from '../agenda/types';
import type { Org } from '../model/org';
import type { Evaluation } from '../report/evaluate';
import { buildDepartmentViews, companyView } from './build-views';
import type { CompanyView, DepartmentView } from './types';
import { ViewContext } from './view-context';
import type { ViewOptions } from './view-context';

export type { ViewOptions } from './view-context';

export interface ReportView {
  /** Roll-up, department table, alignment tree, every dependency (blocked first) and all lint. */
  readonly company: CompanyView;
  /** Each department's objectives and key results, in the org file's order. */
  readonly departments: readonly DepartmentView[];
  readonly agenda: ReviewAgenda;
}

/**
 * Every view of one evaluation, for a surface that shows the whole org at once. The views share
 * one context (each objective's view is made once), so the cost is linear in the org's size
 * however many departments it has.
 */
export function buildReportView(org: Org, evaluation: Evaluation, options: ViewOptions = {}): ReportView {
  const ctx = new ViewContext(org, evaluation, options);
  return { company: companyView(ctx), departments: buildDepartmentViews(ctx), agenda: evaluation.agenda };
}
