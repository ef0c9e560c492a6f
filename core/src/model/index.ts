export * from './errors';
export * from './org';
export * from './kr-rules';
export * from './issue';
export * from './issue-index';
export * from './parse-org';
export * from './limits';
