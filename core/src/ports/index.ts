export * from './issue-source';
