export * from './account-id';
export * from './owner-label';
export * from './owner-email';
