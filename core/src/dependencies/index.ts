export * from './types';
export { computeDependencies, worstState, summarizeReasons } from './compute-dependencies';
export { assessDeliverable, isBlockedByLink } from './assess-deliverable';
export type { DeliverableContext } from './assess-deliverable';
export { buildCompanyObjectivesOf } from './company-objectives';
export type { CompanyObjectivesOf } from './company-objectives';
export { findHiddenDependencies, mapIssueDepartments } from './find-hidden-dependencies';
export { describeDue } from './due';
