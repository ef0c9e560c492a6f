/**
 * Rules on one key result that the org schema and the forms share: written once here, without
 * zod, so a browser form can run the very rule the org file is checked with.
 */

/**
 * What is wrong with a metric's start and target, or null when nothing is: a target equal to
 * its start can never be reached or missed (progress would read 0% all cycle, "from 2.8 s to
 * 2.8 s"). A missing target is lint's finding ("no target"), not this rule's.
 */
export function metricTargetProblem(kr: { readonly start: number; readonly target?: number | undefined }): string | null {
  return kr.target !== undefined && kr.target === kr.start ? `expected a target different from the start (${kr.start})` : null;
}
