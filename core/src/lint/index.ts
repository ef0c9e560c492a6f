export * from './types';
export { lintOrg, hasLintErrors } from './lint-org';
export type { LintContext } from './lint-org';
