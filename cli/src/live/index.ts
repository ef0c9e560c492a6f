export { resolveJiraAuth, CREDENTIALS_HELP, type CredentialOptions, type Env } from './credentials';
export { syncOrgFromJira, extraKeysOf, type LiveSync, type LiveSyncOptions } from './live-sync';
export { readReconcilePlan, compareKeys, type PlanRead, type ReadPlanOptions, type FieldIds } from './read-plan';
export { createProgressBar, renderProgress, formatCount, type ProgressBar, type ProgressBarOptions } from './progress-bar';
export { formatJiraStatsLine } from './stats-line';
export { runLive, liveOptions, LIVE_USAGE_OPTIONS, type LiveIo, type LiveValues } from './live-command';
