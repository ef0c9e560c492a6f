export * from './account-id';
export * from './owner-label';
