export * from './types';
export * from './expected';
export * from './status';
export * from './check-ins';
export * from './jira-issues';
export * from './jira-progress';
export * from './manual-progress';
export * from './kr-progress';
