export * from './builders';
export * from './seeded-random';
export * from './org-shapes';
